/// One size of a vector or matrix as a lesson states it: a number (`5`), a symbol (`n`, `n_l`,
/// `d_f`), or not stated at all (then a fresh name the reader makes up, `?W.rows`).
public enum Dimension: Hashable, Sendable, CustomStringConvertible {
    /// A size written as a number.
    case number(Int)
    /// A size named by a symbol of the lesson (`n` of `x \in \mathbb{R}^n`) or made up for a
    /// size nobody stated; equal names are equal sizes.
    case named(String)

    public var description: String {
        switch self {
        case .number(let value): "\(value)"
        case .named(let name): name
        }
    }

    /// Whether nobody stated this size (the reader made its name up).
    public var isUnstated: Bool {
        if case .named(let name) = self { return name.hasPrefix("?") }
        return false
    }
}

/// The shape of a value: rows × columns, each a `Dimension`. A scalar is 1 × 1 and marked so;
/// a column vector is n × 1.
public struct Shape: Hashable, Sendable, CustomStringConvertible {
    /// The number of rows.
    public var rows: Dimension
    /// The number of columns.
    public var columns: Dimension

    /// Creates a shape.
    public init(_ rows: Dimension, _ columns: Dimension) {
        self.rows = rows
        self.columns = columns
    }

    /// A column vector of `length` entries.
    public static func vector(_ length: Dimension) -> Shape { Shape(length, .number(1)) }

    /// The shape of a number.
    public static let scalar = Shape(.number(1), .number(1))

    /// Whether both sizes are numbers.
    public var numbers: [Int]? {
        guard case .number(let r) = rows, case .number(let c) = columns else { return nil }
        return [r, c]
    }

    public var description: String { "\(rows)×\(columns)" }
}
