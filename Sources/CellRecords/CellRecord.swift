/// What one Swift cell of a lesson did when it ran: the one record the runtime writes, the
/// runner completes, the CLI counts and reports, the JUnit report lists and the site shows.
public struct CellRecord: Codable, Sendable, Equatable {
    /// The line of the cell's opening fence (for a notebook, of its first source line).
    public var line: Int
    public var status: CellStatus
    /// What the cell printed, with run-dependent type contexts removed (`CellOutput`).
    public var output: String
    /// Charts the cell drew with `plot`, as SVG.
    public var plots: [String]
    /// The ```` ```output ```` block written after the cell, when there is one.
    public var expected: String?
    /// The line of that block's opening fence.
    public var expectedLine: Int?
    /// Why the cell did not pass; `nil` when it passed or was skipped.
    public var failure: CellFailure?
    /// Wall-clock seconds the cell ran (for reports only; never compared).
    public var seconds: Double?

    public init(
        line: Int, status: CellStatus, output: String = "", plots: [String] = [], expected: String? = nil,
        expectedLine: Int? = nil, failure: CellFailure? = nil, seconds: Double? = nil
    ) {
        self.line = line
        self.status = status
        self.output = output
        self.plots = plots
        self.expected = expected
        self.expectedLine = expectedLine
        self.failure = failure
        self.seconds = seconds
    }
}

/// How a cell's run ended.
public enum CellStatus: String, Codable, Sendable, CaseIterable {
    /// It ran to its end, and its output matched the block after it (if any).
    case passed
    /// It printed something else than its output block, threw, trapped, or did not compile.
    case failed
    /// It ran longer than its time limit and was stopped.
    case timedOut = "timed-out"
    /// It did not run: an earlier cell of its lesson stopped the run, or the lesson did not compile.
    case skipped
}

/// Why a cell failed: a kind a program can act on, and a one-line message for a person.
public struct CellFailure: Codable, Sendable, Equatable {
    /// The kinds of failure, apart.
    public enum Kind: String, Codable, Sendable {
        /// Its output differs from the ```` ```output ```` block.
        case outputMismatch = "output-mismatch"
        /// It threw an error that nothing caught.
        case threw
        /// A cell marked `throws` ran to its end.
        case didNotThrow = "did-not-throw"
        /// The process stopped on a trap (a failed precondition, an index out of range, `fatalError`).
        case trapped
        /// It ran longer than its limit.
        case timedOut = "timed-out"
        /// The compiler rejected it.
        case compileError = "compile-error"
    }

    public var kind: Kind
    /// One line, without the lesson's path.
    public var message: String
    /// Where in the lesson the failure is reported (the output block, the compile error's line…).
    public var line: Int
    public var column: Int
    /// A log file kept with the whole story (a trap's backtrace, the compiler's output), relative
    /// to the package.
    public var log: String?

    public init(kind: Kind, message: String, line: Int, column: Int = 1, log: String? = nil) {
        self.kind = kind
        self.message = message
        self.line = line
        self.column = column
        self.log = log
    }
}
