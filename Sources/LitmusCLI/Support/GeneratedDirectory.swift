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

    /// The plan for `workspace`'s lessons, whose paths are given relative to the package; the
    /// generated files of lessons under `roots` whose file is gone are deleted. `reports` are the
    /// lessons' checks when the caller has them already (`litmus build`).
    func plan(for workspace: LessonWorkspace, roots: [String], reports: [LessonReport]? = nil) throws -> SyncPlan {
        // Every formula the checks verify and that has a scalar Swift form becomes a test too.
        let reports = reports ?? LessonChecking.check(workspace)
        let lessons = zip(workspace.entries, reports).map { entry, report in
            (
                path: entry.lesson.path, lesson: entry.lesson,
                formulas: CompiledFormula.compile(entry.lesson, report: report)
            )
        }
        let roots = roots.map(LessonCollector.normalized)
        let prefixes = roots.map { $0 + "/" }
        return SyncPlan(expected: GeneratedFiles.files(for: lessons), existing: try existing()) { lesson in
            let owned = roots.contains(lesson) || prefixes.contains { lesson.hasPrefix($0) }
            return owned && !FileManager.default.fileExists(atPath: lesson)
        }
    }

    /// Plans and applies the sync for `workspace`, printing every refusal; returns the plan.
    func sync(_ workspace: LessonWorkspace, roots: [String], reports: [LessonReport]? = nil) throws -> SyncPlan {
        let plan = try plan(for: workspace, roots: roots, reports: reports)
        try apply(plan)
        for name in plan.refusals {
            DiagnosticPrinter.writeStandardError(
                "\(path)/\(name): error: not written by litmus (no header), so it is left alone; "
                    + "move it away to let litmus generate this lesson's tests\n")
        }
        return plan
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
