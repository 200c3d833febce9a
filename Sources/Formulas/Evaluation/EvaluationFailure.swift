/// Why an expression has no value at a point.
public enum EvaluationFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The catalog of what evaluation cannot do.
    public enum Reason: String, Hashable, Sendable, CaseIterable {
        /// A function neither the engine, the lesson nor the elementary functions define.
        case unknownFunction = "unknown-function"
        /// A function's name used as a value.
        case functionAsValue = "function-as-value"
        /// A function given the wrong number of arguments.
        case arity
        /// A set (`ℝⁿ`, `{0, 1}`) used as a value.
        case setAsValue = "set-as-value"
        /// A symbol or entry defined in terms of itself.
        case selfReference = "self-reference"
        /// Nesting deeper than `Evaluator.maximumDepth`.
        case tooDeep = "too-deep"
        /// A sum whose range is not given or not a small whole number.
        case sumRange = "sum-range"
        /// An index that cannot be read or does not fit.
        case index
        /// A derivative Litmus does not take (a Jacobian, a second derivative of a lesson function).
        case derivative
        /// A derivative with respect to a symbol nothing the lesson defined links to.
        case unrelatedDerivative = "unrelated-derivative"
        /// A condition of a definition by cases that compares matrices, or that no case meets.
        case cases
        /// A matrix that has no inverse at the point.
        case singular
        /// An integral Litmus does not evaluate (no bounds, a bound that is not a number).
        case integral
        /// An inverse function that bisection cannot find (f not monotone, or constant).
        case inverseFunction = "inverse-function"
        /// An expectation over no stated distribution, or over too many.
        case expectation
        /// A limit to infinity, or to a value that is not a number.
        case limit
    }

    /// Shapes that do not fit: "cannot add a 6×1 and a 5×1".
    case shape(String)
    /// Something Litmus cannot evaluate, from the catalog, with the piece concerned.
    case unsupported(Reason, String)

    /// The sentence a reader sees.
    public var description: String {
        switch self {
        case .shape(let message): return message
        case .unsupported(let reason, let detail):
            let piece = detail.isEmpty ? "" : " \(detail)"
            switch reason {
            case .unknownFunction: return "`\(detail)` is not a function Litmus knows"
            case .functionAsValue: return "\(detail) names a function but is used here as a value"
            case .arity: return "a function is given the wrong number of arguments:\(piece)"
            case .setAsValue: return "a set has no value"
            case .selfReference: return "\(detail) is defined in terms of itself"
            case .tooDeep: return "the evaluation nests too deeply"
            case .sumRange: return "the range of the sum\(piece) is not a small whole number"
            case .index: return "cannot read the index\(piece)"
            case .derivative: return "the derivative\(piece) is not taken"
            case .unrelatedDerivative: return "\(detail): nothing the lesson defined links them"
            case .cases: return "no case applies\(piece)"
            case .singular: return "the matrix\(piece) has no inverse"
            case .expectation: return "the expectation\(piece) is not taken"
            case .limit: return "the limit\(piece) is not taken"
            case .inverseFunction: return "the inverse of \(detail) is not found: it is not one-to-one"
            case .integral: return "the integral\(piece) is not evaluated"
            }
        }
    }
}
