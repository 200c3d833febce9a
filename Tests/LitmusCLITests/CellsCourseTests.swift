import Foundation
import FoundationXML
import Harness
import Testing

/// `litmus test` on a course whose lessons misbehave (`Tests/Fixtures/cells-course/`): a cell
/// that traps, one that fails a NeuralCore shape precondition, one that never ends, a lesson
/// that does not compile, a cell with `import`, `extension`, a protocol and `func run`, two
/// lessons whose names differ only by punctuation. Every failure is reported at its own lesson
/// and line, every other lesson passes, and the run ends.
///
/// The course is a package of its own under `.build/` (`FixtureCourse`): its first build
/// compiles NeuralCore and the runtime, which takes a few minutes on two cores.
@Suite(.serialized) struct CellsCourseTests {
    @Test func eachLessonFailsAloneAndTheReportsSaySoAtTheLessonsLines() throws {
        let course = try FixtureCourse(name: "cells-course", lessons: "Tests/Fixtures/cells-course")
        // A lesson that was renamed since its tests were generated leaves nothing behind.
        try FileManager.default.copyItem(at: course.url("notebooks/traps.md"), to: course.url("notebooks/old.md"))
        #expect(try LitmusProcess.run(["sync"], in: course.root).status == 0)
        let old = course.url("generated/" + GeneratedName.stem(for: "notebooks/old.md") + ".swift")
        #expect(FileManager.default.fileExists(atPath: old.path))
        try FileManager.default.removeItem(at: course.url("notebooks/old.md"))

        let result = try LitmusProcess.run(
            ["test", "--timeout", "30", "--no-cache", "--junit", "report.xml"], in: course.root)
        let text = result.standardOutput + result.standardError
        #expect(result.status == 1, "\(text)")
        #expect(!FileManager.default.fileExists(atPath: old.path), "the renamed lesson's tests are gone")

        // Each failure at its own lesson and line, in the compiler's format.
        #expect(
            text.contains(
                "notebooks/traps.md:16:1: error: cell at line 16: the cell trapped: Fatal error: Index out of range"))
        #expect(text.contains("backtrace in .litmus/logs/notebooks/traps.md.log"))
        #expect(text.contains("notebooks/shapes.md:5:1: error: cell at line 5: the cell trapped"))
        #expect(text.contains("inner dimensions 3 and 2 differ"))
        #expect(
            text.contains("notebooks/hangs.md:13:1: error: cell at line 13: the cell ran longer than its limit of 3 s"))
        #expect(
            text.contains("notebooks/broken.md:11:17: error: cell at line 10: does not compile: cannot convert value"))
        // Every other lesson runs and passes.
        #expect(text.contains("notebooks/file-scope.md: 2 cells: 2 passed, 0 failed, 0 timed out, 0 skipped — ok"))
        #expect(text.contains("notebooks/learning-rate.md: 1 cell: 1 passed, 0 failed, 0 timed out, 0 skipped — ok"))
        #expect(text.contains("notebooks/learning_rate.md: 1 cell: 1 passed, 0 failed, 0 timed out, 0 skipped — ok"))
        #expect(text.contains("notebooks/traps.md: 3 cells: 1 passed, 1 failed, 0 timed out, 1 skipped — FAILED"))
        #expect(text.contains("notebooks/hangs.md: 3 cells: 1 passed, 0 failed, 1 timed out, 1 skipped — FAILED"))
        #expect(text.contains("litmus test: 7 lessons in "))
        #expect(text.contains("13 cells: 6 passed, 3 failed, 1 timed out, 3 skipped — FAILED"))

        // The JUnit report: one suite per lesson, one case per cell named with its line.
        let report = try XMLDocument(contentsOf: course.url("report.xml"))
        let suites = try report.nodes(forXPath: "/testsuites/testsuite").compactMap { $0 as? XMLElement }
        #expect(suites.count == 7)
        func suite(_ lesson: String) -> XMLElement? {
            suites.first { $0.attribute(forName: "name")?.stringValue == "notebooks/\(lesson).md" }
        }
        func cases(_ lesson: String, _ element: String) throws -> [String] {
            try suite(lesson)?.nodes(forXPath: "testcase[\(element)]").compactMap {
                ($0 as? XMLElement)?.attribute(forName: "line")?.stringValue
            } ?? []
        }
        #expect(try cases("traps", "error") == ["16"])
        #expect(try cases("traps", "skipped") == ["23"])
        #expect(try cases("hangs", "error") == ["13"])
        #expect(try cases("broken", "error") == ["10"])
        #expect(try cases("shapes", "error") == ["5"])
        for lesson in ["file-scope", "learning-rate", "learning_rate"] {
            #expect(suite(lesson)?.attribute(forName: "failures")?.stringValue == "0")
            #expect(suite(lesson)?.attribute(forName: "errors")?.stringValue == "0")
        }

        // The generated tests are in line with the lessons (the stand-in of the lesson that does
        // not compile was put back).
        let check = try LitmusProcess.run(["sync", "--check"], in: course.root)
        #expect(check.status == 0, "\(check.standardError)")

        // Nothing is left running.
        #expect(Self.runningTestProcesses(in: course.root).isEmpty)
    }

    @Test func updateRewritesTheWrongOutputBlockAndNothingElse() throws {
        let course = try FixtureCourse(name: "cells-course", lessons: "Tests/Fixtures/cells-course")
        for name in try FileManager.default.contentsOfDirectory(atPath: course.url("notebooks").path)
        where name != "learning-rate.md" {
            try FileManager.default.removeItem(at: course.url("notebooks/" + name))
        }
        let lesson = course.url("notebooks/learning-rate.md")
        let original = try String(contentsOf: lesson, encoding: .utf8)
        let wrong = original.replacingOccurrences(of: "```output\n0.1\n```", with: "```output\n0.25\n```")
        #expect(wrong != original)
        try Data(wrong.utf8).write(to: lesson)

        let result = try LitmusProcess.run(["test", "--update"], in: course.root)
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("notebooks/learning-rate.md:7: updated the ```output block"))
        #expect(try String(contentsOf: lesson, encoding: .utf8) == original)
        // The lesson passes now, and its generated tests follow it.
        #expect(try LitmusProcess.run(["test"], in: course.root).status == 0)
        #expect(try LitmusProcess.run(["sync", "--check"], in: course.root).status == 0)
    }

    @Test func exportedCellsBecomeALibraryAndEditsThereFlowBack() throws {
        let course = try FixtureCourse(name: "cells-course", lessons: "Tests/Fixtures/export-course")
        let lesson = course.url("notebooks/softsign.md")
        let library = course.url("Sources/CourseCode/" + GeneratedName.stem(for: "notebooks/softsign.md") + ".swift")
        #expect(try LitmusProcess.run(["sync"], in: course.root).status == 0)
        let exported = try String(contentsOf: library, encoding: .utf8)
        #expect(exported.contains("public func softsign(_ x: Double) -> Double {"))
        #expect(exported.contains("// litmus: cell 1 of notebooks/softsign.md:"))
        // The library compiles beside the course's own file, which Litmus never touched.
        let build = try ShellProcess.run(["swift", "build", "--target", "CourseCode"], in: course.root)
        #expect(build.status == 0, "\(build.output)")
        #expect(try String(contentsOf: course.url("Sources/CourseCode/Own.swift"), encoding: .utf8).contains("fixture"))

        // An edit in the library flows back into the lesson, byte for byte, and nothing else changes.
        let original = try String(contentsOf: lesson, encoding: .utf8)
        try Data(exported.replacingOccurrences(of: "x / (1 + abs(x))", with: "x / (abs(x) + 1)").utf8).write(
            to: library)
        #expect(try LitmusProcess.run(["sync", "--check"], in: course.root).status == 1)
        let back = try LitmusProcess.run(["sync", "--from-code"], in: course.root)
        #expect(back.status == 0, "\(back.standardError)")
        #expect(
            try String(contentsOf: lesson, encoding: .utf8)
                == original.replacingOccurrences(of: "x / (1 + abs(x))", with: "x / (abs(x) + 1)"))
        #expect(try LitmusProcess.run(["sync", "--check"], in: course.root).status == 0)

        // The same cell edited on both sides is refused, and both edits stay where they were.
        let bothLesson = try String(contentsOf: lesson, encoding: .utf8).replacingOccurrences(
            of: "abs(x) + 1", with: "1 + x.magnitude")
        try Data(bothLesson.utf8).write(to: lesson)
        let bothLibrary = try String(contentsOf: library, encoding: .utf8).replacingOccurrences(
            of: "abs(x) + 1", with: "abs(x) + 1.0")
        try Data(bothLibrary.utf8).write(to: library)
        let refused = try LitmusProcess.run(["sync", "--from-code"], in: course.root)
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("changed both in the lesson and in the library"))
        #expect(try LitmusProcess.run(["sync"], in: course.root).status == 1)
        #expect(try String(contentsOf: lesson, encoding: .utf8) == bothLesson)
        #expect(try String(contentsOf: library, encoding: .utf8) == bothLibrary)
    }

    @Test func theCourseRecordsTheSameOutputsUnderEveryBLASKernel() throws {
        // The course in notebooks/, in a package of its own, run from scratch under each OpenBLAS
        // core this CPU can run; every cell's output and chart must be the same bytes.
        let course = try FixtureCourse(name: "cells-course", lessons: "notebooks")
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        var cores = ["Prescott", "Haswell"]
        if cpu.contains("avx512f") { cores.append("SkylakeX") }
        var runs: [String: [String: Data]] = [:]
        for core in cores {
            let result = try LitmusProcess.run(
                ["test", "--no-cache"], in: course.root, environment: ["OPENBLAS_CORETYPE": core])
            #expect(result.status == 0, "\(core): \(result.standardOutput)\(result.standardError)")
            runs[core] = try Self.records(in: course.url(".litmus/outputs"))
        }
        let reference = try #require(runs[cores[0]])
        #expect(reference.count == 8)
        for core in cores.dropFirst() {
            #expect(runs[core] == reference, "the records under \(core) differ from those under \(cores[0])")
        }
    }

    /// The run's records by lesson, without the cells' running times.
    private static func records(in folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".json") else { continue }
            let data = try Data(contentsOf: folder.appendingPathComponent(relative))
            var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let cells = (json["cells"] as? [[String: Any]] ?? []).map { cell in
                var cell = cell
                cell["seconds"] = nil
                return cell
            }
            json["cells"] = cells
            out[relative] = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        }
        return out
    }

    /// Test processes of the course still running (there should be none once `litmus` returned).
    private static func runningTestProcesses(in root: URL) -> [String] {
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return processes.compactMap { pid in
            guard Int(pid) != nil,
                let command = try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)
            else { return nil }
            return command.contains(root.path + "/.build") && command.contains(".xctest") ? command : nil
        }
    }
}
