import ArgumentParser

/// The `litmus` command: checks, tests and renders deep-learning lessons.
public struct Litmus: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "litmus",
        abstract: "Make deep-learning lessons true: check their formulas, run their cells, render them.",
        discussion: """
            Exit codes: 0 all good, 1 a lesson has an error or a mismatch, 2 bad usage or unreadable input.
            """,
        version: "0.1.0",
        subcommands: [
            BuildCommand.self, CheckCommand.self, InspectCommand.self, RenderCommand.self, SyncCommand.self,
            TestCommand.self, ServeCommand.self, InitCommand.self,
        ]
    )

    public init() {}

    /// Runs the command line. Usage errors exit with 2 (DESIGN.md), not the parser's 64.
    public static func runMain() -> Never {
        do {
            var command = try parseAsRoot()
            try command.run()
            Self.exit()
        } catch {
            if exitCode(for: error) == .validationFailure {
                DiagnosticPrinter.writeStandardError(fullMessage(for: error) + "\n")
                Self.exit(withError: ExitCode(2))
            }
            Self.exit(withError: error)
        }
    }
}
