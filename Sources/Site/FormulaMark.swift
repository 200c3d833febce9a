/// What the page shows about one formula's verdict.
public struct FormulaMark: Hashable, Sendable {
    /// The verdict statuses of DESIGN.md.
    public enum Status: String, Hashable, Sendable, CaseIterable {
        case verified, mismatch, definition, mention, unchecked, error
    }

    /// A point where the formula and its reference differ, as the checker wrote the values
    /// (numbers, vectors `(…)ᵀ`, matrices `[[…], …]`).
    public struct Counterexample: Hashable, Sendable {
        /// `name = value`, in the checker's order.
        public var inputs: [String]
        public var formula: String
        public var expected: String

        public init(inputs: [String], formula: String, expected: String) {
            self.inputs = inputs
            self.formula = formula
            self.expected = expected
        }
    }

    public var status: Status
    /// Shown on hover or focus: what the formula was checked against, or why it was not.
    public var message: String
    /// For a mismatch: where it fails.
    public var counterexample: Counterexample?
    /// The index of the first span of the formula this span belongs to, when one formula is
    /// written as several spans (`$W$ $x =$ $z$`); `nil` for a formula of one span.
    public var group: Int?

    public init(_ status: Status, _ message: String, counterexample: Counterexample? = nil, group: Int? = nil) {
        self.status = status
        self.message = message
        self.counterexample = counterexample
        self.group = group
    }

    /// The symbol beside the formula.
    var symbol: String {
        switch status {
        case .verified: "✓"
        case .mismatch: "✗"
        case .definition: "≔"
        case .mention: "·"
        case .unchecked: "?"
        case .error: "!"
        }
    }

    /// What a screen reader says for the mark.
    var spokenStatus: String {
        switch status {
        case .verified: "verified"
        case .mismatch: "mismatch"
        case .definition: "definition"
        case .mention: "mention"
        case .unchecked: "not checked"
        case .error: "does not parse"
        }
    }
}
