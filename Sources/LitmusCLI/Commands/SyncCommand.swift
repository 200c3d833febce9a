import ArgumentParser
import Foundation
import Harness

/// `litmus sync [--check]`: writes `generated/` from the lessons, or checks that it is current.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Generate the lessons' Swift tests into generated/ (or, with --check, verify they are current)."
    )

    @Argument(help: "Lesson files or folders of lessons.")
    var paths: [String] = ["notebooks"]

    @Flag(help: "Change nothing; exit 1 and name each file when generated/ differs from what the lessons produce.")
    var check = false

    @Option(help: "The folder of generated tests.")
    var generated = "generated"

    func run() throws {
        let workspace = try LessonWorkspace.loadForCommand(paths, requireReadable: true)
        let directory = GeneratedDirectory(path: generated)
        guard check else {
            let plan = try directory.sync(workspace, roots: paths)
            print(
                "litmus sync: \(plan.writes.count) written, \(plan.deletions.count) deleted, \(plan.unchanged.count) unchanged"
                    + (plan.refusals.isEmpty ? "" : ", \(plan.refusals.count) refused"))
            if !plan.refusals.isEmpty { throw ExitCode(1) }
            return
        }
        let existing = try directory.existing()
        let plan = try directory.plan(for: workspace, roots: paths)
        let githubActions = ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true"
        var problems = ""
        for name in plan.refusals {
            problems +=
                "\(generated)/\(name): error: not written by litmus (no header), so it is left alone; "
                + "move it away to let litmus generate this lesson's tests\n"
        }
        for name in plan.writes.keys.sorted() {
            let state = existing[name] == nil ? "missing" : "stale"
            problems += "\(generated)/\(name): error: \(state); run 'swift run litmus sync' and commit the result\n"
            if githubActions {
                problems += "::error file=\(generated)/\(name)::\(state) generated test; run 'swift run litmus sync'\n"
            }
        }
        for name in plan.deletions {
            problems += "\(generated)/\(name): error: its lesson is gone; run 'swift run litmus sync' to delete it\n"
            if githubActions { problems += "::error file=\(generated)/\(name)::generated test of a deleted lesson\n" }
        }
        DiagnosticPrinter.writeStandardError(problems)
        if !plan.isInSync { throw ExitCode(1) }
        print(
            "litmus sync: \(generated)/ is up to date (\(plan.unchanged.count) file\(plan.unchanged.count == 1 ? "" : "s"))"
        )
    }
}
