import ArgumentParser
import Checks
import Foundation
import Harness
import LessonMarkdown
import LitmusDiagnostics

/// `litmus check [PATH…] [--format text|json]`: parse, lint and verify every formula against
/// NeuralCore, without compiling anything, and list the formulas tied to the cells' functions.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify every formula of the lessons against the NeuralCore engine."
    )

    enum Format: String, ExpressibleByArgument {
        case text, json
    }

    @OptionGroup var lessons: LessonOptions

    @Option(help: "Output format: text (compiler-style) or json.")
    var format: Format = .text

    @Flag(name: .shortAndLong, help: "Also list verified, definition and unchecked formulas as notes.")
    var verbose = false

    func run() throws {
        let workspace = try LessonWorkspace.loadForCommand(lessons.paths)
        // Each formula tied to a function of the lesson's cells says so (the harness finds the ties).
        let reports = LessonChecking.checkedLessons(workspace).map { checked in
            var report = checked.report
            let ties = Dictionary(CodeTie.find(in: checked).map { ($0.formulaIndex, $0.report) }) { first, _ in first }
            for index in report.formulas.indices { report.formulas[index].tiedTo = ties[report.formulas[index].index] }
            return report
        }
        for (entry, report) in zip(workspace.entries, reports) where format == .text {
            let formatter = ReportTextFormatter(lines: entry.lines, verbose: verbose)
            DiagnosticPrinter().print(formatter.diagnostics(report), path: report.path, lines: entry.lines)
            print(formatter.summaryLine(report))
        }
        if format == .text, reports.count > 1 {
            print(ReportTextFormatter.totalsLine(reports))
        }
        if format == .json { print(ReportJSONFormatter().format(reports)) }
        if workspace.unreadable > 0 { throw ExitCode(2) }
        if reports.contains(where: \.failed) { throw ExitCode(1) }
    }
}
