import ArgumentParser

/// The `litmus` command: checks, tests and renders deep-learning lessons.
public struct Litmus: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "litmus",
        abstract: "Make deep-learning lessons true: check their formulas, run their cells, render them."
    )

    public init() {}
}
