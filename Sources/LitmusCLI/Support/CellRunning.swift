import CellRecords
import Checks
import Foundation
import Harness
import LessonMarkdown
import LitmusDiagnostics

/// The cells' part of `test` and `build`: brings `generated/` in line, runs the lessons through
/// `Harness.LessonRunner`, and prints what it found — a line per lesson as it finishes, every
/// failure in the compiler's format at the lesson's own line, and the counts.
struct CellRunning {
    var lessons: LessonOptions
    var options: RunOptions
    var printer = DiagnosticPrinter()

    struct Result {
        var outcome: LessonRunner.Outcome
        var counts: RunCounts
        var files: [GeneratedFile]
        var refused: Bool
        var seconds: Double
    }

    /// Syncs and runs the workspace's lessons (those of `shard`, when given).
    func run(_ workspace: LessonWorkspace, checked: [CheckedLesson]? = nil, shard: Shard? = nil) throws -> Result {
        let (plan, files) = try GeneratedDirectory(path: lessons.generated).sync(workspace, checked: checked)
        var selected = files
        if let shard {
            let chosen = Set(shard.select(files.map(\.lessonPath)))
            selected = files.filter { chosen.contains($0.lessonPath) }
        }
        let lessonsByPath = Dictionary(workspace.entries.map { ($0.lesson.path, $0.lesson) }) { first, _ in first }
        let plans = selected.compactMap { file in
            lessonsByPath[file.lessonPath].map { LessonPlan(lesson: $0, file: file) }
        }
        let runner = LessonRunner(
            packageRoot: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            generatedDirectory: URL(fileURLWithPath: lessons.generated),
            options: options.runnerOptions())
        let start = Date()
        let lines = Dictionary(workspace.entries.map { ($0.lesson.path, $0.lines) }) { first, _ in first }
        let outcome = try runner.run(plans) { record, cached in
            Self.printProgress(record, cached: cached)
            printer.print(record.diagnostics, path: record.lesson, lines: lines[record.lesson])
        }
        var counts = RunCounts()
        for record in outcome.records { counts += record.counts }
        return Result(
            outcome: outcome, counts: counts, files: selected, refused: !plan.refusals.isEmpty,
            seconds: Date().timeIntervalSince(start))
    }

    static func printProgress(_ record: LessonRecord, cached: Bool) {
        let counts = record.counts
        let mark = counts.failing > 0 ? "FAILED" : "ok"
        print("\(record.lesson): \(counts.summary)\(cached ? " (cached)" : "") — \(mark)")
    }

}
