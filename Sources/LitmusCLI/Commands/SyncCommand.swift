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

    @Flag(help: "Bring edits made in the course's library (cells marked export) back into their lessons.")
    var fromCode = false

    func validate() throws {
        if check && fromCode { throw ValidationError("--check and --from-code cannot go together") }
    }

    func run() throws {
        var workspace = try LessonWorkspace.loadForCommand(lessons.paths, requireReadable: true)
        let directory = GeneratedDirectory(path: lessons.generated)
        let generated = lessons.generated
        if fromCode {
            guard let library = LibraryDirectory.of(workspace) else {
                DiagnosticPrinter.writeStandardError(
                    "error: the course file (litmus.yml) names no library ('library: Name'), so there is no code to "
                        + "bring back\n")
                throw ExitCode(2)
            }
            let (cells, conflicts) = try library.bringBack(workspace)
            print("litmus sync --from-code: \(cells) cell\(cells == 1 ? "" : "s") brought back")
            if conflicts > 0 { throw ExitCode(1) }
            // The lessons changed: read them again, and sync the library's bases and generated/.
            workspace = try LessonWorkspace.loadForCommand(lessons.paths, requireReadable: true)
        }
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
            problems +=
                "\(second): error: its generated name is the same as \(first)'s; rename one of the two lessons\n"
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
            if githubActions {
                problems += "::error file=\(generated)/\(name)::generated test of a lesson that is gone\n"
            }
        }
        var libraryInSync = true
        if let library = LibraryDirectory.of(workspace) {
            let libraryPlan = library.plan(for: workspace)
            libraryInSync = libraryPlan.isInSync
            library.report(libraryPlan)
            for name in libraryPlan.writes.keys.sorted() {
                problems +=
                    "\(library.path)/\(name): error: the exported cells differ from the lesson's; "
                    + "run 'swift run litmus sync' (or 'litmus sync --from-code' if the library was edited)\n"
            }
            for name in libraryPlan.deletions {
                problems += "\(library.path)/\(name): error: orphaned: its lesson exports nothing any more\n"
            }
        }
        DiagnosticPrinter.writeStandardError(problems)
        if !problems.isEmpty || !plan.isInSync || !libraryInSync { throw ExitCode(1) }
        print(
            "litmus sync: \(generated)/ is up to date (\(plan.unchanged.count) file\(plan.unchanged.count == 1 ? "" : "s"))"
        )
    }
}
