import Checks

/// What the page shows about one formula's verdict.
public struct FormulaMark: Hashable, Sendable {
    /// The verdict statuses of DESIGN.md: the checker's own type.
    public typealias Status = Verdict.Status

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

    /// The mark of a checked formula; `grouped` when its formula is written as several spans.
    public init(_ formula: CheckedFormula, grouped: Bool) {
        let verdict = formula.verdict
        self.init(
            verdict.status, verdict.message,
            counterexample: verdict.counterexample.map {
                Counterexample(inputs: $0.inputs, formula: $0.formula, expected: $0.expected)
            },
            group: grouped ? formula.group : nil)
    }

    /// The marks of a checked lesson, by formula index.
    public static func marks(of checked: CheckedLesson) -> [Int: FormulaMark] {
        // By position in the lesson's formulas, not by a copy of each (a lesson may have tens of thousands).
        let formulas = checked.formulas
        var sizes: [Int: Int] = [:]
        sizes.reserveCapacity(formulas.count)
        for position in formulas.indices { sizes[formulas[position].group, default: 0] += 1 }
        var marks: [Int: FormulaMark] = [:]
        marks.reserveCapacity(formulas.count)
        for position in formulas.indices {
            marks[formulas[position].span.index] = FormulaMark(
                formulas[position], grouped: sizes[formulas[position].group, default: 1] > 1)
        }
        return marks
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
