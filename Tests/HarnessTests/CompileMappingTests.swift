import Foundation
import LessonMarkdown
import Testing

@testable import Harness

/// A cell that does not compile is reported by the compiler at the lesson's path and line.
/// Type-checks a generated file against the package's built modules (present after
/// `swift build --build-tests`; skipped when they are not).
@Suite(.enabled(if: BuiltModules.available, "the package's modules are not built in .build/debug"))
struct CompileMappingTests {
    @Test func aCompileErrorPointsAtTheLessonLine() throws {
        let text = """
            # A lesson

            ```swift
            let fine = 1
            ```

            Then a mistake:

            ```swift
            let rate: Double = 0.1
            let epochs: Int = "ten"
            ```
            """
        let lesson = LessonParser.parse(markdown: text, path: "notebooks/mistake.md")
        let file = TestFileGenerator.generate(lesson, lessonPath: "notebooks/mistake.md").contents
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "litmus-compile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("MistakeTests.swift")
        try Data(file.utf8).write(to: source)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "swiftc", "-typecheck", "-I", BuiltModules.directory.path, "-I",
            BuiltModules.packageRoot.appendingPathComponent("Sources/COpenBLAS").path,
            "-Xcc", "-I/usr/include/x86_64-linux-gnu/openblas-pthread", source.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(
            output.contains(
                "notebooks/mistake.md:11:19: error: cannot convert value of type 'String' to specified type 'Int'"),
            "\(output)")
    }
}

/// The package's modules as `swift build --build-tests` leaves them.
enum BuiltModules {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let directory = packageRoot.appendingPathComponent(".build/debug/Modules")
    static var available: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("LitmusRuntime.swiftmodule").path)
            && FileManager.default.fileExists(atPath: directory.appendingPathComponent("NeuralCore.swiftmodule").path)
    }
}
