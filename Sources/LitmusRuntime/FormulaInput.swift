/// One input of a formula compared with a function at seeded points: its name (the Swift
/// identifier the generated test reads it by), its shape and where it is drawn from.
///
/// `.number("x")`, `.vector("z", size: "n")`, `.matrix("W", rows: "m", columns: "n")`,
/// `.vector("p", size: "K", .distribution)`: sizes written as names are drawn once per point,
/// from 2 to 5, and are the same wherever the name appears (`W`'s columns and `x`'s length).
public struct FormulaInput: Sendable, Equatable {
    /// The size of a vector or of a matrix's side.
    public enum Size: Sendable, Equatable, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
        /// A size the formula states (`\mathbb{R}^3`).
        case fixed(Int)
        /// A size the formula names (`n`), or one it leaves unstated: drawn at each point.
        case named(String)

        public init(integerLiteral value: Int) { self = .fixed(value) }
        public init(stringLiteral value: String) { self = .named(value) }
    }

    /// Where values are drawn from, as the formula's reading says.
    public enum Domain: Sendable, Equatable {
        /// Any real number, 0.05 to 4 away from zero (and from the formula's kinks).
        case real
        /// A positive number in [0.01, 0.5] (a slope, a rate; what a logarithm takes).
        case positive
        /// A probability in [0.05, 0.95].
        case probability
        /// One of the values (`t \in \{0, 1\}`).
        case values([Double])
        /// A vector of positive entries summing to 1.
        case distribution
        /// A vector of zeros but one 1.
        case oneHot
    }

    /// What the input holds.
    public enum Shape: Sendable, Equatable {
        case number
        case vector(Size)
        case matrix(rows: Size, columns: Size)
    }

    public var name: String
    public var shape: Shape
    public var domain: Domain

    public init(name: String, shape: Shape, domain: Domain = .real) {
        self.name = name
        self.shape = shape
        self.domain = domain
    }

    /// A number.
    public static func number(_ name: String, _ domain: Domain = .real) -> FormulaInput {
        FormulaInput(name: name, shape: .number, domain: domain)
    }

    /// A vector of `size` entries (a column, n × 1, in the formula's `Matrix`).
    public static func vector(_ name: String, size: Size, _ domain: Domain = .real) -> FormulaInput {
        FormulaInput(name: name, shape: .vector(size), domain: domain)
    }

    /// A `rows` × `columns` matrix.
    public static func matrix(_ name: String, rows: Size, columns: Size, _ domain: Domain = .real) -> FormulaInput {
        FormulaInput(name: name, shape: .matrix(rows: rows, columns: columns), domain: domain)
    }
}
