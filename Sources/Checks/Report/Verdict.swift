/// What Litmus decided about one formula.
public struct Verdict: Hashable, Sendable {
    /// The five statuses of DESIGN.md.
    public enum Status: String, Hashable, Sendable, CaseIterable, Codable {
        case verified, mismatch, definition, unchecked, error
    }

    public var status: Status
    /// One sentence: what was checked and how, or why not.
    public var message: String
    /// What the formula was checked against (an engine function, a derivative, a shape or update rule).
    public var against: String?
    /// For a mismatch: the inputs and both sides' values.
    public var counterexample: Counterexample?

    /// Creates a verdict.
    public init(_ status: Status, _ message: String, against: String? = nil, counterexample: Counterexample? = nil) {
        self.status = status
        self.message = message
        self.against = against
        self.counterexample = counterexample
    }
}

/// A point where a formula and its reference differ.
public struct Counterexample: Hashable, Sendable {
    /// The inputs, as `name = value` pairs, in a stable order.
    public var inputs: [String]
    /// What the formula gives there.
    public var formula: String
    /// What the reference gives there.
    public var expected: String

    /// Creates a counterexample.
    public init(inputs: [String], formula: String, expected: String) {
        self.inputs = inputs
        self.formula = formula
        self.expected = expected
    }

    /// `at x = 0.5: the formula gives 0.62, expected 0.73`.
    public var text: String {
        (inputs.isEmpty ? "" : "at " + inputs.joined(separator: ", ") + ": ")
            + "the formula gives \(formula), expected \(expected)"
    }
}
