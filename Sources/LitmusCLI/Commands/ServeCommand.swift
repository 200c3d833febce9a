import ArgumentParser
import FlyingFox
import FlyingSocks
import Foundation
import Harness

#if canImport(Glibc)
    import Glibc
#endif

/// `litmus serve [PATH…] [--port N]`: the live preview. Serves the course on 127.0.0.1, follows
/// the lesson files, checks and renders again only the lesson that was saved, and tells its open
/// pages to reload; cells run in the background and their outputs appear when ready.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the lessons live on 127.0.0.1: a saved lesson is checked and shown again at once.",
        discussion: """
            Formulas and prose show within a fraction of a second of a save; the lesson's cells run in \
            the background (as `litmus test` runs them, from the package in the current folder) and \
            the page says they are pending until their outputs are ready. A lesson that cannot be read \
            shows its diagnostics instead of its last good version. Ctrl-C stops the server and every \
            process it started.
            """
    )

    @OptionGroup var lessons: LessonOptions
    @OptionGroup var running: RunOptions

    @Option(help: "The port on 127.0.0.1 (0 takes any free one).")
    var port = 8000

    @Flag(help: "Do not run the lessons' cells; pages show outputs only where an earlier run is still current.")
    var noRun = false

    /// How often the lesson files are looked at, in milliseconds.
    @Option(help: .hidden)
    var poll = 50

    /// How long a saved lesson's page waits for its formulas' check, in milliseconds, before
    /// it is shown with the marks of its unchanged formulas (the check's marks follow).
    @Option(help: .hidden)
    var checkBudget = 100

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port takes a number from 0 to 65535") }
        guard (1...10_000).contains(poll) else { throw ValidationError("--poll takes 1 to 10000 milliseconds") }
        guard (0...60_000).contains(checkBudget) else {
            throw ValidationError("--check-budget takes 0 to 60000 milliseconds")
        }
    }

    func run() throws {
        ChildProcesses.stopOnInterrupt()
        let events = ReloadEvents()
        var cellsNotRun: String?
        if noRun {
            cellsNotRun = "litmus serve --no-run"
        } else if !FileManager.default.fileExists(atPath: "Package.swift") {
            cellsNotRun = "there is no Package.swift in the current folder to build them in"
        }
        let course = PreviewCourse(
            paths: lessons.paths.map(LessonCollector.normalized), siteTitle: "Litmus lessons", events: events,
            cellsNotRun: cellsNotRun)
        course.log = Self.say
        course.printCourseDiagnostics = { diagnostics, file in
            DiagnosticPrinter().print(diagnostics, path: file.path, lines: file.lines)
        }
        course.checkBudget = Double(checkBudget) / 1000
        course.onLateCheck = { lesson, refresh in
            Self.report(lesson, initial: false)
            Self.say(
                "pages updated in \(Int(refresh.milliseconds.rounded())) ms (marks): "
                    + refresh.pages.sorted().joined(separator: ", "))
        }
        let runner = PreviewCellRunner(
            course: course, generated: lessons.generated,
            options: running.runnerOptions())
        course.onCellsStale = { runner.enqueue($0) }

        let server = try listen(handler: PreviewHandler(course: course, events: events))
        let first: PreviewCourse.Refresh
        do {
            first = try course.refresh(waitingForChecks: true)
        } catch let error as LitmusCLIError {
            DiagnosticPrinter.writeStandardError((error.errorDescription ?? "\(error)") + "\n")
            throw ExitCode(2)
        } catch let error as CourseFileError {
            DiagnosticPrinter().print([error.diagnostic], path: error.path, lines: error.lines)
            throw ExitCode(2)
        }
        for lesson in first.lessons { Self.report(lesson, initial: true) }
        if cellsNotRun == nil { runner.start() }
        let count = first.lessons.count
        Self.say(
            "litmus serve: http://127.0.0.1:\(server.port)/ — \(count) lesson\(count == 1 ? "" : "s") from "
                + lessons.paths.joined(separator: ", ") + "; watching for saves (Ctrl-C stops)")
        if let cellsNotRun { Self.say("note: cells are not run: \(cellsNotRun)") }
        watch(course, events: events)
    }

    // MARK: - Serving

    /// A server listening on 127.0.0.1, and the port it listens on.
    struct Listening {
        var port: Int
    }

    /// Starts the server and waits until it listens; a port in use (or any other failure to
    /// listen) is an error that ends the command with exit code 2.
    private func listen(handler: PreviewHandler) throws -> Listening {
        let address: sockaddr_in
        do {
            address = try .inet(ip4: "127.0.0.1", port: UInt16(port))
        } catch {
            throw ValidationError("cannot listen on 127.0.0.1:\(port)")
        }
        let server = HTTPServer(address: address, timeout: 15, logger: .disabled, handler: handler)
        let outcome = ListenOutcome()
        let requested = port
        Task {
            do {
                try await server.run()
                outcome.set(.failure("the server stopped"))
            } catch SocketError.failed(let type, let code, let message) {
                outcome.set(code == EADDRINUSE ? .inUse : .failure("\(type.lowercased()): \(message)"))
            } catch {
                outcome.set(.failure(error.localizedDescription))
            }
        }
        Task {
            try await server.waitUntilListening(timeout: 30)
            var actual = requested
            if case .ip4(_, let bound) = await server.listeningAddress { actual = Int(bound) }
            outcome.set(.listening(actual))
        }
        switch outcome.wait() {
        case .listening(let port):
            // Should the server stop later, so does the command.
            Thread.detachNewThread {
                if case .failure(let reason) = outcome.waitForEnd() {
                    Self.say("error: the server stopped: \(reason)")
                    Glibc.exit(1)
                }
            }
            return Listening(port: port)
        case .inUse:
            DiagnosticPrinter.writeStandardError((ServeError.portInUse(port).errorDescription ?? "") + "\n")
            throw ExitCode(2)
        case .failure(let reason):
            DiagnosticPrinter.writeStandardError(
                (ServeError.cannotListen(port, reason: reason).errorDescription ?? "") + "\n")
            throw ExitCode(2)
        }
    }

    // MARK: - Watching

    /// Looks at the lesson files every `poll` milliseconds, forever (until Ctrl-C).
    private func watch(_ course: PreviewCourse, events: ReloadEvents) -> Never {
        let keepAliveEvery = max(1, 15_000 / poll)
        var missing = false
        var tick = 0
        while true {
            usleep(useconds_t(poll * 1000))
            tick += 1
            if tick % keepAliveEvery == 0 { events.ping() }
            do {
                let refresh = try course.refresh()
                missing = false
                guard !refresh.isEmpty else { continue }
                for lesson in refresh.lessons { Self.report(lesson, initial: false) }
                for path in refresh.removed { Self.say("\(path): removed") }
                Self.say(
                    "pages updated in \(Int(refresh.milliseconds.rounded())) ms: "
                        + refresh.pages.sorted().joined(separator: ", "))
            } catch let error as LitmusCLIError {
                if !missing { Self.say(error.errorDescription ?? "\(error)") }
                missing = true
            } catch {
                Self.say("error: \(error.localizedDescription)")
            }
        }
    }

    /// The lesson's diagnostics in the compiler's format, and one line of what it holds.
    private static func report(_ lesson: PreviewLesson, initial: Bool) {
        if lesson.checking {
            say("\(lesson.path): read in \(Int(lesson.milliseconds.rounded())) ms; checking its formulas")
            return
        }
        let diagnostics = lesson.diagnostics
        if !diagnostics.isEmpty { DiagnosticPrinter.writeStandardError(lesson.formattedDiagnostics) }
        guard let report = lesson.report else {
            say("\(lesson.path): cannot be read; its page shows why")
            return
        }
        let timing = initial ? "" : " (checked in \(Int(lesson.milliseconds.rounded())) ms)"
        say("\(lesson.path): \(report.formulas.count) formulas — \(report.summary)\(timing)")
    }

    /// Prints a line at once (standard output may be a pipe, which would hold it back).
    @Sendable static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
