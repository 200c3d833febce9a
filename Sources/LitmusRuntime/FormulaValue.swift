import NeuralCore

/// A value a formula or a function gives, compared entry by entry: a number, a vector
/// (`[Double]`) or a matrix (`Matrix<Double>`).
public protocol FormulaValue {
    /// The entries, row by row.
    var formulaEntries: [Double] { get }
    /// Rows and columns: a number is 1 × 1, a vector a column.
    var formulaShape: (rows: Int, columns: Int) { get }
}

extension Double: FormulaValue {
    public var formulaEntries: [Double] { [self] }
    public var formulaShape: (rows: Int, columns: Int) { (1, 1) }
}

extension Array: FormulaValue where Element == Double {
    public var formulaEntries: [Double] { self }
    public var formulaShape: (rows: Int, columns: Int) { (count, 1) }
}

extension Matrix: FormulaValue where Scalar == Double {
    public var formulaEntries: [Double] { elements }
    public var formulaShape: (rows: Int, columns: Int) { (rows, columns) }
}
