import ArgumentParser
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

    @Argument(help: "Lesson files or folders of lessons.")
    var paths: [String] = ["notebooks"]

    @Option(name: [.short, .customLong("output")], help: "The folder to write the site to.")
    var output = "site"

    @Option(help: "The folder of generated tests.")
    var generated = "generated"

    @Flag(help: "Do not run the lessons' cells (no swift test); render with the outputs recorded last time.")
    var noRun = false

    func run() throws {
        let workspace = try LessonWorkspace.loadForCommand(paths)
        // 1. Check every formula (the lesson's own diagnostics and the TeX lints come with it).
        let reports = LessonChecking.check(workspace)
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
        // 2. Generate the lessons' tests and run their cells.
        var cellsFailed = false
        if cells > 0 || FileManager.default.fileExists(atPath: generated) {
            let plan = try GeneratedDirectory(path: generated).sync(workspace, roots: paths, reports: reports)
            if !plan.refusals.isEmpty { failing += 1 }
            if !noRun, cells > 0 {
                let (status, log) = try SwiftTestRunner.run(
                    filter: GeneratedFiles.testFilter(for: workspace.entries.map(\.lesson.path)))
                if status != 0 {
                    DiagnosticPrinter.writeStandardError(SwiftTestRunner.failures(in: log))
                    cellsFailed = true
                }
                print("cells: \(cells) Swift cells run " + (status == 0 ? "— passed" : "— FAILED (see above)"))
            }
        }
        // 3. Render the site with the verdicts and the cells' recorded outputs.
        var marks: [String: [Int: FormulaMark]] = [:]
        for report in reports { marks[report.path] = LessonChecking.marks(report) }
        let site = try SiteWriter.write(workspace, marks: marks, to: output)
        let lessons = workspace.entries.count + workspace.unreadable
        print(
            "litmus build: \(lessons) lesson\(lessons == 1 ? "" : "s"), \(reports.map(\.formulas.count).reduce(0, +)) "
                + "formulas (\(counts.summary)), \(cells) Swift cells, \(failing + workspace.unreadable) failing, "
                + "\(warnings + site.warnings) warnings; site: \(output)/index.html")
        if workspace.unreadable > 0 { throw ExitCode(2) }
        if failing > 0 || cellsFailed { throw ExitCode(1) }
    }
}
