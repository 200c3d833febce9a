/// A dense row-major matrix of `Float` or `Double`: the engine's tensor.
///
/// Batches are stored as rows: a batch of `b` samples with `n` features is (b, n). Element
/// (i, j) lives at `elements[i * columns + j]`. A column vector (the lessons' `x`) is (n, 1),
/// a row vector (1, n). Shapes are checked by preconditions that print both shapes.
public struct Matrix<Scalar: NeuralScalar>: Sendable, Equatable {
    /// Number of rows (the batch dimension for batched data).
    public let rows: Int
    /// Number of columns (the feature dimension for batched data).
    public let columns: Int
    /// The elements in row-major order; `elements.count == rows * columns`.
    public internal(set) var elements: [Scalar]

    /// Creates a matrix of the given shape from row-major `elements`.
    public init(rows: Int, columns: Int, elements: [Scalar]) {
        precondition(rows >= 0 && columns >= 0, "negative shape (\(rows), \(columns))")
        precondition(
            elements.count == rows * columns,
            "Matrix(rows: \(rows), columns: \(columns)) needs \(rows * columns) elements, got \(elements.count)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A (rows, columns) matrix filled with `value` (zero by default).
    public init(rows: Int, columns: Int, repeating value: Scalar = 0) {
        self.init(rows: rows, columns: columns, elements: Array(repeating: value, count: rows * columns))
    }

    /// A matrix from nested rows: `Matrix([[1, 2], [3, 4]])` is (2, 2).
    public init(_ nestedRows: [[Scalar]]) {
        let columns = nestedRows.first?.count ?? 0
        for (i, row) in nestedRows.enumerated() {
            precondition(row.count == columns, "row \(i) has \(row.count) columns, row 0 has \(columns)")
        }
        self.init(rows: nestedRows.count, columns: columns, elements: nestedRows.flatMap { $0 })
    }

    /// A column vector (n, 1), the lessons' convention for a single sample `x`.
    public init(column: [Scalar]) {
        self.init(rows: column.count, columns: 1, elements: column)
    }

    /// A row vector (1, n), one sample in the batched convention.
    public init(row: [Scalar]) {
        self.init(rows: 1, columns: row.count, elements: row)
    }

    /// A matrix whose entries are computed from their indices.
    public init(rows: Int, columns: Int, _ entry: (_ row: Int, _ column: Int) -> Scalar) {
        var elements: [Scalar] = []
        elements.reserveCapacity(rows * columns)
        for i in 0..<rows {
            for j in 0..<columns { elements.append(entry(i, j)) }
        }
        self.init(rows: rows, columns: columns, elements: elements)
    }

    /// The shape `(rows, columns)`.
    public var shape: (rows: Int, columns: Int) { (rows, columns) }

    /// The shape as text, `(rows, columns)`, for precondition messages.
    public var shapeText: String { "(\(rows), \(columns))" }

    /// Number of elements.
    public var count: Int { elements.count }

    /// Element (i, j).
    public subscript(row: Int, column: Int) -> Scalar {
        get {
            precondition(
                row >= 0 && row < rows && column >= 0 && column < columns,
                "index (\(row), \(column)) out of \(shapeText)")
            return elements[row * columns + column]
        }
        set {
            precondition(
                row >= 0 && row < rows && column >= 0 && column < columns,
                "index (\(row), \(column)) out of \(shapeText)")
            elements[row * columns + column] = newValue
        }
    }

    /// Row `i` as an array.
    public func row(_ i: Int) -> [Scalar] {
        precondition(i >= 0 && i < rows, "row \(i) out of \(shapeText)")
        return Array(elements[(i * columns)..<((i + 1) * columns)])
    }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Scalar] {
        precondition(j >= 0 && j < columns, "column \(j) out of \(shapeText)")
        return (0..<rows).map { elements[$0 * columns + j] }
    }

    /// The transpose, materialised: (r, c) → (c, r). Products never need it (`gemm` reads transposes in place).
    public var transposed: Matrix {
        Matrix(rows: columns, columns: rows) { i, j in self[j, i] }
    }

    /// The same elements read as another shape with the same count.
    public func reshaped(rows newRows: Int, columns newColumns: Int) -> Matrix {
        precondition(newRows * newColumns == count, "cannot reshape \(shapeText) to (\(newRows), \(newColumns))")
        return Matrix(rows: newRows, columns: newColumns, elements: elements)
    }

    /// Rows `indices` gathered into a new (indices.count, columns) matrix.
    public func gatheringRows(_ indices: some Collection<Int>) -> Matrix {
        var result = Matrix(rows: indices.count, columns: columns)
        result.copyRows(from: self, indices: indices)
        return result
    }

    /// Overwrites row k of `self` with row `indices[k]` of `source` (no allocation).
    mutating func copyRows(from source: Matrix, indices: some Collection<Int>) {
        precondition(
            source.columns == columns && indices.count == rows,
            "copyRows: source \(source.shapeText), \(indices.count) indices, destination \(shapeText)")
        let width = columns
        elements.withUnsafeMutableBufferPointer { destination in
            source.elements.withUnsafeBufferPointer { from in
                for (k, index) in indices.enumerated() {
                    precondition(index >= 0 && index < source.rows, "row \(index) out of \(source.shapeText)")
                    (destination.baseAddress! + k * width).update(from: from.baseAddress! + index * width, count: width)
                }
            }
        }
    }
}

extension Matrix: CustomStringConvertible {
    /// The rows, one per line, in brackets.
    public var description: String {
        (0..<rows).map { i in "[" + row(i).map { "\($0)" }.joined(separator: ", ") + "]" }
            .joined(separator: "\n")
    }
}
