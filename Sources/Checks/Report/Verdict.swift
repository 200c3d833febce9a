/// What Litmus decided about one formula.
public struct Verdict: Hashable, Sendable {
    /// The five statuses of DESIGN.md.
    public enum Status: String, Hashable, Sendable, CaseIterable, Codable {
        case verified, mismatch, definition, unchecked, error
    }

    /// What was decided.
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
