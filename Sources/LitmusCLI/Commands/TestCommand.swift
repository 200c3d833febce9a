import ArgumentParser
import Foundation
import Harness

/// `litmus test [PATH…]`: regenerates the lessons' tests and runs them with `swift test`,
/// filtered to those lessons, then reports per lesson what ran.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Regenerate the lessons' tests and run their cells (through swift test)."
    )

    @Argument(help: "Lesson files or folders of lessons.")
    var paths: [String] = ["notebooks"]

    @Option(help: "The folder of generated tests.")
    var generated = "generated"

    func run() throws {
        let workspace = try LessonWorkspace.loadForCommand(paths, requireReadable: true)
        let plan = try GeneratedDirectory(path: generated).sync(workspace, roots: paths)
        if !plan.refusals.isEmpty { throw ExitCode(1) }
        let lessons = workspace.entries.map(\.lesson.path)
        for lesson in lessons {
            try? FileManager.default.removeItem(at: RecordedCell.url(for: lesson))
        }
        let filter = GeneratedFiles.testFilter(for: lessons)
        let start = Date()
        let (status, log) = try SwiftTestRunner.run(filter: filter)
        let seconds = Date().timeIntervalSince(start)
        for lesson in lessons {
            let formulas = SwiftTestRunner.formulaResults(in: log, lesson: lesson)
            let formulaText = "\(formulas.passed)/\(formulas.passed + formulas.failed) formulas re-checked"
            guard let cells = RecordedCell.read(for: lesson) else {
                print("\(lesson): no cells ran, \(formulaText)")
                continue
            }
            let failed = cells.filter { $0.failed || $0.matched == false }.count
            let compared = cells.filter { $0.matched != nil }.count
            let matched = cells.filter { $0.matched == true }.count
            print(
                "\(lesson): \(cells.count - failed)/\(cells.count) cells passed, \(matched)/\(compared) outputs matched, "
                    + formulaText)
        }
        if status != 0 {
            DiagnosticPrinter.writeStandardError(SwiftTestRunner.failures(in: log))
        }
        print(
            "litmus test: \(lessons.count) lesson\(lessons.count == 1 ? "" : "s") in \(String(format: "%.1f", seconds)) s "
                + (status == 0 ? "— passed" : "— FAILED"))
        if status != 0 { throw ExitCode(1) }
    }

}

/// Runs `swift test` in the current package and keeps its output.
enum SwiftTestRunner {
    static func run(filter: String) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "test", "--filter", filter]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// How many of a lesson's formula tests passed and failed, from the log's result lines
    /// (`✔ Test "formula at notebooks/x.md:37: …" passed`).
    static func formulaResults(in log: String, lesson: String) -> (passed: Int, failed: Int) {
        let prefix = "Test \"formula at \(lesson):"
        var passed = 0
        var failed = 0
        for line in log.split(separator: "\n") where line.contains(prefix) {
            if line.hasPrefix("✔") && line.contains(" passed after ") { passed += 1 }
            if line.hasPrefix("✘") && line.contains(" failed after ") { failed += 1 }
        }
        return (passed, failed)
    }

    /// The lines of a `swift test` log that say what failed (compiler errors, failed expectations).
    static func failures(in log: String) -> String {
        let lines = log.split(separator: "\n", omittingEmptySubsequences: false)
        var out = ""
        var keep = 0
        for line in lines {
            if line.contains(": error:") || line.contains("✘") || line.contains("recorded an issue") {
                keep = 12
            }
            if keep > 0 {
                out += line + "\n"
                keep -= 1
            }
        }
        return out.isEmpty ? log : out
    }
}
