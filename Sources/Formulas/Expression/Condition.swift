/// A comparison `lhs op rhs` such as `x \geq 0`.
public struct Condition: Hashable, Sendable {
    /// The comparisons a condition may make.
    public enum Comparison: String, Hashable, Sendable {
        case less = "<", lessOrEqual = "≤", greater = ">", greaterOrEqual = "≥", equal = "=", notEqual = "≠"
    }

    /// The left side.
    public var lhs: Expression
    /// How the sides compare.
    public var comparison: Comparison
    /// The right side.
    public var rhs: Expression

    /// Creates a comparison.
    public init(_ lhs: Expression, _ comparison: Comparison, _ rhs: Expression) {
        self.lhs = lhs
        self.comparison = comparison
        self.rhs = rhs
    }

    /// Whether the comparison holds for two values.
    public func holds(_ a: Double, _ b: Double) -> Bool {
        switch comparison {
        case .less: a < b
        case .lessOrEqual: a <= b
        case .greater: a > b
        case .greaterOrEqual: a >= b
        case .equal: a == b
        case .notEqual: a != b
        }
    }
}
