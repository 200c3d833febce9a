import ArgumentParser
import Foundation
import Harness

/// The options every lesson command shares: which lessons, and where their tests are generated.
struct LessonOptions: ParsableArguments {
    @Argument(help: "Lesson files or folders of lessons (default: notebooks).")
    var paths: [String] = ["notebooks"]

    @Option(help: "The folder of generated tests (the NotebookTests target).")
    var generated = "generated"
}

/// How cells run, shared by `test` and `build`.
struct RunOptions: ParsableArguments {
    @Option(help: "A cell's time limit in seconds, when its info string gives none (timeout=N).")
    var timeout: Double = 60

    @Option(help: "Lessons to run at once (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Run every lesson, even those whose results are cached.")
    var noCache = false

    /// Set by the package plugin: SwiftPM, which runs it, holds the lock on `.build` that the
    /// lessons' `swift build` would otherwise wait for.
    @Flag(help: .hidden)
    var ignoreSwiftPMLock = false

    /// How `Harness.LessonRunner` runs, with these options.
    func runnerOptions() -> LessonRunner.Options {
        LessonRunner.Options(
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, timeout: timeout, useCache: !noCache,
            litmusVersion: Litmus.configuration.version, buildArguments: ignoreSwiftPMLock ? ["--ignore-lock"] : [])
    }

    func validate() throws {
        guard timeout > 0, timeout.isFinite else {
            throw ValidationError("--timeout must be a positive number of seconds")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }
}
