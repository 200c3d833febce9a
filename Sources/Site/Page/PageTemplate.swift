/// The frame of every page: head, site header, the course's lessons, the page's contents, verdict
/// summary, content and the previous/next links. Pages link one stylesheet by a relative path and
/// fetch nothing else, so they open from disk with no network.
struct PageTemplate {
    struct Neighbour {
        var title: String
        var href: String
    }

    var title: String
    var siteTitle: String
    /// The course's lessons, with this page marked.
    var course: String
    /// `../` repeated back to the site's top, for the stylesheet and the index.
    var rootPrefix: String
    var toc: [HTMLWriter.TOCEntry]
    var summary: String
    var content: String
    var previous: Neighbour?
    var next: Neighbour?

    func render() -> String {
        var out = PageHead.render(title: "\(title) · \(siteTitle)", siteTitle: siteTitle, rootPrefix: rootPrefix)
        // The page is mostly its content and sidebar: room for them at once, not by doubling.
        out.reserveCapacity(out.utf8.count + course.utf8.count + summary.utf8.count + content.utf8.count + 4_096)
        out += """
            <div class="layout">

            """
        out += course
        out += "<nav class=\"toc\" aria-label=\"On this page\">\n<p class=\"toc-title\">On this page</p>\n<ul>\n"
        for entry in toc where entry.level <= 3 {
            out +=
                "<li class=\"level-\(entry.level)\"><a href=\"#\(HTMLText.escape(entry.id))\">"
                + HTMLText.escape(entry.text) + "</a></li>\n"
        }
        out += "</ul>\n</nav>\n<main>\n"
        out += summary
        out += "<article class=\"lesson\">\n"
        out += content
        out += "</article>\n"
        out += "<nav class=\"pager\" aria-label=\"Lessons\">\n"
        if let previous {
            out +=
                "<a class=\"previous\" rel=\"prev\" href=\"\(HTMLText.escape(previous.href))\">← "
                + HTMLText.escape(previous.title) + "</a>\n"
        }
        if let next {
            out +=
                "<a class=\"next\" rel=\"next\" href=\"\(HTMLText.escape(next.href))\">"
                + HTMLText.escape(next.title) + " →</a>\n"
        }
        out += "</nav>\n</main>\n</div>\n</body>\n</html>\n"
        return out
    }
}
