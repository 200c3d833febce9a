import ArgumentParser
import Foundation
import Harness

/// `litmus sync [--check]`: writes `generated/` from the lessons, or checks that it is current.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Generate the lessons' Swift tests into generated/ (or, with --check, verify they are current)."
    )

    @OptionGroup var lessons: LessonOptions

    @Flag(help: "Change nothing; exit 1 and name each file when generated/ differs from what the lessons produce.")
    var check = false

    func run() throws {
        let workspace = try LessonWorkspace.loadForCommand(lessons.paths, requireReadable: true)
        let directory = GeneratedDirectory(path: lessons.generated)
        let generated = lessons.generated
        guard check else {
            let (plan, _) = try directory.sync(workspace)
            print(
                "litmus sync: \(plan.writes.count) written, \(plan.deletions.count) deleted, \(plan.unchanged.count) unchanged"
                    + (plan.refusals.isEmpty ? "" : ", \(plan.refusals.count) refused"))
            if !plan.refusals.isEmpty { throw ExitCode(1) }
            return
        }
        let existing = try directory.existing()
        let files = directory.files(for: workspace)
        let plan = try directory.plan(for: files)
        let githubActions = ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true"
        var problems = ""
        for (first, second) in GeneratedFiles.collisions(files) {
            problems += "\(second): error: its generated name is the same as \(first)'s; rename one of the two lessons\n"
        }
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
            let lesson = existing[name].flatMap(TestFileGenerator.lessonPath(inHeaderOf:)) ?? "?"
            problems +=
                "\(generated)/\(name): error: orphaned: its lesson \(lesson) is gone (renamed, moved or deleted); "
                + "run 'swift run litmus sync' to delete it\n"
            if githubActions { problems += "::error file=\(generated)/\(name)::generated test of a lesson that is gone\n" }
        }
        DiagnosticPrinter.writeStandardError(problems)
        if !problems.isEmpty || !plan.isInSync { throw ExitCode(1) }
        print(
            "litmus sync: \(generated)/ is up to date (\(plan.unchanged.count) file\(plan.unchanged.count == 1 ? "" : "s"))"
        )
    }
}
