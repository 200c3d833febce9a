import CellRecords
import Checks
import Foundation
import Harness
import LessonMarkdown
import LitmusDiagnostics
import Site

/// The course as `litmus serve` shows it: every lesson read, checked and rendered once, kept in
/// memory, and brought up to date one lesson at a time as its file changes — only the lesson
/// that changed is read and checked again, and only its page (with the index) is rendered
/// again, unless the course's list of lessons or a title changed, which every page shows.
///
/// Called from the watcher (`refresh`), the cell runner (`recordArrived`) and the server's
/// request handlers (`response`); one lock guards the state.
final class PreviewCourse: @unchecked Sendable {
    /// The lessons and folders the author named.
    let paths: [String]
    /// The site's name: the course file's title, else this.
    let defaultTitle: String
    var siteTitle: String { course?.title ?? defaultTitle }
    let events: ReloadEvents
    /// Why cells do not run (`--no-run`, no package here), or nil when they do.
    let cellsNotRun: String?
    /// Called with the lessons whose cells should run again.
    var onCellsStale: @Sendable ([String]) -> Void = { _ in }
    /// Where progress lines go.
    var log: @Sendable (String) -> Void = { print($0) }

    private let lock = NSLock()
    private let checker = LessonChecker()
    private let store = LessonRecordStore(root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    /// The folder the lessons share: pages are laid out relative to it, and images are served
    /// from it.
    private(set) var base = "."
    /// Lessons by path, and their order.
    private var lessons: [String: PreviewLesson] = [:]
    private var order: [String] = []
    /// The lessons the site shows, in its order (the course file's, without its exclusions).
    private var siteOrder: [String] = []
    /// The course file (`litmus.yml`), where there is one, and the stamp it was read at.
    private var course: CourseFile?
    private var courseStamp: (path: String, stamp: FileStamp)?
    /// Where warnings about the course file go.
    var printCourseDiagnostics: @Sendable ([Diagnostic], CourseFile) -> Void = { _, _ in }
    /// Rendered pages (as Site wrote them) by page path, with the version each was rendered at.
    private var pages: [String: (html: String, version: Int)] = [:]
    private var stylesheet = ""
    /// Each lesson's page, as Site assigned it (`a.ipynb.html` beside `a.html`), and the page
    /// that lists the lessons (`contents.html` when `index.md` is the home page).
    private var pageOfLesson: [String: String] = [:]
    private var indexPath = "index.html"
    private var version = 0
    /// Lessons whose cells are running now.
    private var running: Set<String> = []

    init(paths: [String], siteTitle: String, events: ReloadEvents, cellsNotRun: String?) {
        self.paths = paths
        self.defaultTitle = siteTitle
        self.events = events
        self.cellsNotRun = cellsNotRun
    }

    // MARK: - Following the files

    /// What one look at the files found and did.
    struct Refresh {
        /// Lessons read again (new or changed), checked or still being checked.
        var lessons: [PreviewLesson] = []
        /// Lessons that went away.
        var removed: [String] = []
        /// Pages rendered again.
        var pages: Set<String> = []
        /// Milliseconds from the look to the pages being ready.
        var milliseconds: Double = 0

        var isEmpty: Bool { lessons.isEmpty && removed.isEmpty }
    }

    /// How long a look at the files waits for the changed lessons' checks before it shows them
    /// with the marks of their unchanged formulas (the checks' marks follow when they finish).
    var checkBudget = 0.1
    /// Called with each lesson whose check finished after its page was shown without it.
    var onLateCheck: @Sendable (PreviewLesson, Refresh) -> Void = { _, _ in }

    private var revision = 0
    /// Checks that finished after their look stopped waiting but before it showed the lesson.
    private var earlyChecks: [String: PreviewLesson] = [:]

    /// Looks at the lesson files; reads, checks and renders again those that are new or
    /// changed, and tells their open pages to reload. Throws when a named path is missing.
    /// `waitingForChecks` waits for every check however long it takes (the first look).
    @discardableResult
    func refresh(waitingForChecks: Bool = false) throws -> Refresh {
        let start = DispatchTime.now()
        let (files, newBase) = try LessonWorkspace.lessonFiles(paths)
        let previousDialect = courseDialect
        let courseChanged = try readCourseFile(for: newBase)
        lock.lock()
        let relayout = newBase != base || files != order || courseChanged
        let dialect = course?.dialect.flatMap(MathDialect.init(rawValue:))
        // A new `dialect:` reads every lesson again.
        let changed =
            dialect != previousDialect
            ? files : files.filter { lessons[$0] == nil || lessons[$0]?.stamp != FileStamp(path: $0) }
        let present = Set(files)
        let removed = order.filter { !present.contains($0) }
        let first = revision + 1
        revision += changed.count
        lock.unlock()
        var result = Refresh(removed: removed)
        guard !changed.isEmpty || relayout else { return result }

        // Read outside the lock (the server keeps serving the pages as they were), then check
        // each lesson on a queue of its own, for as long as the budget allows.
        let store = self.store
        let read = ParallelMap.map(changed.indices) { index in
            PreviewLesson.read(
                path: changed[index], relativePath: LessonWorkspace.relative(changed[index], to: newBase),
                revision: first + index, store: store, dialect: dialect)
        }
        let waits = waitingForChecks || checkBudget > 0
        let checks = LateChecks(waiting: waits)
        let group = DispatchGroup()
        let startChecks = { [checker] in
            for (index, lesson) in read.enumerated() where lesson.entry != nil {
                group.enter()
                DispatchQueue.global().async {
                    let checked = lesson.checked(by: checker)
                    if !checks.deliver(checked, at: index) { self.checkArrived(checked) }
                    group.leave()
                }
            }
        }
        if waitingForChecks {
            startChecks()
            group.wait()
        } else if waits {
            startChecks()
            _ = group.wait(timeout: .now() + checkBudget)
        }
        let finished = checks.stopWaiting()

        lock.lock()
        var everyPage = relayout
        var prepared: [PreviewLesson] = []
        for (index, lesson) in read.enumerated() {
            let before = lessons[lesson.path]
            let early = earlyChecks.removeValue(forKey: lesson.path).flatMap {
                $0.revision == lesson.revision ? $0 : nil
            }
            let now = finished[index] ?? early ?? lesson.carryingMarks(from: before)
            if before?.title != now.title || (before?.entry == nil) != (now.entry == nil) { everyPage = true }
            lessons[lesson.path] = now
            prepared.append(now)
        }
        for path in removed {
            lessons[path] = nil
            earlyChecks[path] = nil
        }
        if relayout {
            base = newBase
            order = files
            for path in files where !changed.contains(path) {
                let relative = LessonWorkspace.relative(path, to: newBase)
                lessons[path]?.relativePath = relative
                lessons[path]?.entry?.relativePath = relative
            }
            siteOrder = files
            if let course {
                let folder = URL(fileURLWithPath: (course.path as NSString).deletingLastPathComponent)
                    .standardizedFileURL
                let (positions, diagnostics) = course.order(files.map { SiteWriter.relativePath(of: $0, to: folder) })
                siteOrder = positions.map { files[$0] }
                printCourseDiagnostics(diagnostics, course)
            }
        }
        result.lessons = prepared
        result.pages = render(everyPage ? nil : Set(prepared.map(\.path)))
        let stale = prepared.filter { !$0.checking && $0.hasCells && !$0.outputsAreCurrent }.map(\.path)
        lock.unlock()

        result.milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        events.reload(result.pages)
        if cellsNotRun == nil, !stale.isEmpty { onCellsStale(stale) }
        // Without a budget, the checks start once the pages show the new text.
        if !waits { startChecks() }
        return result
    }

    /// The dialect the course file names, as the lessons were last read in.
    private var courseDialect: MathDialect? {
        lock.lock()
        defer { lock.unlock() }
        return course?.dialect.flatMap(MathDialect.init(rawValue:))
    }

    /// Reads the course file for lessons under `folder` when it is new, changed or gone;
    /// returns whether it did. A course file that cannot be used throws on the first look, and
    /// is reported and left as it was on later ones.
    private func readCourseFile(for folder: String) throws -> Bool {
        let candidates = [(folder as NSString).appendingPathComponent(CourseFile.name), CourseFile.name]
        let found: (path: String, stamp: FileStamp)? = candidates.lazy.compactMap { path in
            FileStamp(path: path).map { (path: path, stamp: $0) }
        }.first
        lock.lock()
        let known = courseStamp
        let first = version == 0
        lock.unlock()
        if known?.path == found?.path, known?.stamp == found?.stamp { return false }
        var read: CourseFile?
        if let found {
            do throws(CourseFileError) {
                read = try CourseFile.read(found.path)
            } catch {
                if first { throw error }
                let text = DiagnosticFormatter(path: error.path, lines: error.lines).format(error.diagnostic)
                log(String(text.dropLast()) + "\nnote: the course file is used as it was before this change")
                lock.lock()
                courseStamp = found
                lock.unlock()
                return false
            }
        }
        lock.lock()
        course = read
        courseStamp = found
        lock.unlock()
        return true
    }

    /// A check that finished after its lesson was shown without it: its marks (and generated
    /// tests' key) replace the provisional ones, unless the file was read again since.
    private func checkArrived(_ checked: PreviewLesson) {
        let start = DispatchTime.now()
        lock.lock()
        // A check that finished before the look that started it showed the lesson: that look
        // takes it.
        if (lessons[checked.path]?.revision ?? 0) < checked.revision {
            earlyChecks[checked.path] = checked
            lock.unlock()
            return
        }
        guard let current = lessons[checked.path], current.revision == checked.revision else {
            lock.unlock()
            return
        }
        var lesson = checked
        lesson.relativePath = current.relativePath
        lesson.entry?.relativePath = current.relativePath
        lesson.record = current.record
        lessons[checked.path] = lesson
        var result = Refresh(lessons: [lesson])
        result.pages = render([lesson.path])
        let stale = lesson.hasCells && !lesson.outputsAreCurrent
        lock.unlock()
        result.milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        events.reload(result.pages)
        onLateCheck(lesson, result)
        if cellsNotRun == nil, stale { onCellsStale([lesson.path]) }
    }

    // MARK: - Cells

    /// The plans of `paths` whose cells still need a run of the lesson as it is now.
    func plansToRun(_ paths: [String]) -> [(plan: LessonPlan, entry: LessonWorkspace.Entry, checked: CheckedLesson)] {
        lock.lock()
        defer { lock.unlock() }
        var plans: [(LessonPlan, LessonWorkspace.Entry, CheckedLesson)] = []
        for path in paths {
            guard let lesson = lessons[path], lesson.hasCells, !lesson.outputsAreCurrent, let entry = lesson.entry,
                let checked = lesson.checked, let file = lesson.file
            else { continue }
            plans.append((LessonPlan(lesson: entry.lesson, file: file), entry, checked))
        }
        running.formUnion(plans.map(\.0.path))
        return plans
    }

    /// A run of `record.lesson` finished: its page shows the outputs when the run was of the
    /// lesson as it is now (else the lesson changed meanwhile and runs again).
    func recordArrived(_ record: LessonRecord) {
        lock.lock()
        running.remove(record.lesson)
        guard var lesson = lessons[record.lesson] else {
            lock.unlock()
            return
        }
        lesson.record = record
        lessons[record.lesson] = lesson
        let pages = render([lesson.path])
        lock.unlock()
        events.reload(pages)
    }

    /// Runs that ended without a record (the run itself failed): the lessons stop showing as
    /// running.
    func runsEnded(_ paths: [String]) {
        lock.lock()
        let ended = running.intersection(paths)
        running.subtract(paths)
        let pages = ended.isEmpty ? [] : render(ended)
        lock.unlock()
        events.reload(pages)
    }

    /// The lessons as a workspace (for syncing their generated tests).
    func workspace(of entries: [LessonWorkspace.Entry]) -> LessonWorkspace {
        lock.lock()
        defer { lock.unlock() }
        return LessonWorkspace(base: base, entries: entries)
    }

    // MARK: - Rendering

    /// Renders the pages of the lessons `only` names (by path; all when nil), the index and the
    /// stylesheet; returns the page paths rendered. A full render replaces every page, so the
    /// pages of lessons gone or left out go too. The lock is held.
    private func render(_ only: Set<String>?) -> Set<String> {
        let readable = siteOrder.compactMap { lessons[$0] }.filter { $0.entry != nil }
        let siteLessons = readable.map { lesson in
            SiteLesson(
                lesson: lesson.entry!.lesson, relativePath: lesson.relativePath,
                checked: lesson.checked?.lesson.math == lesson.entry!.lesson.math ? lesson.checked : nil,
                marks: lesson.marks,
                outputs: SiteWriter.outputs(in: lesson.record, currentKey: lesson.file?.key))
        }
        let folder = URL(fileURLWithPath: base)
        let builder = SiteBuilder(siteTitle: siteTitle) { relative in
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(relative).path)
        }
        let output = builder.build(siteLessons, rendering: only)
        version += 1
        if only == nil { pages = [:] }
        pageOfLesson = output.pagePaths
        indexPath = output.indexPath
        var rendered: Set<String> = []
        for (path, contents) in output.files {
            if path == "litmus.css" {
                stylesheet = contents
                continue
            }
            pages[path] = (contents, version)
            rendered.insert(path)
        }
        for lesson in readable where only?.contains(lesson.path) ?? true {
            lessons[lesson.path]?.siteDiagnostics = output.diagnostics[lesson.path] ?? []
        }
        // A lesson that cannot be read gets a page of its diagnostics at its page's path, in
        // place of its last good version.
        for lesson in siteOrder.compactMap({ lessons[$0] }) where lesson.entry == nil {
            guard only?.contains(lesson.path) ?? true else { continue }
            let page = pagePath(of: lesson)
            pages[page] = (problemPage(lesson), version)
            rendered.insert(page)
        }
        return rendered
    }

