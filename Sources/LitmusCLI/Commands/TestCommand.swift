import ArgumentParser
import CellRecords
import Foundation
import Harness

/// `litmus test [PATH…]`: regenerates the lessons' tests and runs them, each lesson in a process
/// of its own, and reports per lesson what ran.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Regenerate the lessons' tests and run their cells, each lesson on its own.",
        discussion: """
            A lesson whose cells trap, hang or do not compile fails alone; the others still run.
            Results are cached by each lesson's cells, Litmus's version, the package's sources and
            the toolchain; --no-cache runs everything.
            """
    )

    @OptionGroup var lessons: LessonOptions
    @OptionGroup var running: RunOptions

    @Option(help: "Run only part i of n of the lessons (sorted by path, dealt out in turn), e.g. 2/4.")
    var shard: String?

    @Option(help: "Write a JUnit XML report to this file.")
    var junit: String?

    @Flag(help: "Rewrite each ```output block whose cell printed something else with what it printed.")
    var update = false

    func validate() throws {
        if let shard, Shard(shard) == nil {
            throw ValidationError("--shard takes i/n with 1 ≤ i ≤ n, e.g. 2/4")
        }
    }

    func run() throws {
        let workspace = try LessonWorkspace.loadForCommand(lessons.paths, requireReadable: true)
        let result = try CellRunning(lessons: lessons, options: running).run(
            workspace, shard: shard.flatMap(Shard.init))
        if let log = result.outcome.buildFailure {
            DiagnosticPrinter.writeStandardError(
                "error: the package's tests do not build, for a reason no lesson explains; see \(log)\n")
        }
        if let junit {
            try Data(JUnitReport.xml(result.outcome.records).utf8).write(to: URL(fileURLWithPath: junit))
        }
        var counts = result.counts
        if update {
            let fixed = try OutputUpdate.apply(result.outcome.records, workspace: workspace)
            if fixed > 0 {
                // The lessons changed, so their generated tests do too.
                _ = try GeneratedDirectory(path: lessons.generated).sync(
                    try LessonWorkspace.loadForCommand(lessons.paths, requireReadable: true))
                counts.failed -= fixed
                counts.passed += fixed
            }
        }
        let lessonCount = result.outcome.records.count
        let cached = result.outcome.cached.count
        print(
            "litmus test: \(lessonCount) lesson\(lessonCount == 1 ? "" : "s")"
                + (cached > 0 ? " (\(cached) from cache)" : "") + " in \(String(format: "%.1f", result.seconds)) s — "
                + counts.summary + (counts.failing == 0 && !result.refused ? " — passed" : " — FAILED"))
        if counts.failing > 0 || result.refused { throw ExitCode(1) }
    }
}

/// `--update`: rewrites the mismatched output blocks of Markdown lessons from a run's records.
enum OutputUpdate {
    /// Returns how many blocks were rewritten; prints each and each lesson it cannot update.
    static func apply(_ records: [LessonRecord], workspace: LessonWorkspace) throws -> Int {
        var fixed = 0
        for record in records where record.cells.contains(where: { $0.failure?.kind == .outputMismatch }) {
            guard let entry = workspace.entries.first(where: { $0.lesson.path == record.lesson }) else { continue }
            guard entry.lesson.format == .markdown else {
                DiagnosticPrinter.writeStandardError(
                    "\(record.lesson): warning: --update rewrites Markdown lessons only; run this notebook in "
                        + "Jupyter to refresh its saved outputs\n")
                continue
            }
            let url = URL(fileURLWithPath: record.lesson)
            let text = try String(contentsOf: url, encoding: .utf8)
            let (updated, lines) = OutputUpdater.update(text, record: record)
            guard !lines.isEmpty, updated != text else { continue }
            try Data(updated.utf8).write(to: url, options: .atomic)
            for line in lines { print("\(record.lesson):\(line): updated the ```output block") }
            fixed += lines.count
        }
        return fixed
    }
}
