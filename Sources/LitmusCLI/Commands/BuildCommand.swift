import ArgumentParser
import Foundation
import LessonMarkdown
import LitmusDiagnostics

/// `litmus build [PATH…]`: the main job over a folder of lessons (default `notebooks/`).
///
/// Reads every lesson, reports what it found and every diagnostic, and renders the site.
/// Formula checks and generated tests join this command as those stages land.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "The main job: read every lesson, report its formulas, cells and problems, render the site."
    )

    @Argument(help: "Lesson files or folders of lessons.")
    var paths: [String] = ["notebooks"]

    @Option(name: [.short, .customLong("output")], help: "The folder to write the site to.")
    var output = "site"

    func run() throws {
        let workspace: LessonWorkspace
        do {
            workspace = try LessonWorkspace.load(paths)
        } catch let error as LitmusCLIError {
            DiagnosticPrinter.writeStandardError((error.errorDescription ?? "\(error)") + "\n")
            throw ExitCode(2)
        }
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
            totals = (totals.formulas + lesson.math.count, totals.display + display, totals.cells + cells,
                      totals.warnings + warnings)
            print("\(lesson.path): \"\(lesson.title ?? "untitled")\" — \(lesson.math.count) formulas (\(display) display), "
                + "\(cells) Swift cells, \(diagnostics.filter { $0.severity == .error }.count) errors, \(warnings) warnings")
        }
        let site = try SiteWriter.write(workspace, to: output)
        let lessons = workspace.entries.count + workspace.unreadable
        print("litmus build: \(lessons) lesson\(lessons == 1 ? "" : "s"), \(totals.formulas) formulas (\(totals.display) display), "
            + "\(totals.cells) Swift cells, \(failing + workspace.unreadable) failing, \(totals.warnings + site.warnings) warnings; "
            + "site: \(output)/index.html")
        if workspace.unreadable > 0 { throw ExitCode(2) }
        if failing > 0 { throw ExitCode(1) }
    }
}
