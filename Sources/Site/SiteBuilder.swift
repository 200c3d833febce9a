import LessonMarkdown
import LitmusDiagnostics

/// Renders lessons to a static site: one page per lesson, `index.html` and `litmus.css`.
///
/// Takes values and returns values: the caller reads the lessons, says which files exist, and
/// writes the pages and copies the images the result names.
public struct SiteBuilder {
    /// The site's name, shown in every page's header and on the index.
    public var siteTitle: String
    /// Whether a path relative to the lesson folder names an existing file.
    public var fileExists: (String) -> Bool

    public init(siteTitle: String = "Lessons", fileExists: @escaping (String) -> Bool) {
        self.siteTitle = siteTitle
        self.fileExists = fileExists
    }

    /// What a build produces.
    public struct Output: Sendable {
        /// Page paths (relative to the site folder) and their HTML or CSS, in a stable order.
        public var files: [(path: String, contents: String)]
        /// Files to copy from the lesson folder to the same relative path in the site (images).
        public var copies: [String]
        /// Warnings (broken links, missing images) by lesson path, in file coordinates.
        public var diagnostics: [String: [Diagnostic]]
    }

    /// Renders `lessons` in the order given (which is the order of the index and the pager).
    public func build(_ lessons: [SiteLesson]) -> Output {
        var files: [(path: String, contents: String)] = []
        var copies: Set<String> = []
        var diagnostics: [String: [Diagnostic]] = [:]
        var entries: [IndexPage.Entry] = []
        let pagePaths = Set(lessons.map(\.pagePath))
        for (position, item) in lessons.enumerated() {
            var links = LinkResolver(lessonPath: item.relativePath, pagePaths: pagePaths, fileExists: fileExists)
            let formulas = MathRenderer.render(item.lesson, marks: item.marks)
            var writer = HTMLWriter(lesson: item.lesson, formulas: formulas, outputs: item.outputs) { destination, isImage in
                links.rewrite(destination, isImage: isImage)
            }
            let content = writer.write()
            links.check(item.lesson)
            copies.formUnion(links.copies)
            if !links.diagnostics.isEmpty { diagnostics[item.lesson.path] = links.diagnostics }
            let summary = VerdictSummary(formulaCount: item.lesson.math.count, marks: item.marks)
            let title = item.lesson.title ?? item.relativePath
            let root = SitePaths.rootPrefix(for: item.pagePath)
            func neighbour(_ index: Int) -> PageTemplate.Neighbour? {
                guard lessons.indices.contains(index) else { return nil }
                let other = lessons[index]
                return PageTemplate.Neighbour(title: other.lesson.title ?? other.relativePath, href: root + other.pagePath)
            }
            let page = PageTemplate(
                title: title, siteTitle: siteTitle, rootPrefix: root, toc: writer.toc,
                summary: summary.html(marks: item.marks) { item.lesson.math[$0].latex },
                content: content, previous: neighbour(position - 1), next: neighbour(position + 1))
            files.append((item.pagePath, page.render()))
            entries.append(IndexPage.Entry(title: title, href: item.pagePath, summary: summary))
        }
        files.append(("index.html", IndexPage(siteTitle: siteTitle, entries: entries).render()))
        files.append(("litmus.css", Stylesheet.css))
        return Output(files: files, copies: copies.sorted(), diagnostics: diagnostics)
    }
}
