import ArgumentParser
import CellRecords
import Checks
import Foundation
import Harness
import LessonMarkdown
import LitmusDiagnostics
import Site

/// `litmus build [PATH…]`: the main job over a folder of lessons (default `notebooks/`).
///
/// Checks every formula against NeuralCore and reports what it found with every diagnostic,
/// writes the lessons' tests into `generated/` and runs their cells (through `swift test`),
/// then renders the site with the verdicts and the cells' recorded outputs.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "The main job: read every lesson, report its formulas, cells and problems, render the site."
    )

    @OptionGroup var lessons: LessonOptions
    @OptionGroup var running: RunOptions

    @Option(name: [.short, .customLong("output")], help: "The folder to write the site to.")
    var output = "site"

    @Flag(help: "Do not run the lessons' cells; pages show outputs only where an earlier run is still current.")
    var noRun = false

    func run() throws {
        let workspace = try LessonWorkspace.loadForCommand(lessons.paths)
        // 1. Check every formula (the lesson's own diagnostics and the TeX lints come with it).
        let checked = LessonChecking.checkedLessons(workspace)
        let reports = checked.map(\.report)
        var failing = 0
        var warnings = 0
        var counts = VerdictCounts()
        var cells = 0
        for (entry, report) in zip(workspace.entries, reports) {
            let formatter = ReportTextFormatter(lines: entry.lines)
            let diagnostics = formatter.diagnostics(report)
            DiagnosticPrinter().print(diagnostics, path: report.path, lines: entry.lines)
            if report.failed { failing += 1 }
            warnings += diagnostics.filter { $0.severity == .warning }.count
            counts.add(report.counts)
            let lessonCells = entry.lesson.codeCells.filter { $0.language == "swift" }.count
            cells += lessonCells
            print(
                "\(report.path): \"\(entry.lesson.title ?? "untitled")\" — \(report.formulas.count) formulas: "
                    + "\(report.summary); \(lessonCells) Swift cell\(lessonCells == 1 ? "" : "s")")
        }
        // 2. Generate the lessons' tests and run their cells, each lesson on its own.
        var runCounts = RunCounts()
        var cellsFailed = false
        var freshKeys: [String: String] = [:]
        if cells > 0 || FileManager.default.fileExists(atPath: lessons.generated) {
            if noRun {
                let (plan, files) = try GeneratedDirectory(path: lessons.generated).sync(workspace, checked: checked)
                if !plan.refusals.isEmpty { failing += 1 }
                for file in files { freshKeys[file.lessonPath] = file.key }
            } else {
                let result = try CellRunning(lessons: lessons, options: running).run(workspace, checked: checked)
                if result.refused { failing += 1 }
                if let log = result.outcome.buildFailure {
                    DiagnosticPrinter.writeStandardError(
                        "error: the package's tests do not build, for a reason no lesson explains; see \(log)\n")
                }
                for file in result.files { freshKeys[file.lessonPath] = file.key }
                runCounts = result.counts
                cellsFailed = runCounts.failing > 0
                print("cells: " + runCounts.summary + (cellsFailed ? " — FAILED (see above)" : " — passed"))
            }
        }
        // 3. Render the site with the verdicts and the cells' recorded outputs.
        let site = try SiteWriter.write(workspace, checked: checked, currentKeys: freshKeys, to: output)
        let lessonCount = workspace.entries.count + workspace.unreadable
        print(
            "litmus build: \(lessonCount) lesson\(lessonCount == 1 ? "" : "s"), \(reports.map(\.formulas.count).reduce(0, +)) "
                + "formulas (\(counts.summary)), \(cells) Swift cells (\(runCounts.passed) passed, \(runCounts.failed) failed, "
                + "\(runCounts.timedOut) timed out, \(runCounts.skipped) skipped), "
                + "\(failing + workspace.unreadable + (cellsFailed ? 1 : 0)) failing, "
                + "\(warnings + site.warnings) warnings; site: \(output)/index.html")
        if workspace.unreadable > 0 { throw ExitCode(2) }
        if failing > 0 || cellsFailed { throw ExitCode(1) }
    }
}
