import Foundation
import Harness
import LessonMarkdown

/// The course's library folder on disk (`Sources/<library>/`, named by `litmus.yml`): reads the
/// exported files there, syncs them with the lessons either way, and prints what stands in the way.
struct LibraryDirectory {
    let path: String

    /// The library of the workspace's course, when its course file names one.
    static func of(_ workspace: LessonWorkspace) -> LibraryDirectory? {
        guard let library = (try? CourseFile.find(for: workspace.base))??.library else { return nil }
        return LibraryDirectory(path: "Sources/" + library)
    }

    func existing() -> [String: String] {
        var files: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where name.hasSuffix(".swift") {
            files[name] = try? String(
                contentsOf: URL(fileURLWithPath: path).appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    /// The plan from the lessons to the library.
    func plan(for workspace: LessonWorkspace) -> LibrarySync.Plan {
        LibrarySync.forward(workspace.entries.map { ($0.lesson.path, $0.lesson) }, existing: existing()) {
            !FileManager.default.fileExists(atPath: $0)
        }
    }

    /// Writes what the plan says unless it has conflicts or refusals (then nothing is written);
    /// prints them. Returns whether the library is now in step.
    @discardableResult
    func apply(_ plan: LibrarySync.Plan) throws -> Bool {
        report(plan)
        guard plan.conflicts.isEmpty, plan.refusals.isEmpty else { return false }
        guard !plan.writes.isEmpty || !plan.deletions.isEmpty else { return true }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, contents) in plan.writes.sorted(by: { $0.key < $1.key }) {
            try Data(contents.utf8).write(to: URL(fileURLWithPath: path).appendingPathComponent(name), options: .atomic)
        }
        for name in plan.deletions {
            try FileManager.default.removeItem(at: URL(fileURLWithPath: path).appendingPathComponent(name))
        }
        return true
    }

    func report(_ plan: LibrarySync.Plan) {
        var text = ""
        for conflict in plan.conflicts {
            text += "\(conflict.lessonPath):\(max(conflict.line, 1)):1: error: \(conflict.message)\n"
        }
        for name in plan.refusals {
            text +=
                "\(path)/\(name): error: not written by litmus (no header), so it is left alone; "
                + "move it away to let litmus export this lesson's cells\n"
        }
        DiagnosticPrinter.writeStandardError(text)
    }

    /// `sync --from-code`: brings edits made in the library back into their Markdown lessons.
    /// A lesson with a conflict is left as it is. Returns the number of cells brought back and
    /// whether there was a conflict.
    func bringBack(_ workspace: LessonWorkspace) throws -> (cells: Int, conflicts: Int) {
        var cells = 0
        var conflicts = 0
        let files = existing()
        for entry in workspace.entries {
            let name = GeneratedName.stem(for: entry.lesson.path) + ".swift"
            guard let contents = files[name], let exported = ExportedFile.parse(contents),
                exported.lessonPath == entry.lesson.path
            else { continue }
            let text = try String(contentsOf: URL(fileURLWithPath: entry.lesson.path), encoding: .utf8)
            switch LibrarySync.backward(lesson: entry.lesson, text: text, exported: exported) {
            case .failure(let found):
                report(LibrarySync.Plan(conflicts: found))
                conflicts += found.count
            case .success(let updated, let lines):
                guard !lines.isEmpty else { continue }
                try Data(updated.utf8).write(to: URL(fileURLWithPath: entry.lesson.path), options: .atomic)
                for line in lines { print("\(entry.lesson.path):\(line): brought the library's edit into this cell") }
                cells += lines.count
            }
        }
        return (cells, conflicts)
    }
}
