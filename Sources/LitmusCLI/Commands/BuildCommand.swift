import ArgumentParser
import Foundation
import LessonMarkdown
import LitmusDiagnostics

/// `litmus build [PATH…]`: the main job over a folder of lessons (default `notebooks/`).
///
/// Today it reads every lesson, reports what it found and every diagnostic; formula checks,
/// generated tests and the HTML site join this command as those stages land.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Read every lesson and report its formulas, cells and problems (the main job)."
    )

    @Argument(help: "Lesson files or folders of lessons.")
    var paths: [String] = ["notebooks"]

    func run() throws {
        let files: [String]
        do {
            files = try LessonCollector.collect(paths)
        } catch let error as LitmusCLIError {
            DiagnosticPrinter.writeStandardError((error.errorDescription ?? "\(error)") + "\n")
            throw ExitCode(2)
        }
        var unreadable = 0
        var failing = 0
        var totals = (formulas: 0, display: 0, cells: 0, warnings: 0)
        for file in files {
            let outcome: LessonLoader.Outcome
            do {
                outcome = try LessonLoader.load(file)
            } catch let error as LitmusCLIError {
                DiagnosticPrinter.writeStandardError((error.errorDescription ?? "\(error)") + "\n")
                unreadable += 1
                continue
            }
            switch outcome {
            case .unreadableContent(let diagnostic, let lines):
                DiagnosticPrinter().print([diagnostic], path: file, lines: lines)
                unreadable += 1
            case .lesson(let lesson, let lines):
                let diagnostics = lesson.diagnostics.sorted { $0.location < $1.location }
                DiagnosticPrinter().print(diagnostics, path: file, lines: lines)
                if diagnostics.hasErrors { failing += 1 }
                let display = lesson.math.filter(\.isDisplay).count
                let cells = lesson.codeCells.filter { $0.language == "swift" }.count
                let warnings = diagnostics.filter { $0.severity == .warning }.count
                totals = (totals.formulas + lesson.math.count, totals.display + display, totals.cells + cells,
                          totals.warnings + warnings)
                print("\(file): \"\(lesson.title ?? "untitled")\" — \(lesson.math.count) formulas (\(display) display), "
                    + "\(cells) Swift cells, \(diagnostics.filter { $0.severity == .error }.count) errors, \(warnings) warnings")
            }
        }
        print("litmus build: \(files.count) lesson\(files.count == 1 ? "" : "s"), \(totals.formulas) formulas (\(totals.display) display), "
            + "\(totals.cells) Swift cells, \(failing + unreadable) failing, \(totals.warnings) warnings")
        if unreadable > 0 { throw ExitCode(2) }
        if failing > 0 { throw ExitCode(1) }
    }
}
