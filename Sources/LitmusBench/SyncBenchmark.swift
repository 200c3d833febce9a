import Checks
import Foundation
import Harness
import LessonMarkdown

/// `litmus-bench sync`: the cost of `litmus build`'s sync step on an unchanged tree of 20 lessons
/// — generate their tests from the lessons and checks that `build` has already read and made,
/// read `generated/` and compare, write nothing. The reading and checking are timed apart.
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
        // What `litmus build` has done before its sync step: read and check the lessons.
        let start = DispatchTime.now()
        let checked = read(lessons)
        let readAndCheck = seconds(since: start)
        // The first sync writes everything; the timed ones find nothing to do.
        var plan = step(checked, generated: generated)
        for (name, contents) in plan.writes {
            try? Data(contents.utf8).write(to: generated.appendingPathComponent(name))
        }
        var best = Double.infinity
        for _ in 0..<5 {
            let start = DispatchTime.now()
            plan = step(checked, generated: generated)
            best = min(best, seconds(since: start))
        }
        print(
            jsonLine([
                ("benchmark", "\"sync\""), ("lessons", "\(count)"), ("unchanged", "\(plan.unchanged.count)"),
                ("writes", "\(plan.writes.count)"), ("seconds", format(best)), ("goal_seconds", "0.2"),
                ("read_and_check_seconds", format(readAndCheck)),
            ]))
        return plan.isInSync ? 0 : 1
    }

    /// The lessons read and checked, as `litmus build` reads and checks them first.
    private static func read(_ lessons: URL) -> [(path: String, lesson: Lesson, checked: CheckedLesson)] {
        let checker = LessonChecker()
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: lessons.path)) ?? []).sorted()
        return names.compactMap { name in
            guard let data = try? Data(contentsOf: lessons.appendingPathComponent(name)),
                let lesson = try? LessonParser.parse([UInt8](data), path: "notebooks/" + name)
            else { return nil }
            return ("notebooks/" + name, lesson, checker.checkedLesson(lesson))
        }
    }

    /// The sync step: generate from the lessons and their checks, read `generated/`, plan.
    private static func step(
        _ checked: [(path: String, lesson: Lesson, checked: CheckedLesson)], generated: URL
    ) -> SyncPlan {
        let inputs = checked.map { (path: $0.path, checked: $0.checked) }
        var existing: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: generated.path)) ?? [] {
            existing[name] = try? String(contentsOf: generated.appendingPathComponent(name), encoding: .utf8)
        }
        var expected: [String: String] = [:]
        for file in GeneratedFiles.files(for: inputs) { expected[file.fileName] = file.contents }
        return SyncPlan(expected: expected, existing: existing) { _ in false }
    }
}
