/// What the page shows about one formula's verdict.
public struct FormulaMark: Hashable, Sendable {
    /// The verdict statuses of DESIGN.md.
    public enum Status: String, Hashable, Sendable, CaseIterable {
        case verified, mismatch, definition, mention, unchecked, error
    }

    public var status: Status
    /// Shown on hover or focus: what the formula was checked against, or why it was not.
    public var message: String

    public init(_ status: Status, _ message: String) {
        self.status = status
        self.message = message
    }

    /// The symbol beside the formula.
    var symbol: String {
        switch status {
        case .verified: "✓"
        case .mismatch: "✗"
        case .definition: ":="
        case .mention: "·"
        case .unchecked: "?"
        case .error: "!"
        }
    }
}
