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
        /// Each lesson's page (by lesson path), whether rendered this time or not.
        public var pagePaths: [String: String] = [:]
        /// The page that lists the lessons (`index.html`, or `contents.html` when a lesson is the
        /// home page).
        public var indexPath = "index.html"
    }

    /// Renders `lessons` in the order given (which is the order of the index and the pager).
    /// Pages are rendered in parallel, one lesson per task; the output does not depend on it.
    ///
    /// `rendering` names the lessons (by path) whose pages to render; the others are left out of
    /// the output, while the index and every rendered page's links still list the whole course.
    /// A live preview renders again only the lesson that changed this way.
    public func build(_ lessons: [SiteLesson], rendering: Set<String>? = nil) -> Output {
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
        let positions = lessons.indices.filter { rendering?.contains(lessons[$0].lesson.path) ?? true }
        let rendered = ParallelMap.map(positions.indices) { slot in
            Self.page(
                lessons[positions[slot]], position: positions[slot], lessons: lessons, titles: titles,
                pagePaths: pagePaths, pages: pages, siteTitle: siteTitle, sidebar: sidebar, equations: equations,
                fileExists: fileExists)
        }
        let renderedPages = Dictionary(uniqueKeysWithValues: zip(positions, rendered))
        var files: [(path: String, contents: String)] = []
        var copies: Set<String> = []
        var diagnostics: [String: [Diagnostic]] = [:]
        var entries: [IndexPage.Entry] = []
        for (position, item) in lessons.enumerated() {
            let summary = VerdictSummary(formulaCount: item.lesson.math.count, marks: item.marks)
            entries.append(IndexPage.Entry(title: titles[position], href: item.pagePath, summary: summary))
            guard let page = renderedPages[position] else { continue }
            files.append((item.pagePath, page.html))
            copies.formUnion(page.copies)
            if !page.diagnostics.isEmpty { diagnostics[item.lesson.path] = page.diagnostics }
        }
        files.append((indexPath, IndexPage(siteTitle: siteTitle, entries: entries).render()))
        files.append(("litmus.css", Stylesheet.css))
        return Output(
            files: files, copies: copies.sorted(), diagnostics: diagnostics,
            pagePaths: Dictionary(lessons.map { ($0.lesson.path, $0.pagePath) }) { first, _ in first },
            indexPath: indexPath)
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
            item.lesson, checked: item.checked, marks: item.marks, numbers: equations.byFormula[position],
            linker: &linker)
        var writer = HTMLWriter(lesson: item.lesson, formulas: formulas, outputs: item.outputs) {
            destination, isImage in
            links.rewrite(destination, isImage: isImage)
        }
        writer.labelReference = { reference in
            linker!.link(
                EquationReference(key: reference.target, parenthesised: reference.syntax != .texPlain),
                at: reference.range)
        }
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
