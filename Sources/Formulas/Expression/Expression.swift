/// The meaning of a LaTeX expression: what it computes, independent of how it was typeset.
///
/// `W^{(2)}a^{(1)} + b^{(2)}` is `.add(.multiply(W⁽²⁾, a⁽¹⁾), b⁽²⁾)`; `\sigma'(z)` is
/// `.call("sigma", derivative: 1, [z])`; `\frac{\partial L}{\partial y}` is `.derivative(L, y)`.
public indirect enum Expression: Hashable, Sendable {
    /// A number as written (`2`, `0.01`) or a constant (`e`, `π`).
    case number(Double)
    /// A named quantity.
    case variable(Symbol)
    /// a + b.
    case add(Expression, Expression)
    /// a − b.
    case subtract(Expression, Expression)
    /// a·b: juxtaposition, `\cdot`, `\times`; a matrix product when both sides are matrices.
    case multiply(Expression, Expression)
    /// a / b, `\frac{a}{b}`.
    case divide(Expression, Expression)
    /// a^b.
    case power(Expression, Expression)
    /// −a.
    case negate(Expression)
    /// A named function applied to arguments; `derivative` counts primes (`σ'` is 1).
    case call(FunctionName, derivative: Int, [Expression])
    /// ∂f/∂x or df/dx: the derivative of `of` with respect to `with`.
    case derivative(of: Expression, with: Symbol)
    /// A matrix written out (`pmatrix`), row by row; a column vector has one entry per row.
    case matrix([[Expression]])
    /// Aᵀ.
    case transpose(Expression)
    /// One entry of a vector-valued expression: `\text{softmax}(z)_k`.
    case component(Expression, index: String)
    /// a ⊙ b, the elementwise product.
    case hadamard(Expression, Expression)
    /// Σ over `index` from `lower` to `upper` (both optional: "over all its values") of `body`.
    case sum(index: String, lower: Expression?, upper: Expression?, body: Expression)
    /// A definition by cases, first matching condition wins; a `nil` condition is "otherwise".
    case piecewise([Piece])
    /// ℝⁿ or ℝ^{m×n}: the set of real vectors or matrices of that size.
    case realSpace([Expression])
    /// A finite set `\{0, 1\}`.
    case finiteSet([Expression])
}

/// A function's name, normalised so spellings meet: `\text{Leaky ReLU}`, `\mathrm{leaky\_relu}`
/// and `LeakyReLU` are all `leakyrelu`; `\sigma` is `σ`.
public struct FunctionName: Hashable, Sendable, CustomStringConvertible {
    /// The normalised key (lowercase letters and digits, Greek letters as Unicode).
    public var key: String
    /// The spelling in the lesson, for messages.
    public var written: String

    /// Creates a name from how it was written.
    public init(_ written: String) {
        self.written = written
        self.key = FunctionName.normalise(written)
    }

    /// Lowercases and drops spaces, hyphens, underscores and backslashes.
    public static func normalise(_ text: String) -> String {
        String(text.lowercased().filter { !" -_\\{}~,.".contains($0) })
    }

    public var description: String { written }

    public static func == (lhs: FunctionName, rhs: FunctionName) -> Bool { lhs.key == rhs.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
}

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

/// A comparison `lhs op rhs` such as `x \geq 0`.
public struct Condition: Hashable, Sendable {
    /// The comparisons a condition may make.
    public enum Comparison: String, Hashable, Sendable {
        case less = "<", lessOrEqual = "≤", greater = ">", greaterOrEqual = "≥", equal = "=", notEqual = "≠"
    }

    public var lhs: Expression
    public var comparison: Comparison
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
