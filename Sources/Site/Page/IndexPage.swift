/// `index.html`: the lessons in order with their titles and verdict counts.
struct IndexPage {
    struct Entry {
        var title: String
        var href: String
        var summary: VerdictSummary
    }

    var siteTitle: String
    var entries: [Entry]

    func render() -> String {
        var out = PageHead.render(title: siteTitle, siteTitle: siteTitle, rootPrefix: "")
        out += """
            <main class="index">
            <h1>\(HTMLText.escape(siteTitle))</h1>
            <ol class="lessons">

            """
        for entry in entries {
            let mismatches = entry.summary.counts[.mismatch] ?? 0
            out +=
                "<li\(mismatches > 0 ? " class=\"has-mismatch\"" : "")><a href=\"\(HTMLText.escape(entry.href))\">"
                + HTMLText.escape(entry.title) + "</a> <span class=\"counts\">" + HTMLText.escape(entry.summary.line)
                + "</span></li>\n"
        }
        out += "</ol>\n</main>\n</body>\n</html>\n"
        return out
    }
}
