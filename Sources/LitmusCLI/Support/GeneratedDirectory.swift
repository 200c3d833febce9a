import Checks
import Foundation
import Harness
import LessonMarkdown

/// `generated/` on disk: reads what is there, plans the sync, applies it.
struct GeneratedDirectory {
    let path: String

    /// The `.swift` files there, by name.
    func existing() throws -> [String: String] {
        var files: [String: String] = [:]
        guard FileManager.default.fileExists(atPath: path) else { return files }
        for name in try FileManager.default.contentsOfDirectory(atPath: path) where name.hasSuffix(".swift") {
            let url = URL(fileURLWithPath: path).appendingPathComponent(name)
            files[name] = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        }
        return files
    }

    /// The generated files of `workspace`'s lessons (paths relative to the package). `checked`
    /// are the lessons as checked when the caller has them already (`litmus build`).
    func files(for workspace: LessonWorkspace, checked: [CheckedLesson]? = nil) -> [GeneratedFile] {
        // Every formula the checks verify against NeuralCore, and every formula tied to a cell's
        // function, becomes a test too.
        let checked = checked ?? LessonChecking.checkedLessons(workspace)
        return GeneratedFiles.files(
            for: zip(workspace.entries, checked).map { entry, lesson in (path: entry.lesson.path, checked: lesson) })
    }

    /// The plan for `files`: a generated file whose lesson no longer exists is deleted, whichever
    /// folder it was in.
    func plan(for files: [GeneratedFile]) throws -> SyncPlan {
        var expected: [String: String] = [:]
        for file in files { expected[file.fileName] = file.contents }
        return SyncPlan(expected: expected, existing: try existing()) { lesson in
            !FileManager.default.fileExists(atPath: lesson)
        }
    }

    /// Plans and applies the sync for `workspace`, printing every refusal and name collision;
    /// returns the plan and the files.
    func sync(_ workspace: LessonWorkspace, checked: [CheckedLesson]? = nil) throws -> (SyncPlan, [GeneratedFile]) {
        let files = files(for: workspace, checked: checked)
        for (file, entry) in zip(files, workspace.entries) where !file.diagnostics.isEmpty {
            DiagnosticPrinter().print(file.diagnostics, path: file.lessonPath, lines: entry.lines)
        }
        let collisions = GeneratedFiles.collisions(files)
        for (first, second) in collisions {
            DiagnosticPrinter.writeStandardError(
                "\(second): error: its generated name is the same as \(first)'s; rename one of the two lessons\n")
        }
        let colliding = Set(collisions.map(\.1))
        let plan = try plan(for: files.filter { !colliding.contains($0.lessonPath) })
        try apply(plan)
        for name in plan.refusals {
            DiagnosticPrinter.writeStandardError(
                "\(path)/\(name): error: not written by litmus (no header), so it is left alone; "
                    + "move it away to let litmus generate this lesson's tests\n")
        }
        var result = plan
        if !collisions.isEmpty { result.refusals += collisions.map { GeneratedName.stem(for: $0.1) + ".swift" } }
        // The course's library of exported cells follows the lessons too.
        if let library = LibraryDirectory.of(workspace) {
            let libraryPlan = library.plan(for: workspace)
            if try !library.apply(libraryPlan) {
                result.refusals += libraryPlan.refusals.map { library.path + "/" + $0 }
                result.refusals += libraryPlan.conflicts.map { $0.lessonPath }
            }
        }
        return (result, files.filter { !colliding.contains($0.lessonPath) })
    }

    /// Writes and deletes what the plan says (never a file without the header).
    func apply(_ plan: SyncPlan) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, contents) in plan.writes.sorted(by: { $0.key < $1.key }) {
            try Data(contents.utf8).write(to: URL(fileURLWithPath: path).appendingPathComponent(name), options: .atomic)
        }
        for name in plan.deletions {
            try FileManager.default.removeItem(at: URL(fileURLWithPath: path).appendingPathComponent(name))
        }
    }
}
