import ArgumentParser
import Foundation
import LessonMarkdown
import LitmusDiagnostics

/// `litmus inspect FILE [--json]`: the parsed lesson — blocks, cells, formulas with positions.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show how Litmus reads a lesson: blocks, code cells, images, links and every formula."
    )

    @Argument(help: "A lesson: Markdown (.md or any other extension) or a Jupyter notebook (.ipynb).")
    var file: String

    @Flag(help: "Print the outline as JSON (the format is documented in the README).")
    var json = false

    @Option(
        help: ArgumentHelp(
            "The course's dialect, in place of `dialect:` of litmus.yml; the lesson's own markup decides first.",
            valueName: MathDialect.allCases.map(\.rawValue).joined(separator: "|")))
    var dialect: String?

    func validate() throws {
        if let dialect, MathDialect(rawValue: dialect) == nil {
            throw ValidationError(
                "unknown dialect '\(dialect)'; use one of \(MathDialect.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
    }

    func run() throws {
        let outcome: LessonLoader.Outcome
        do {
            let courseDialect = {
                LessonWorkspace.courseDialect(
                    for: (LessonCollector.normalized(file) as NSString).deletingLastPathComponent)
            }
            outcome = try LessonLoader.load(
                file, dialect: dialect.flatMap(MathDialect.init(rawValue:)) ?? courseDialect())
        } catch let error as LitmusCLIError {
            DiagnosticPrinter.writeStandardError((error.errorDescription ?? "\(error)") + "\n")
            throw ExitCode(2)
        }
        switch outcome {
        case .unreadableContent(let diagnostic, let lines):
            DiagnosticPrinter().print([diagnostic], path: file, lines: lines)
            throw ExitCode(2)
        case .lesson(let lesson, let lines):
            let outline = LessonOutline(lesson)
            if json {
                print(try OutlineJSON.encode(outline))
            } else {
                print(OutlineText.render(outline), terminator: "")
            }
            let diagnostics = lesson.diagnostics.sorted { $0.location < $1.location }
            DiagnosticPrinter().print(diagnostics, path: file, lines: lines)
            if diagnostics.hasErrors { throw ExitCode(1) }
        }
    }
}
