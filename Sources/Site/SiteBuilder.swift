import Foundation
import LessonMarkdown
import LitmusDiagnostics

/// Renders lessons to a static site: one page per lesson, `index.html` and `litmus.css`.
///
/// Takes values and returns values: the caller reads the lessons, says which files exist, and
/// writes the pages and copies the images the result names.
public struct SiteBuilder {
    /// The site's name, shown in every page's header and on the index.
    public var siteTitle: String
    /// Whether a path relative to the lesson folder names an existing file (called from
    /// several threads: pages are rendered in parallel).
    public var fileExists: @Sendable (String) -> Bool

    public init(siteTitle: String = "Lessons", fileExists: @escaping @Sendable (String) -> Bool) {
        self.siteTitle = siteTitle
        self.fileExists = fileExists
    }

    /// An SVG file a lesson shows as an image, as it may be copied into the site: through the
    /// same allowlist as inline SVG, so opened on its own from the site it runs nothing.
    public static func sanitizedSVGFile(_ text: String) -> String {
        HTMLSanitizer.sanitizeSVGFile(text)
    }

    /// What a build produces.
    public struct Output: Sendable {
        /// Page paths (relative to the site folder) and their HTML or CSS, in a stable order.
        public var files: [(path: String, contents: String)]
        /// Files to copy from the lesson folder to the same relative path in the site (images;
        /// an `.svg` is written through `sanitizedSVGFile`).
        public var copies: [String]
        /// Warnings (broken links, missing images) by lesson path, in file coordinates.
        public var diagnostics: [String: [Diagnostic]]
    }

    /// Renders `lessons` in the order given (which is the order of the index and the pager).
    /// Pages are rendered in parallel, one lesson per task; the output does not depend on it.
    public func build(_ lessons: [SiteLesson]) -> Output {
        let (lessons, indexPath) = Self.assignPages(lessons)
        let pagePaths = Set(lessons.map(\.pagePath))
        let pages = Dictionary(lessons.map { ($0.relativePath, $0.pagePath) }) { first, _ in first }
        let titles = lessons.map { $0.lesson.title ?? $0.relativePath }
        let fileExists = self.fileExists
        let siteTitle = self.siteTitle
        let equations = EquationIndex(lessons)
        let sidebar = CourseSidebar(
            siteTitle: siteTitle, titles: titles, pagePaths: lessons.map(\.pagePath),
            contentsPath: indexPath == "index.html" ? nil : indexPath)
        let rendered = ParallelMap.map(lessons.indices) { position in
            Self.page(
                lessons[position], position: position, lessons: lessons, titles: titles, pagePaths: pagePaths,
                pages: pages, siteTitle: siteTitle, sidebar: sidebar, equations: equations, fileExists: fileExists)
        }
        var files: [(path: String, contents: String)] = []
        var copies: Set<String> = []
        var diagnostics: [String: [Diagnostic]] = [:]
        var entries: [IndexPage.Entry] = []
        for (position, item) in lessons.enumerated() {
            let page = rendered[position]
            files.append((item.pagePath, page.html))
            copies.formUnion(page.copies)
            if !page.diagnostics.isEmpty { diagnostics[item.lesson.path] = page.diagnostics }
            entries.append(IndexPage.Entry(title: titles[position], href: item.pagePath, summary: page.summary))
        }
        files.append((indexPath, IndexPage(siteTitle: siteTitle, entries: entries).render()))
        files.append(("litmus.css", Stylesheet.css))
        return Output(files: files, copies: copies.sorted(), diagnostics: diagnostics)
    }

    /// Every lesson gets a page of its own and the site's files keep theirs: a lesson whose page
    /// another already has (`a.md` and `a.ipynb`) keeps its extension in its page's name
    /// (`a.ipynb.html`); a top-level `index.md` is the site's home page, as in Quarto and
    /// Jupyter Book, and the list of lessons then moves to `contents.html` (the sidebar links it).
    static func assignPages(_ lessons: [SiteLesson]) -> ([SiteLesson], indexPath: String) {
        var taken: Set<String> = ["litmus.css"]
        var out = lessons
        for index in out.indices {
            var page = out[index].pagePath
            if taken.contains(page) {
                let base = out[index].relativePath
                page = base + ".html"
                var counter = 2
                while taken.contains(page) {
                    page = base + "-\(counter).html"
                    counter += 1
                }
                out[index].pagePath = page
            }
            taken.insert(page)
        }
        var indexPath = "index.html"
        var counter = 1
        while taken.contains(indexPath) {
            indexPath = counter == 1 ? "contents.html" : "contents-\(counter).html"
            counter += 1
        }
        return (out, indexPath)
    }

    /// One rendered lesson.
    private struct Page: Sendable {
        var html: String
        var copies: Set<String>
        var diagnostics: [Diagnostic]
        var summary: VerdictSummary
    }

    private static func page(
        _ item: SiteLesson, position: Int, lessons: [SiteLesson], titles: [String], pagePaths: Set<String>,
        pages: [String: String], siteTitle: String, sidebar: CourseSidebar, equations: EquationIndex,
        fileExists: @escaping @Sendable (String) -> Bool
    ) -> Page {
        var links = LinkResolver(
            lessonPath: item.relativePath, pagePaths: pagePaths, pages: pages, fileExists: fileExists)
        let root = SitePaths.rootPrefix(for: item.pagePath)
        var linker: EquationLinker? = EquationLinker(index: equations, page: item.pagePath, rootPrefix: root)
        let formulas = MathRenderer.render(
            item.lesson, marks: item.marks, numbers: equations.byFormula[position], linker: &linker)
        var writer = HTMLWriter(lesson: item.lesson, formulas: formulas, outputs: item.outputs) {
            destination, isImage in
            links.rewrite(destination, isImage: isImage)
        }
        writer.references = { text, range in linker!.linkingReferences(in: text, at: range) }
        let content = writer.write()
        links.check(item.lesson)
        let diagnostics = (links.diagnostics + equations.diagnostics[position] + linker!.diagnostics).sorted {
            ($0.range?.start ?? .start) < ($1.range?.start ?? .start)
        }
        let summary = VerdictSummary(formulaCount: item.lesson.math.count, marks: item.marks)
        func neighbour(_ index: Int) -> PageTemplate.Neighbour? {
            guard lessons.indices.contains(index) else { return nil }
            return PageTemplate.Neighbour(title: titles[index], href: root + lessons[index].pagePath)
        }
        let template = PageTemplate(
            title: titles[position], siteTitle: siteTitle, course: sidebar.html(current: position, rootPrefix: root),
            rootPrefix: root,
            toc: writer.toc,
            summary: summary.html(marks: item.marks) { item.lesson.math[$0].latex },
            content: content, previous: neighbour(position - 1), next: neighbour(position + 1))
        return Page(html: template.render(), copies: links.copies, diagnostics: diagnostics, summary: summary)
    }
}
