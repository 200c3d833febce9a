import Foundation
import Harness
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

    /// `generated/LessonA_1a2b3c4d.swift` for `notebooks/a.md`.
    private func generated(_ lesson: String) -> String { "generated/" + GeneratedName.stem(for: lesson) + ".swift" }

    @Test func syncWritesThenCheckPassesAndAnUnchangedTreeIsLeftUntouched() throws {
        let first = try LitmusProcess.run(["sync"], in: directory)
        #expect(first.status == 0)
        #expect(first.standardOutput.contains("litmus sync: 2 written, 0 deleted, 0 unchanged"))
        let file = url(generated("notebooks/a.md"))
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
        let file = url(generated("notebooks/a.md"))
        try Data((try String(contentsOf: file, encoding: .utf8) + "// tweak\n").utf8).write(to: file)
        let edited = try LitmusProcess.run(["sync", "--check"], in: directory)
        #expect(edited.status == 1)
        #expect(edited.standardError.contains(generated("notebooks/a.md") + ": error: stale"))

        _ = try LitmusProcess.run(["sync"], in: directory)
        try Data("# B\n\n```swift\nlet b = 3\n```\n".utf8).write(to: url("notebooks/b.md"))
        let lesson = try LitmusProcess.run(["sync", "--check"], in: directory)
        #expect(lesson.status == 1)
        #expect(lesson.standardError.contains(generated("notebooks/b.md") + ": error: stale"))
        #expect(!lesson.standardError.contains(generated("notebooks/a.md")))
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
        #expect(output.contains(generated("notebooks/a.md") + ": error: missing"))
        #expect(output.contains("::error file=\(generated("notebooks/a.md"))::missing generated test"))
    }

    @Test func aFileWithoutTheHeaderIsNeverTouched() throws {
        try FileManager.default.createDirectory(at: url("generated"), withIntermediateDirectories: true)
        let mine = "// my own test helper\nlet helper = 1\n"
        try Data(mine.utf8).write(to: url(generated("notebooks/a.md")))
        try Data(mine.utf8).write(to: url("generated/Helpers.swift"))
        let result = try LitmusProcess.run(["sync"], in: directory)
        #expect(result.status == 1)
        #expect(result.standardError.contains(generated("notebooks/a.md") + ": error: not written by litmus"))
        #expect(try String(contentsOf: url(generated("notebooks/a.md")), encoding: .utf8) == mine)
        #expect(try String(contentsOf: url("generated/Helpers.swift"), encoding: .utf8) == mine)
    }

    @Test func filesOfDeletedLessonsAreRemoved() throws {
        _ = try LitmusProcess.run(["sync"], in: directory)
        try FileManager.default.removeItem(at: url("notebooks/b.md"))
        let check = try LitmusProcess.run(["sync", "--check"], in: directory)
        #expect(check.status == 1)
        #expect(
            check.standardError.contains(
                generated("notebooks/b.md") + ": error: orphaned: its lesson notebooks/b.md is gone"))
        let result = try LitmusProcess.run(["sync"], in: directory)
        #expect(result.standardOutput.contains("0 written, 1 deleted, 1 unchanged"))
        #expect(!FileManager.default.fileExists(atPath: url(generated("notebooks/b.md")).path))
    }

    @Test func aRenamedLessonOrADeletedFolderLeavesNothingBehind() throws {
        let fixtures = url("fixtures")
        try FileManager.default.createDirectory(at: fixtures, withIntermediateDirectories: true)
        try Data("# F\n\n```swift\nprint(0)\n```\n".utf8).write(to: fixtures.appendingPathComponent("f.md"))
        _ = try LitmusProcess.run(["sync", "notebooks", "fixtures"], in: directory)
        // Rename a lesson, and delete the other folder: syncing notebooks/ alone removes both orphans.
        try FileManager.default.moveItem(at: url("notebooks/b.md"), to: url("notebooks/b-renamed.md"))
        try FileManager.default.removeItem(at: fixtures)
        let check = try LitmusProcess.run(["sync", "--check"], in: directory)
        #expect(check.status == 1)
        #expect(check.standardError.contains(generated("notebooks/b.md") + ": error: orphaned"))
        #expect(check.standardError.contains(generated("fixtures/f.md") + ": error: orphaned"))
        #expect(check.standardError.contains(generated("notebooks/b-renamed.md") + ": error: missing"))
        let result = try LitmusProcess.run(["sync"], in: directory)
        #expect(result.standardOutput.contains("1 written, 2 deleted, 1 unchanged"))
        let names = try FileManager.default.contentsOfDirectory(atPath: url("generated").path).sorted()
        #expect(
            names
                == [generated("notebooks/a.md"), generated("notebooks/b-renamed.md")].map { String($0.dropFirst(10)) }
                .sorted())
        #expect(try LitmusProcess.run(["sync", "--check"], in: directory).status == 0)
    }

    @Test func syncingOneFolderLeavesTheTestsOfAnotherAlone() throws {
        let fixtures = url("fixtures")
        try FileManager.default.createDirectory(at: fixtures, withIntermediateDirectories: true)
        try Data("# F\n\n```swift\nprint(0)\n```\n".utf8).write(to: fixtures.appendingPathComponent("f.md"))
        _ = try LitmusProcess.run(["sync", "notebooks", "./fixtures/"], in: directory)
        #expect(FileManager.default.fileExists(atPath: url(generated("fixtures/f.md")).path))
        let header = try String(contentsOf: url(generated("fixtures/f.md")), encoding: .utf8).prefix { $0 != "\n" }
        #expect(header == "// Generated by litmus from fixtures/f.md — do not edit.")
        let result = try LitmusProcess.run(["sync"], in: directory)
        #expect(result.standardOutput.contains("0 written, 0 deleted, 2 unchanged"))
        #expect(FileManager.default.fileExists(atPath: url(generated("fixtures/f.md")).path))
    }
}
