/// What a symbol of a lesson stands for. A reading gives each symbol one kind, inferred from
/// declarations (`\in \mathbb{R}^{m \times n}`), from use (a name applied to arguments is a
/// function), from the lesson's words ("the matrix $V$") and, as weak evidence, from typography
/// (bold, capitals).
public enum SymbolKind: Hashable, Sendable, CustomStringConvertible {
    /// A real number.
    case scalar
    /// A vector or matrix of a shape (a column vector is n × 1).
    case array(Shape)
    /// A function of `arity` arguments.
    case function(arity: Int)
    /// An index or a count: a whole number (`i`, `n`, `N`, `K`, a layer `l`).
    case whole
    /// A sequence indexed by time (`v_t`, `θ_{t+1}`), defined by a recurrence.
    case sequence
    /// A set (`\mathcal{D}`, `\mathbb{R}`).
    case set
    /// A probability distribution (`p` of `x \sim p`).
    case distribution

    public var description: String {
        switch self {
        case .scalar: "a number"
        case .array(let shape):
            if case .number(1) = shape.columns {
                "a vector of \(shape.rows.isUnstated ? "some" : "\(shape.rows)") entries"
            } else if shape.rows.isUnstated && shape.columns.isUnstated {
                "a matrix"
            } else {
                "a \(shape) matrix"
            }
        case .function(let arity): arity == 1 ? "a function" : "a function of \(arity) arguments"
        case .whole: "a whole number"
        case .sequence: "a sequence"
        case .set: "a set"
        case .distribution: "a distribution"
        }
    }
}

/// How sure the reader is of a symbol's kind.
public enum KindEvidence: Int, Hashable, Sendable, Comparable {
    /// Typography only (a capital letter): a reading, not a fact.
    case typography
    /// The lesson's words ("the matrix $V$", "of shape $(n_l, 1)$") or how it uses the symbol.
    case words
    /// A declaration (`\in \mathbb{R}^{m \times n}`), a written matrix, a bold letter.
    case declared

    public static func < (lhs: KindEvidence, rhs: KindEvidence) -> Bool { lhs.rawValue < rhs.rawValue }
}
