import CellRecords
import Checks
import Foundation
import Harness
import LessonMarkdown
import LitmusDiagnostics
import Site

/// One lesson file as the preview knows it: read, checked, with the key of its generated tests
/// and the last run of its cells — or, when it cannot be read, why.
struct PreviewLesson: Sendable {
    /// The path as lessons are named everywhere (`notebooks/01-neuron.md`).
    var path: String
    /// Relative to the course's folder; decides the page's path.
    var relativePath: String
    var stamp: FileStamp?
    /// The lesson, when it could be read.
    var entry: LessonWorkspace.Entry?
    var report: LessonReport?
    var marks: [Int: FormulaMark] = [:]
    /// Its generated tests: their key says whether a run's record is of the lesson as it is now.
    var file: GeneratedFile?
    /// Why it could not be read (an unreadable file, invalid UTF-8, broken notebook JSON).
    var unreadable: [Diagnostic] = []
    var unreadableLines: SourceLines?
    /// The last run of its cells, whatever lesson text it ran.
    var record: LessonRecord?
    /// Broken links and missing images, from the last render of its page.
    var siteDiagnostics: [Diagnostic] = []
    /// Milliseconds reading, checking and generating took.
    var milliseconds: Double = 0

    var pagePath: String { SitePaths.pagePath(for: relativePath) }
    var title: String? { entry?.lesson.title }
    /// Whether it has cells that run.
    var hasCells: Bool { !(file?.cellLines.isEmpty ?? true) }
    /// Whether `record` ran the lesson as it is now.
    var outputsAreCurrent: Bool { record != nil && record?.key == file?.key }

    /// Reads and checks `path` (named relative to the course folder as `relativePath`).
    static func prepare(
        path: String, relativePath: String, checker: LessonChecker, store: LessonRecordStore
    ) -> PreviewLesson {
        let start = DispatchTime.now()
        var lesson = PreviewLesson(path: path, relativePath: relativePath, stamp: FileStamp(path: path))
        do {
            switch try LessonLoader.load(path) {
            case .unreadableContent(let diagnostic, let lines):
                lesson.unreadable = [diagnostic]
                lesson.unreadableLines = lines
            case .lesson(let parsed, let lines):
                let report = checker.check(parsed)
                lesson.entry = LessonWorkspace.Entry(lesson: parsed, lines: lines, relativePath: relativePath)
                lesson.report = report
                lesson.marks = LessonChecking.marks(report)
                lesson.file =
                    GeneratedFiles.files(
                        for: [(path: path, lesson: parsed, formulas: CompiledFormula.compile(parsed, report: report))]
                    ).first
                lesson.record = store.read(path)
            }
        } catch {
            // The file went away or cannot be read (it is being saved, or was deleted).
            var message = (error as? LitmusCLIError)?.errorDescription ?? "\(error)"
            if message.hasPrefix(path + ": error: ") { message.removeFirst(path.count + 9) }
            lesson.unreadable = [Diagnostic(.error, .previewUnreadable, message, at: nil)]
        }
        lesson.milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        return lesson
    }

    /// Everything worth telling the author about the lesson: its own diagnostics and the
    /// checks' (mismatches, errors, lints), problems of its generated tests and page, and the
    /// failures of its last current run.
    var diagnostics: [Diagnostic] {
        guard let entry, let report else { return unreadable }
        var out = ReportTextFormatter(lines: entry.lines).diagnostics(report)
        out += file?.diagnostics ?? []
        out += siteDiagnostics
        if outputsAreCurrent, let record { out += record.diagnostics }
        return out.sorted { ($0.location, $0.severity) < ($1.location, $1.severity) }
    }

    /// `diagnostics` in the compiler's format, with the lines they point at.
    var formattedDiagnostics: String {
        let formatter = DiagnosticFormatter(path: path, lines: entry?.lines ?? unreadableLines)
        return diagnostics.map(formatter.format).joined()
    }
}