    /// The page of `lesson`: Site's, else the one its path gives.
    private func pagePath(of lesson: PreviewLesson) -> String {
        pageOfLesson[lesson.path] ?? lesson.pagePath
    }

    private func problemPage(_ lesson: PreviewLesson) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8" />
        <title>\(HTMLEscaping.text(lesson.relativePath)) — cannot be read</title>
        <link rel="stylesheet" href="/litmus.css" />
        </head>
        <body>
        <header class="site"><a href="/index.html">\(HTMLEscaping.text(siteTitle))</a></header>
        <main><h1>\(HTMLEscaping.text(lesson.relativePath))</h1></main>
        </body>
        </html>

        """
    }

    // MARK: - Serving

    /// What the server sends for a page path.
    enum Resource {
        case page(html: String, policy: String)
        case stylesheet(String)
        case file(URL)
        case notFound
    }

    /// The resource at `path` (relative to the site's top, decoded).
    func resource(_ path: String) -> Resource {
        let page = path.isEmpty ? "index.html" : path
        lock.lock()
        defer { lock.unlock() }
        if page == "litmus.css" { return .stylesheet(stylesheet) }
        if let rendered = pages[page] {
            let served = PreviewPage.serve(
                rendered.html, context: .init(page: page, version: rendered.version, banner: banner(for: page)))
            return .page(html: served.html, policy: served.policy)
        }
        // Images and other files the lessons show, from the course folder; never a hidden file,
        // never outside it.
        let parts = page.split(separator: "/")
        guard !parts.contains(where: { $0.hasPrefix(".") }),
            Self.servedExtensions.contains((page as NSString).pathExtension.lowercased())
        else { return .notFound }
        let url = URL(fileURLWithPath: base).appendingPathComponent(page)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
        else { return .notFound }
        return .file(url)
    }

    /// The kinds of file a page may show from the course folder (as `litmus render` copies them).
    static let servedExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp", "ico"]

    /// The version of a page now (0 when there is none).
    func version(of page: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return pages[page.isEmpty ? "index.html" : page]?.version ?? 0
    }

    /// The banner at the top of a served page: its problems, and whether its cells are still
    /// running. The lock is held.
    private func banner(for page: String) -> String {
        if page == indexPath { return indexBanner() }
        guard
            let lesson = siteOrder.lazy.compactMap({ self.lessons[$0] }).first(where: { self.pagePath(of: $0) == page })
        else {
            return ""
        }
        var lines: [String] = []
        var kind = "passed"
        if lesson.entry == nil {
            kind = "problems"
            lines.append("<p><strong>This lesson cannot be read.</strong></p>")
        } else if lesson.checking {
            kind = "pending"
            lines.append(
                "<p role=\"status\"><strong>Checking the formulas</strong> of this version; their marks follow"
                    + (lesson.entry?.lesson.codeCells.contains { $0.language == "swift" } == true
                        ? ", then the cells' outputs.</p>" : ".</p>"))
        } else if lesson.hasCells {
            if lesson.outputsAreCurrent, let record = lesson.record {
                let counts = record.counts
                lines.append("<p>Cells: \(HTMLEscaping.text(counts.summary)).</p>")
                if counts.failing > 0 { kind = "problems" }
            } else if let cellsNotRun {
                kind = "pending"
                lines.append("<p>Cells are not run (\(HTMLEscaping.text(cellsNotRun))).</p>")
            } else {
                kind = "pending"
                lines.append(
                    "<p role=\"status\"><strong>Cells pending:</strong> "
                        + (running.contains(lesson.path) ? "running" : "waiting to run")
                        + " this version of the lesson; their outputs appear when they finish.</p>")
            }
        }
        let diagnostics = lesson.diagnostics
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if errors > 0 { kind = "problems" }
        if !diagnostics.isEmpty {
            lines.append(
                "<p>\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"):</p>")
            lines.append("<pre>" + HTMLEscaping.text(lesson.formattedDiagnostics) + "</pre>")
        }
        guard !lines.isEmpty else { return "" }
        return "<aside class=\"litmus-preview \(kind)\" aria-label=\"Live preview\">\n"
            + lines.joined(separator: "\n") + "\n</aside>\n"
    }

    private func indexBanner() -> String {
        let all = siteOrder.compactMap { lessons[$0] }
        let failing = all.filter { $0.diagnostics.contains { $0.severity == .error } }
        let pending = all.filter { $0.hasCells && !$0.outputsAreCurrent && cellsNotRun == nil }
        var lines: [String] = []
        if !pending.isEmpty {
            lines.append(
                "<p role=\"status\"><strong>Cells pending</strong> in \(pending.count) lesson"
                    + "\(pending.count == 1 ? "" : "s"); their outputs appear when they finish.</p>")
        }
        if !failing.isEmpty {
            let links = failing.map {
                "<a href=\"/\(HTMLEscaping.attribute(pagePath(of: $0)))\">\(HTMLEscaping.text($0.relativePath))</a>"
            }
            lines.append("<p>Lessons with errors: " + links.joined(separator: ", ") + "</p>")
        }
        guard !lines.isEmpty else { return "" }
        let kind = failing.isEmpty ? "pending" : "problems"
        return "<aside class=\"litmus-preview \(kind)\" aria-label=\"Live preview\">\n"
            + lines.joined(separator: "\n") + "\n</aside>\n"
    }
}
