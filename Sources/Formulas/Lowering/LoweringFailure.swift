import LitmusDiagnostics

/// Why a formula could not be given a meaning: it is then `unchecked` with this reason.
///
/// Reasons come from a catalog (`Reason`); the detail is the piece of LaTeX concerned, shown in
/// the message and never read by any decision.
public struct LoweringFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The catalog of reasons a formula cannot be read.
    public enum Reason: String, Hashable, Sendable, CaseIterable {
        /// A command neither TeX nor the lesson's macros define.
        case unknownCommand = "unknown-command"
        /// Material that is not well formed as mathematics (`|` never closed, an operand missing).
        case malformed
        /// Prose typed inside the formula (`\text{for all } x`).
        case prose
        /// A relation with nothing on one side, or a span that ends with its relation.
        case missingSide = "missing-side"
        /// A symbol that has no value where it stands (`,` or `\partial` alone).
        case notAValue = "not-a-value"
        /// Notation Litmus does not read (yet): each named by the detail.
        case tuple, binomial, environment, brackets, set, condition
        case plusMinus = "plus-minus"
        case largeOperator = "large-operator"
        case overUnder = "over-under"
        case loneDifferential = "lone-differential"
        case subscriptOnFunction = "function-subscript"
        case superscriptOnFunction = "function-superscript"
        case inverseFunction = "inverse-function"
        case subscriptOnExpression = "expression-subscript"
        case primeOnExpression = "expression-prime"
        case accentOnExpression = "expression-accent"
        case noSwiftForm = "no-swift-form"

        /// The message of this reason about `detail` (a piece of the formula, maybe empty).
        func message(_ detail: String) -> String {
            let piece = detail.isEmpty ? "" : " `\(detail)`"
            switch self {
            case .unknownCommand: return "unknown command\(piece)"
            case .malformed: return "cannot read\(piece) here"
            case .prose: return "the text\(piece) inside the formula"
            case .missingSide: return "a relation has nothing on one side\(piece.isEmpty ? "" : ":\(piece)")"
            case .notAValue: return "cannot read\(piece) as a value"
            case .tuple: return "the tuple\(piece) is not one value here"
            case .binomial: return "a binomial coefficient\(piece) is not read"
            case .environment: return "the environment\(piece) is not read"
            case .brackets: return "the brackets\(piece) are not read"
            case .set: return "the set\(piece) is not read"
            case .condition: return "the condition\(piece) is not read"
            case .plusMinus: return "`±` gives two values; there is no single value to check"
            case .largeOperator: return "the operator\(piece) is not read here"
            case .overUnder: return "braces or material over or under\(piece) are not read"
            case .loneDifferential: return "a lone differential\(piece) outside a derivative"
            case .subscriptOnFunction: return "a subscript on the function\(piece) is not read"
            case .superscriptOnFunction: return "the superscript of the function\(piece) is not read"
            case .inverseFunction: return "the inverse function\(piece) cannot be evaluated"
            case .subscriptOnExpression: return "a subscript on\(piece) is not read"
            case .primeOnExpression: return "a prime on\(piece) is not read"
            case .accentOnExpression: return "the accent\(piece) on an expression is not read"
            case .noSwiftForm: return "\(piece.isEmpty ? "it" : piece.dropFirst()) has no Swift form"
            }
        }
    }

    /// Which reason of the catalog.
    public var reason: Reason
    /// The piece of LaTeX concerned, for the message.
    public var detail: String
    /// Where, relative to the LaTeX, if known.
    public var range: SourceRange?

    /// Creates a failure.
    public init(_ reason: Reason, _ detail: String = "", at range: SourceRange? = nil) {
        self.reason = reason
        self.detail = detail
        self.range = range
    }

    /// The sentence a reader sees.
    public var message: String { reason.message(detail) }

    public var description: String { message }
}
