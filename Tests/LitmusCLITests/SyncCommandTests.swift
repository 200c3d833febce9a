import Foundation
import Testing

/// `litmus sync` and `litmus sync --check` on a scratch project.
@Suite(.serialized) struct SyncCommandTests {
    let directory: URL

    init() throws {
        directory = try LitmusProcess.temporaryDirectory()
        let notebooks = directory.appendingPathComponent("notebooks")
        try FileManager.default.createDirectory(at: notebooks, withIntermediateDirectories: true)
        try Data("# A\n\n```swift\nprint(1)\n```\n".utf8).write(to: notebooks.appendingPathComponent("a.md"))
        try Data("# B\n\n```swift\nlet b = 2\n```\n".utf8).write(to: notebooks.appendingPathComponent("b.md"))
    }

    private func url(_ path: String) -> URL { directory.appendingPathComponent(path) }

    @Test func syncWritesThenCheckPassesAndAnUnchangedTreeIsLeftUntouched() throws {
        let first = try LitmusProcess.run(["sync"], in: directory)
        #expect(first.status == 0)
        #expect(first.standardOutput.contains("litmus sync: 2 written, 0 deleted, 0 unchanged"))
        let file = url("generated/LessonATests.swift")
        let before = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.05)
        let again = try LitmusProcess.run(["sync"], in: directory)
        #expect(again.standardOutput.contains("0 written, 0 deleted, 2 unchanged"))
        let after = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
        #expect(before == after)
        let check = try LitmusProcess.run(["sync", "--check"], in: directory)
        #expect(check.status == 0)
    }

    @Test func checkFailsOnAHandEditedFileAndOnAnEditedLesson() throws {
        _ = try LitmusProcess.run(["sync"], in: directory)
        let generated = url("generated/LessonATests.swift")
        try Data((try String(contentsOf: generated, encoding: .utf8) + "// tweak\n").utf8).write(to: generated)
        let edited = try LitmusProcess.run(["sync", "--check"], in: directory)
        #expect(edited.status == 1)
        #expect(edited.standardError.contains("generated/LessonATests.swift: error: stale"))

        _ = try LitmusProcess.run(["sync"], in: directory)
        try Data("# B\n\n```swift\nlet b = 3\n```\n".utf8).write(to: url("notebooks/b.md"))
        let lesson = try LitmusProcess.run(["sync", "--check"], in: directory)
        #expect(lesson.status == 1)
        #expect(lesson.standardError.contains("generated/LessonBTests.swift: error: stale"))
        #expect(!lesson.standardError.contains("LessonATests"))
    }

    @Test func checkNamesMissingFilesAndAnnotatesUnderGitHubActions() throws {
        let process = Process()
        process.executableURL = LitmusProcess.executable
        process.arguments = ["sync", "--check"]
        process.currentDirectoryURL = directory
        process.environment = ["GITHUB_ACTIONS": "true"]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(output.contains("generated/LessonATests.swift: error: missing"))
        #expect(output.contains("::error file=generated/LessonATests.swift::missing generated test"))
    }

    @Test func aFileWithoutTheHeaderIsNeverTouched() throws {
        try FileManager.default.createDirectory(at: url("generated"), withIntermediateDirectories: true)
        let mine = "// my own test helper\nlet helper = 1\n"
        try Data(mine.utf8).write(to: url("generated/LessonATests.swift"))
        try Data(mine.utf8).write(to: url("generated/Helpers.swift"))
        let result = try LitmusProcess.run(["sync"], in: directory)
        #expect(result.status == 1)
        #expect(result.standardError.contains("generated/LessonATests.swift: error: not written by litmus"))
        #expect(try String(contentsOf: url("generated/LessonATests.swift"), encoding: .utf8) == mine)
        #expect(try String(contentsOf: url("generated/Helpers.swift"), encoding: .utf8) == mine)
    }

    @Test func filesOfDeletedLessonsAreRemoved() throws {
        _ = try LitmusProcess.run(["sync"], in: directory)
        try FileManager.default.removeItem(at: url("notebooks/b.md"))
        let check = try LitmusProcess.run(["sync", "--check"], in: directory)
        #expect(check.status == 1)
        #expect(check.standardError.contains("generated/LessonBTests.swift: error: its lesson is gone"))
        let result = try LitmusProcess.run(["sync"], in: directory)
        #expect(result.standardOutput.contains("0 written, 1 deleted, 1 unchanged"))
        #expect(!FileManager.default.fileExists(atPath: url("generated/LessonBTests.swift").path))
    }

    @Test func syncingOneFolderLeavesTheTestsOfAnotherAlone() throws {
        let fixtures = url("fixtures")
        try FileManager.default.createDirectory(at: fixtures, withIntermediateDirectories: true)
        try Data("# F\n\n```swift\nprint(0)\n```\n".utf8).write(to: fixtures.appendingPathComponent("f.md"))
        _ = try LitmusProcess.run(["sync", "notebooks", "./fixtures/"], in: directory)
        #expect(FileManager.default.fileExists(atPath: url("generated/LessonFTests.swift").path))
        let header = try String(contentsOf: url("generated/LessonFTests.swift"), encoding: .utf8).prefix { $0 != "\n" }
        #expect(header == "// Generated by litmus from fixtures/f.md — do not edit.")
        let result = try LitmusProcess.run(["sync"], in: directory)
        #expect(result.standardOutput.contains("0 written, 0 deleted, 2 unchanged"))
        #expect(FileManager.default.fileExists(atPath: url("generated/LessonFTests.swift").path))
    }
}
