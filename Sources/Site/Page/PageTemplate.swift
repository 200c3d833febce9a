/// The frame of every page: head, site header, the course's lessons, the page's contents, verdict
/// summary, content and the previous/next links. Pages link one stylesheet by a relative path and fetch nothing else,
/// so they open from disk with no network.
struct PageTemplate {
    struct Neighbour {
        var title: String
        var href: String
    }

    /// A lesson in the course sidebar.
    struct CourseEntry {
        var title: String
        /// Relative to the site's top.
        var href: String
    }

    var title: String
    var siteTitle: String
    /// Every lesson of the course in order, and which one this page is.
    var course: [CourseEntry]
    var current: Int
    /// `../` repeated back to the site's top, for the stylesheet and the index.
    var rootPrefix: String
    var toc: [HTMLWriter.TOCEntry]
    var summary: String
    var content: String
    var previous: Neighbour?
    var next: Neighbour?

    func render() -> String {
        var out = PageHead.render(title: "\(title) · \(siteTitle)", siteTitle: siteTitle, rootPrefix: rootPrefix)
        out += """
            <div class="layout">

            """
        out += courseSidebar()
        out += "<nav class=\"toc\" aria-label=\"On this page\">\n<p class=\"toc-title\">On this page</p>\n<ul>\n"
        for entry in toc where entry.level <= 3 {
            out +=
                "<li class=\"level-\(entry.level)\"><a href=\"#\(HTMLText.escape(entry.id))\">"
                + HTMLText.escape(entry.text) + "</a></li>\n"
        }
        out += "</ul>\n</nav>\n<main>\n"
        out += summary
        out += "<article class=\"lesson\">\n" + content + "</article>\n"
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

    /// The course's lessons in order, as Jupyter Book and mdBook show them, the current one marked
    /// for the eye and for screen readers (`aria-current`).
    private func courseSidebar() -> String {
        var out = "<nav class=\"course\" aria-label=\"Lessons\">\n<p class=\"toc-title\">"
        out += "<a href=\"\(rootPrefix)index.html\">" + HTMLText.escape(siteTitle) + "</a></p>\n<ol>\n"
        for (index, entry) in course.enumerated() {
            let title = HTMLText.escape(entry.title)
            if index == current {
                out +=
                    "<li class=\"current\"><a href=\"\(HTMLText.escape(rootPrefix + entry.href))\" aria-current=\"page\">"
                out += title + "</a></li>\n"
            } else {
                out += "<li><a href=\"\(HTMLText.escape(rootPrefix + entry.href))\">" + title + "</a></li>\n"
            }
        }
        return out + "</ol>\n</nav>\n"
    }
}
