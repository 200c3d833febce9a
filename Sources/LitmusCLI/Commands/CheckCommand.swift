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

    @Argument(help: "Lesson files or folders of lessons.")
    var paths: [String] = ["notebooks"]

    @Option(help: "Output format: text (compiler-style) or json.")
    var format: Format = .text

    @Flag(name: .shortAndLong, help: "Also list verified, definition and unchecked formulas as notes.")
    var verbose = false

    func run() throws {
        let files: [String]
        do {
            files = try LessonCollector.collect(paths)
        } catch let error as LitmusCLIError {
            DiagnosticPrinter.writeStandardError((error.errorDescription ?? "\(error)") + "\n")
            throw ExitCode(2)
        }
        let checker = LessonChecker()
        var reports: [LessonReport] = []
        var unreadable = 0
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
                let report = checker.check(lesson)
                reports.append(report)
                if format == .text {
                    let formatter = ReportTextFormatter(lines: lines, verbose: verbose)
                    let diagnostics = formatter.diagnostics(report)
                    DiagnosticPrinter().print(diagnostics, path: file, lines: lines)
                    print(formatter.summaryLine(report))
                }
            }
        }
        if format == .json { print(ReportJSONFormatter().format(reports)) }
        if unreadable > 0 { throw ExitCode(2) }
        if reports.contains(where: \.failed) { throw ExitCode(1) }
    }
}
