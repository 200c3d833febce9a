import Foundation
import Checks
import Harness
import LessonMarkdown

/// `litmus-bench sync`: the cost of `litmus build`'s sync step on an unchanged tree — read 20
/// lessons, generate their tests, compare with `generated/` on disk, write nothing.
enum SyncBenchmark {
    static func run(_ arguments: [String]) -> Int32 {
        let count = Int(value(of: "--lessons", in: arguments) ?? "") ?? 20
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("litmus-sync-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        let lessons = root.appendingPathComponent("notebooks")
        let generated = root.appendingPathComponent("generated")
        try? FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(at: generated, withIntermediateDirectories: true)
        for (index, text) in LessonCorpus.generate(lessons: count, bytesPerLesson: 24_000, seed: 3).enumerated() {
            try? Data(text.utf8).write(to: lessons.appendingPathComponent(String(format: "%02d-lesson.md", index)))
        }
        // First sync writes everything; the timed ones find nothing to do.
        var plan = step(lessons: lessons, generated: generated)
        for (name, contents) in plan.writes {
            try? Data(contents.utf8).write(to: generated.appendingPathComponent(name))
        }
        var best = Double.infinity
        for _ in 0..<5 {
            let start = DispatchTime.now()
            plan = step(lessons: lessons, generated: generated)
            best = min(best, seconds(since: start))
        }
        print(
            jsonLine([
                ("benchmark", "\"sync\""), ("lessons", "\(count)"), ("unchanged", "\(plan.unchanged.count)"),
                ("writes", "\(plan.writes.count)"), ("seconds", format(best)), ("goal_seconds", "0.2"),
            ]))
        return plan.isInSync ? 0 : 1
    }

    /// One sync step as the CLI runs it: read the lessons and `generated/`, plan.
    private static func step(lessons: URL, generated: URL) -> SyncPlan {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: lessons.path)) ?? []).sorted()
        let checker = LessonChecker()
        let parsed = names.compactMap { name -> (path: String, lesson: Lesson, formulas: [CompiledFormula])? in
            guard let data = try? Data(contentsOf: lessons.appendingPathComponent(name)),
                let lesson = try? LessonParser.parse([UInt8](data), path: "notebooks/" + name)
            else { return nil }
            return ("notebooks/" + name, lesson, CompiledFormula.compile(lesson, report: checker.check(lesson)))
        }
        var existing: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: generated.path)) ?? [] {
            existing[name] = try? String(contentsOf: generated.appendingPathComponent(name), encoding: .utf8)
        }
        return SyncPlan(expected: GeneratedFiles.files(for: parsed), existing: existing)
    }
}
