import ArgumentParser
import Checks
import Foundation
import LessonMarkdown
import LitmusDiagnostics

/// `litmus check [PATH…] [--format text|json]`: parse, lint and verify every formula against
/// NeuralCore, without compiling anything.
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
        let reports = LessonChecking.checkedLessons(workspace).map(\.report)
        for (entry, report) in zip(workspace.entries, reports) where format == .text {
            let formatter = ReportTextFormatter(lines: entry.lines, verbose: verbose)
            DiagnosticPrinter().print(formatter.diagnostics(report), path: report.path, lines: entry.lines)
            print(formatter.summaryLine(report))
        }
        if format == .json { print(ReportJSONFormatter().format(reports)) }
        if workspace.unreadable > 0 { throw ExitCode(2) }
        if reports.contains(where: \.failed) { throw ExitCode(1) }
    }
}
