import Foundation
import Testing

/// `litmus init`: a starter course whose lesson checks, whose generated tests are in line, which
/// names Litmus as asked, and which never overwrites a file that exists.
struct InitCommandTests {
    static let starterFiles = [
        "Package.swift", "notebooks/01-first-lesson.md", "litmus.yml", ".gitignore", "README.md",
        ".github/workflows/lessons.yml",
    ]

    @Test func makesAStarterCourseThatChecksAndIsInSync() throws {
        let root = try LitmusProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = LitmusProcess.packageRoot.standardizedFileURL
        let result = try LitmusProcess.run(["init", "my-course", "--litmus-path", repository.path], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        let course = root.appendingPathComponent("my-course")
        for file in Self.starterFiles {
            #expect(FileManager.default.fileExists(atPath: course.appendingPathComponent(file).path), "\(file)")
        }
        let generated = try FileManager.default.contentsOfDirectory(
            atPath: course.appendingPathComponent("generated").path)
        #expect(generated.count == 1 && generated[0].hasSuffix(".swift"))

        let manifest = try String(contentsOf: course.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(manifest.contains("name: \"my-course\""))
        #expect(manifest.contains(".package(path: \"\(repository.path)\")"))
        #expect(manifest.contains(".product(name: \"NeuralCore\", package: \"\(repository.lastPathComponent)\")"))
        #expect(manifest.contains(".product(name: \"LitmusRuntime\", package: \"\(repository.lastPathComponent)\")"))
        #expect(manifest.contains("name: \"NotebookTests\"") && manifest.contains("path: \"generated\""))
        #expect(manifest.contains("swiftSettings: [.swiftLanguageMode(.v5)]"))
        let courseFile = try String(contentsOf: course.appendingPathComponent("litmus.yml"), encoding: .utf8)
        #expect(courseFile.contains("title: My course\n"))
        #expect(courseFile.contains("lessons:\n  - notebooks/01-first-lesson.md\n"))
        #expect(courseFile.contains("exclude:\n"))
        let workflow = try String(
            contentsOf: course.appendingPathComponent(".github/workflows/lessons.yml"), encoding: .utf8)
        #expect(workflow.contains("shard: [1, 2, 3, 4]"))
        #expect(workflow.contains("litmus test --shard ${{ matrix.shard }}/4 --junit junit-${{ matrix.shard }}.xml"))
        #expect(workflow.contains("uses: actions/upload-artifact@v4"))
        let ignored = try String(contentsOf: course.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(ignored.contains(".build/") && ignored.contains("site/") && ignored.contains(".litmus/"))

        // Its formulas check against NeuralCore, and its generated tests are those of its lesson.
        let check = try LitmusProcess.run(["check"], in: course)
        #expect(check.status == 0, "\(check.standardError)")
        #expect(
            check.standardOutput.contains(
                "notebooks/01-first-lesson.md: 6 formulas — 2 claims: 2 verified, 0 mismatch, 0 unchecked"))
        let lesson = try String(
            contentsOf: course.appendingPathComponent("notebooks/01-first-lesson.md"), encoding: .utf8)
        #expect(lesson.contains("```swift\n") && lesson.contains("```output\n"))
        let sync = try LitmusProcess.run(["sync", "--check"], in: course)
        #expect(sync.status == 0, "\(sync.standardError)")
    }

    @Test func refusesToOverwriteAnythingAndWritesNothing() throws {
        let root = try LitmusProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let mine = root.appendingPathComponent("course/notebooks/01-first-lesson.md")
        try FileManager.default.createDirectory(at: mine.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("# My own lesson\n".utf8).write(to: mine)

        let result = try LitmusProcess.run(
            ["init", "course", "--litmus-path", LitmusProcess.packageRoot.path], in: root)
        #expect(result.status == 1)
        #expect(
            result.standardError.contains(
                "course/notebooks/01-first-lesson.md: error: already exists; litmus init writes only new files"))
        #expect(try String(contentsOf: mine, encoding: .utf8) == "# My own lesson\n")
        let left = try FileManager.default.subpathsOfDirectory(atPath: root.appendingPathComponent("course").path)
        #expect(left.sorted() == ["notebooks", "notebooks/01-first-lesson.md"], "\(left)")

        // In a course already made, every file is named and none changes.
        try FileManager.default.removeItem(at: mine)
        #expect(
            try LitmusProcess.run(["init", "course", "--litmus-path", LitmusProcess.packageRoot.path], in: root).status
                == 0)
        let manifest = root.appendingPathComponent("course/Package.swift")
        let before = try Data(contentsOf: manifest)
        let again = try LitmusProcess.run(
            ["init", "course", "--litmus-url", "https://example.org/x/litmus.git"], in: root)
        #expect(again.status == 1)
        for file in Self.starterFiles { #expect(again.standardError.contains("course/\(file): error: already exists")) }
        #expect(try Data(contentsOf: manifest) == before)
    }

    @Test func namesLitmusByURLAndVersion() throws {
        let root = try LitmusProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try LitmusProcess.run(
            ["init", "--litmus-url", "https://example.org/x/litmus.git", "--litmus-version", "1.2.3"], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(manifest.contains(".package(url: \"https://example.org/x/litmus.git\", from: \"1.2.3\")"))
        #expect(manifest.contains(".product(name: \"NeuralCore\", package: \"litmus\")"))

        let both = try LitmusProcess.run(
            ["init", "x", "--litmus-path", ".", "--litmus-url", "https://e.org/l"], in: root)
        #expect(both.status == 2)
        let missing = try LitmusProcess.run(["init", "y", "--litmus-path", "no-such-checkout"], in: root)
        #expect(missing.status == 2 && missing.standardError.contains("no Package.swift there"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("y/Package.swift").path))
    }
}
