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
