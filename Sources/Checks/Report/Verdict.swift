/// What Litmus decided about one formula.
public struct Verdict: Hashable, Sendable {
    /// The six statuses of DESIGN.md.
    public enum Status: String, Hashable, Sendable, CaseIterable, Codable {
        /// A claim (an equation, inequality, update rule, shape statement) was evaluated and held.
        case verified
        /// Every plausible reading of a claim fails; the verdict carries a counterexample.
        case mismatch
        /// Introduces or binds a symbol or function, or states an assumption (a condition, an
        /// initial value, a case) of what follows.
        case definition
        /// States nothing to check: a bare symbol, a number, a set, an interval, a list.
        case mention
        /// A claim Litmus could not check; the verdict's `reason` says why.
        case unchecked
        /// The LaTeX does not parse.
        case error

        /// Whether a formula of this status states a claim (verified, mismatch or unchecked).
        public var isClaim: Bool { self == .verified || self == .mismatch || self == .unchecked }
    }

    /// What was decided.
    public var status: Status
    /// One sentence: what was checked and how, or why not.
    public var message: String
    /// Why a claim is `unchecked` (always set for that status, from the catalog).
    public var reason: UncheckedReason?
    /// What the formula was checked against (an engine function, a derivative, a shape or update rule).
    public var against: String?
    /// For a mismatch: the inputs and both sides' values.
    public var counterexample: Counterexample?

    /// Creates a verdict of any status but `unchecked` (which takes its reason).
    public init(_ status: Status, _ message: String, against: String? = nil, counterexample: Counterexample? = nil) {
        precondition(status != .unchecked, "an unchecked verdict takes its reason: Verdict(unchecked:)")
        self.status = status
        self.message = message
        self.against = against
        self.counterexample = counterexample
    }

    /// An `unchecked` verdict; its message is the reason's.
    public init(unchecked reason: UncheckedReason) {
        status = .unchecked
        message = reason.message
        self.reason = reason
    }
}
