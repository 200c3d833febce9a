import ArgumentParser
import Foundation
import Harness
import LessonMarkdown
import LitmusDiagnostics

/// `litmus build [PATH…]`: the main job over a folder of lessons (default `notebooks/`).
///
/// Reads every lesson and reports what it found and every diagnostic, writes the lessons'
/// tests into `generated/` and runs their cells (through `swift test`), then renders the site
/// with the cells' recorded outputs.
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
        var failing = 0
        var totals = (formulas: 0, display: 0, cells: 0, warnings: 0)
        for entry in workspace.entries {
            let lesson = entry.lesson
            let diagnostics = lesson.diagnostics.sorted { $0.location < $1.location }
            DiagnosticPrinter().print(diagnostics, path: lesson.path, lines: entry.lines)
            if diagnostics.hasErrors { failing += 1 }
            let display = lesson.math.filter(\.isDisplay).count
            let cells = lesson.codeCells.filter { $0.language == "swift" }.count
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            totals = (
                totals.formulas + lesson.math.count, totals.display + display, totals.cells + cells,
                totals.warnings + warnings
            )
            print(
                "\(lesson.path): \"\(lesson.title ?? "untitled")\" — \(lesson.math.count) formulas (\(display) display), "
                    + "\(cells) Swift cells, \(diagnostics.filter { $0.severity == .error }.count) errors, \(warnings) warnings"
            )
        }
        var cellsFailed = false
        if workspace.entries.contains(where: { !$0.lesson.codeCells.isEmpty })
            || FileManager.default.fileExists(atPath: generated)
        {
            let plan = try GeneratedDirectory(path: generated).sync(workspace, roots: paths)
            if !plan.refusals.isEmpty { failing += 1 }
            if !noRun, totals.cells > 0 {
                let (status, log) = try SwiftTestRunner.run(
                    filter: GeneratedFiles.testFilter(for: workspace.entries.map(\.lesson.path)))
                if status != 0 {
                    DiagnosticPrinter.writeStandardError(SwiftTestRunner.failures(in: log))
                    cellsFailed = true
                }
                print("cells: \(totals.cells) Swift cells run " + (status == 0 ? "— passed" : "— FAILED (see above)"))
            }
        }
        let site = try SiteWriter.write(workspace, to: output)
        let lessons = workspace.entries.count + workspace.unreadable
        print(
            "litmus build: \(lessons) lesson\(lessons == 1 ? "" : "s"), \(totals.formulas) formulas (\(totals.display) display), "
                + "\(totals.cells) Swift cells, \(failing + workspace.unreadable) failing, \(totals.warnings + site.warnings) warnings; "
                + "site: \(output)/index.html")
        if workspace.unreadable > 0 { throw ExitCode(2) }
        if failing > 0 || cellsFailed { throw ExitCode(1) }
    }
}
