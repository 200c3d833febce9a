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
    /// The lesson as checked: the pages render its parses.
    var checked: CheckedLesson?
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
    /// Milliseconds reading (and, once checked, checking and generating) took.
    var milliseconds: Double = 0

    var pagePath: String { SitePaths.pagePath(for: relativePath) }
    var title: String? { entry?.lesson.title }
    /// Whether it has cells that run.
    var hasCells: Bool { !(file?.cellLines.isEmpty ?? true) }
    /// Whether `record` ran the lesson as it is now.
    var outputsAreCurrent: Bool { record != nil && record?.key == file?.key }

    /// Which reading of the file this is: a check that finishes after the file was read again
    /// is of an older text, and is dropped.
    var revision = 0
    /// Read, but its formulas not checked yet: the page shows the new text with the marks of
    /// the formulas that did not change, until the check is done.
    var checking = false

    /// Reads and parses `path` (named relative to the course folder as `relativePath`); the
    /// formulas are checked by `checked(by:)`. `dialect` is the course's.
    static func read(
        path: String, relativePath: String, revision: Int, store: LessonRecordStore, dialect: MathDialect? = nil
    ) -> PreviewLesson {
        let start = DispatchTime.now()
        var lesson = PreviewLesson(path: path, relativePath: relativePath, stamp: FileStamp(path: path))
        lesson.revision = revision
        do {
            switch try LessonLoader.load(path, dialect: dialect) {
            case .unreadableContent(let diagnostic, let lines):
                lesson.unreadable = [diagnostic]
                lesson.unreadableLines = lines
            case .lesson(let parsed, let lines):
                lesson.entry = LessonWorkspace.Entry(lesson: parsed, lines: lines, relativePath: relativePath)
                lesson.record = store.read(path)
                lesson.checking = true
            }
        } catch {
            // The file went away or cannot be read (it is being saved, or was deleted).
            var message = (error as? LitmusCLIError)?.errorDescription ?? "\(error)"
            if message.hasPrefix(path + ": error: ") { message.removeFirst(path.count + 9) }
            lesson.unreadable = [Diagnostic(.error, .previewUnreadable, message, at: nil)]
        }
        lesson.milliseconds = Self.milliseconds(since: start)
        return lesson
    }

    /// The lesson with its formulas checked and its generated tests made (their key says which
    /// run's outputs are current).
    func checked(by checker: LessonChecker) -> PreviewLesson {
        guard let parsed = entry?.lesson else { return self }
        let start = DispatchTime.now()
        var lesson = self
        let checked = checker.checkedLesson(parsed)
        lesson.checked = checked
        lesson.report = checked.report
        lesson.marks = FormulaMark.marks(of: checked)
        lesson.file =
            GeneratedFiles.files(for: [(path: path, checked: checked)]).first
        lesson.checking = false
        lesson.milliseconds += Self.milliseconds(since: start)
        return lesson
    }

    /// While the check runs: the marks of `previous` for the formulas whose LaTeX is unchanged,
    /// matched in order (a formula's verdict may depend on others, so they are provisional).
    func carryingMarks(from previous: PreviewLesson?) -> PreviewLesson {
        guard let previous, let old = previous.entry?.lesson.math, let new = entry?.lesson.math else { return self }
        var available: [String: [Int]] = [:]
        for (index, formula) in old.enumerated().reversed() { available[formula.latex, default: []].append(index) }
        var lesson = self
        for (index, formula) in new.enumerated() {
            guard let match = available[formula.latex]?.popLast(), let mark = previous.marks[match] else { continue }
            lesson.marks[index] = mark
        }
        return lesson
    }

    private static func milliseconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
    }

    /// Everything worth telling the author about the lesson: its own diagnostics and the
    /// checks' (mismatches, errors, lints), problems of its generated tests and page, and the
    /// failures of its last current run.
    var diagnostics: [Diagnostic] {
        guard let entry else { return unreadable }
        guard let report else { return entry.lesson.diagnostics }
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
