import Foundation
import Testing

/// The author's loop on a course made by `litmus init`, as a package of its own under `.build/`
/// that depends on this checkout: `litmus build` builds it green, and `litmus serve` runs a
/// saved lesson's cells in the background — the page says they are pending, then shows what they
/// printed — and Ctrl-C stops every process it started.
///
/// The course's first build compiles NeuralCore and the runtime (a few minutes on two cores);
/// the folder is kept between runs, so later runs build only what changed.
@Suite(.serialized) struct StarterCourseTests {
    /// A fresh starter course in `.build/fixture-courses/starter` (its `.build` kept).
    static func starter() throws -> URL {
        let root = LitmusProcess.packageRoot.appendingPathComponent(".build/fixture-courses/starter")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: root.path) where name != ".build" {
            try FileManager.default.removeItem(at: root.appendingPathComponent(name))
        }
        let result = try LitmusProcess.run(
            ["init", root.path, "--litmus-path", LitmusProcess.packageRoot.standardizedFileURL.path])
        guard result.status == 0 else { throw ServeProcess.ServeFailure(message: result.standardError) }
        return root
    }

    @Test func buildsGreenAndServesCellsInTheBackgroundAndCtrlCStopsEverything() throws {
        let course = try Self.starter()
        let build = try LitmusProcess.run(["build"], in: course, limit: 1800)
        #expect(build.status == 0, "\(build.standardOutput)\n\(build.standardError)")
        #expect(build.standardOutput.contains("cells: 1 cell: 1 passed, 0 failed"))
        #expect(FileManager.default.fileExists(atPath: course.appendingPathComponent("site/index.html").path))

        let server = try ServeProcess(["--timeout", "600"], in: course)
        defer { server.stop() }
        let page = "/01-first-lesson.html"
        // The run `build` made is of the lesson as it is: its outputs show, nothing is pending.
        let first = try server.get(page)
        #expect(first.body.contains("Cells: 1 cell: 1 passed"), "\(first.body)")
        #expect(!first.body.contains("Cells pending"))

        // A saved change: the prose at once, with the cells marked pending; then their outputs.
        let lesson = course.appendingPathComponent("notebooks/01-first-lesson.md")
        try ServeCommandTests.edit(lesson) {
            $0.replacingOccurrences(of: "let bias = 0.25", with: "let bias = 0.5")
                .replacingOccurrences(of: "```output\n0.25\n0.562\n```", with: "```output\n0.5\n0.622\n```")
                .replacingOccurrences(of: "This lesson is yours to rewrite.", with: "This lesson is mine now.")
        }
        let (pending, seconds) = try server.waitFor(page, limit: 1) { $0.body.contains("mine now") }
        #expect(seconds < 1 && pending.body.contains("Cells pending"), "\(pending.body)")
        let (ran, _) = try server.waitFor(page, limit: 900) { !$0.body.contains("Cells pending") }
        #expect(ran.body.contains("Cells: 1 cell: 1 passed"), "\(server.output)")

        // A cell that never ends: once its run has started, Ctrl-C stops the server and every
        // process it started.
        try ServeCommandTests.edit(lesson) {
            $0.replacingOccurrences(of: "print(z)\n", with: "while z > 0 { usleep(1000) }\nprint(z)\n")
        }
        let pid = server.process.processIdentifier
        var started: Set<Int32> = []
        let deadline = Date().addingTimeInterval(900)
        while Date() < deadline, !server.output.contains("cells: running") || started.isEmpty {
            started = ProcessTree.descendants(of: pid)
            Thread.sleep(forTimeInterval: 0.1)
        }
        Thread.sleep(forTimeInterval: 1)
        started.formUnion(ProcessTree.descendants(of: pid))
        #expect(!started.isEmpty, "serve started no process: \(server.output)")
        #expect(server.stop() == 130)
        let stopped = Date().addingTimeInterval(10)
        while Date() < stopped, started.contains(where: ProcessTree.isRunning) { Thread.sleep(forTimeInterval: 0.05) }
        #expect(
            started.filter(ProcessTree.isRunning).isEmpty, "still running: \(started.filter(ProcessTree.isRunning))")
    }

    /// `swift run litmus build` and `swift package litmus check` inside the starter course: both
    /// compile Litmus itself as the course's dependency, a long first build, so they run only when
    /// `LITMUS_SLOW_TESTS=1`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["LITMUS_SLOW_TESTS"] == "1", "set LITMUS_SLOW_TESTS=1"))
    func swiftRunAndThePackagePluginWorkInTheStarter() throws {
        let course = try Self.starter()
        let run = try SwiftPM.run(["swift", "run", "litmus", "build"], in: course, limit: 3600)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("cells: 1 cell: 1 passed"))
        let list = try SwiftPM.run(["swift", "package", "plugin", "--list"], in: course)
        #expect(list.output.contains("‘litmus’ (plugin ‘LitmusPlugin’"), "\(list.output)")
        let check = try SwiftPM.run(
            ["swift", "package", "--allow-writing-to-package-directory", "litmus", "check"], in: course, limit: 3600)
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("notebooks/01-first-lesson.md: 6 formulas — 5 verified"))
    }
}
