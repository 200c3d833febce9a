import LitmusDiagnostics

/// A whole formula: terms joined by relations, `a = b = c`, `x \in ℝ^5`, `W \leftarrow W - η g`.
///
/// A formula with one term and no relation is a mention (`$x_4$`, `$\sigma$`).
public struct Formula: Hashable, Sendable {
    /// The relations between consecutive terms.
    public enum Relation: String, Hashable, Sendable {
        /// `=`.
        case equals = "="
        /// `\in`.
        case element = "∈"
        /// `\leftarrow`, `:=`: the left side takes the value of the right.
        case assignLeft = "←"
        /// `\rightarrow`, `\to`: an update written with the arrow pointing away from the target.
        case arrowRight = "→"
        /// `\approx`.
        case approximately = "≈"
        /// `<`, `\leq`, `>`, `\geq`, `\neq`…: stated, not checked.
        case comparison = "<>"
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
