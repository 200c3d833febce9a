/// The meaning of a LaTeX expression: what it computes, independent of how it was typeset.
///
/// `W^{(2)}a^{(1)} + b^{(2)}` is `.add(.multiply(W⁽²⁾, a⁽¹⁾), b⁽²⁾)`; `\sigma'(z)` is
/// `.call("sigma", derivative: 1, [z])`; `\frac{\partial L}{\partial y}` is `.derivative(L, y)`.
public indirect enum Expression: Hashable, Sendable {
    /// What an extremum over an index gives.
    public enum Extremum: String, Hashable, Sendable {
        case max, min, argmax, argmin
    }

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
    /// Π over `index` from `lower` to `upper` of `body`.
    case product(index: String, lower: Expression?, upper: Expression?, body: Expression)
    /// `\max_i x_i`, `\operatorname{argmax}_k p_k`: the largest (or smallest) value of `body` as
    /// `index` runs over the entries, or where it is reached (from 1).
    case extremum(Extremum, index: String, body: Expression)
    /// `\mathbb{E}[X^2]`: the mean of `body` over the random symbols it uses, each drawn from the
    /// distribution the lesson states for it (`X \sim \mathcal{N}(\mu, \sigma^2)`).
    case expectation(Expression)
    /// `\lim_{\epsilon \to 0} body`: the limit of `body` as `variable` goes to `to` (a finite value).
    case limit(variable: Symbol, to: Expression, body: Expression)
    /// A tuple or vector literal `(a, b, c)`: a column vector when its entries are numbers.
    case tuple([Expression])
    /// The dots of a list written with `\dots` (`x_1, \dots, x_n`): entries left out.
    case ellipsis
    /// ∫ `body` d`variable` from `lower` to `upper`; without bounds, an antiderivative.
    case integral(variable: Symbol, lower: Expression?, upper: Expression?, body: Expression)
    /// A definition by cases, first matching condition wins; a `nil` condition is "otherwise".
    case piecewise([Piece])
    /// ℝⁿ or ℝ^{m×n}: the set of real vectors or matrices of that size.
    case realSpace([Expression])
    /// A finite set `\{0, 1\}`.
    case finiteSet([Expression])
}
