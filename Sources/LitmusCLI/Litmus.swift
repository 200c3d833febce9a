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
        subcommands: [InspectCommand.self]
    )

    public init() {}
}
