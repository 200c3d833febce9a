/// The course's lessons in order, as Jupyter Book and mdBook show them beside every page, the
/// current one marked for the eye and for screen readers (`aria-current`). Titles and paths are
/// escaped once for the whole site; each page only joins them.
struct CourseSidebar: Sendable {
    /// Escaped titles and page paths (relative to the site's top), in the course's order.
    private let entries: [(title: String, href: String)]
    private let siteTitle: String
    /// The list of lessons when a lesson is the home page (`index.md`) and the list moved.
    private let contentsPath: String?

    init(siteTitle: String, titles: [String], pagePaths: [String], contentsPath: String? = nil) {
        self.siteTitle = HTMLText.escape(siteTitle)
        self.contentsPath = contentsPath.map(HTMLText.escape)
        entries = zip(titles, pagePaths).map { (HTMLText.escape($0), HTMLText.escape($1)) }
    }

    /// The sidebar of the page at `current`, whose folder climbs back to the top by `rootPrefix`.
    func html(current: Int, rootPrefix: String) -> String {
        var out = "<nav class=\"course\" aria-label=\"Lessons\">\n<p class=\"toc-title\">"
        out += "<a href=\"\(rootPrefix)index.html\">" + siteTitle + "</a></p>\n<ol>\n"
        for (index, entry) in entries.enumerated() {
            if index == current {
                out += "<li class=\"current\"><a href=\"" + rootPrefix + entry.href + "\" aria-current=\"page\">"
            } else {
                out += "<li><a href=\"" + rootPrefix + entry.href + "\">"
            }
            out += entry.title + "</a></li>\n"
        }
        out += "</ol>\n"
        if let contentsPath {
            out += "<p class=\"contents\"><a href=\"\(rootPrefix)\(contentsPath)\">All lessons</a></p>\n"
        }
        return out + "</nav>\n"
    }
}
