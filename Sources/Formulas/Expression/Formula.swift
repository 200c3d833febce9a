import LitmusDiagnostics

/// A whole formula: terms joined by relations, `a = b = c`, `x \in ℝ^5`, `W \leftarrow W - η g`.
///
/// A formula with one term and no relation is a mention (`$x_4$`, `$\sigma$`).
public struct Formula: Hashable, Sendable {
    /// The relations between consecutive terms.
    public enum Relation: Hashable, Sendable, CustomStringConvertible {
        /// `=`.
        case equals
        /// `:=`, `\coloneqq`, `\triangleq`, `\equiv`, `\doteq`: the left side is defined as the
        /// right (or, for a quantity already on the right, updated from it).
        case defines
        /// `\in`.
        case element
        /// `\leftarrow`, `\gets`: the left side takes the value of the right.
        case assignLeft
        /// `\rightarrow`, `\to`: an update written with the arrow pointing away from the target,
        /// or a limit (`x \to 0`).
        case arrowRight
        /// `\approx`.
        case approximately
        /// `<`, `\le`, `>`, `\ge` (and their slanted forms).
        case less, lessOrEqual, greater, greaterOrEqual
        /// `\neq`.
        case notEqual
        /// `\sim`: drawn from (`x \sim p`), or "of the order of".
        case distributed
        /// Any other relation (`\propto`, `\subset`, `\Rightarrow`, `\perp`…), as written.
        case other(String)

        /// The relation as people read it.
        public var description: String {
            switch self {
            case .equals: "="
            case .defines: ":="
            case .element: "∈"
            case .assignLeft: "←"
            case .arrowRight: "→"
            case .approximately: "≈"
            case .less: "<"
            case .lessOrEqual: "≤"
            case .greater: ">"
            case .greaterOrEqual: "≥"
            case .notEqual: "≠"
            case .distributed: "∼"
            case .other(let text): text
            }
        }

        /// Whether it orders its sides (`<`, `≤`, `>`, `≥`).
        public var isOrder: Bool {
            switch self {
            case .less, .lessOrEqual, .greater, .greaterOrEqual: true
            default: false
            }
        }

        /// Whether `a` and `b` stand in this order relation.
        public func orders(_ a: Double, _ b: Double) -> Bool {
            switch self {
            case .less: a < b
            case .lessOrEqual: a <= b
            case .greater: a > b
            case .greaterOrEqual: a >= b
            default: false
            }
        }
    }

    /// The terms, at least one.
    public var terms: [Expression]
    /// The relations, one fewer than the terms.
    public var relations: [Relation]
    /// Where each term was read, relative to the LaTeX.
    public var termRanges: [SourceRange]

    /// Creates a formula.
    public init(terms: [Expression], relations: [Relation], termRanges: [SourceRange] = []) {
        precondition(terms.count == relations.count + 1, "\(terms.count) terms need \(terms.count - 1) relations")
        self.terms = terms
        self.relations = relations
        self.termRanges = termRanges
    }
}
