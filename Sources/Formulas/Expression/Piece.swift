/// One branch of a definition by cases.
public struct Piece: Hashable, Sendable {
    /// The value in this branch.
    public var value: Expression
    /// When the branch applies; `nil` for "otherwise".
    public var condition: Condition?

    /// Creates a branch.
    public init(value: Expression, condition: Condition?) {
        self.value = value
        self.condition = condition
    }
}
