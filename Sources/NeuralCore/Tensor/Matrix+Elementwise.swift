// MARK: - Elementwise and broadcast operations

extension Matrix {
    /// Applies `transform` to every element: (r, c) → (r, c).
    public func map(_ transform: (Scalar) -> Scalar) -> Matrix {
        Matrix(rows: rows, columns: columns, elements: elements.map(transform))
    }

    /// Combines two same-shaped matrices element by element: (r, c), (r, c) → (r, c).
    public func zipMap(_ other: Matrix, _ operation: String = "zipMap", _ combine: (Scalar, Scalar) -> Scalar) -> Matrix
    {
        precondition(
            rows == other.rows && columns == other.columns,
            "\(operation): shapes \(shapeText) and \(other.shapeText) differ")
        return Matrix(rows: rows, columns: columns, elements: zip(elements, other.elements).map(combine))
    }

    /// Elementwise sum: (r, c) + (r, c) → (r, c).
    public static func + (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.zipMap(rhs, "+", +) }

    /// Elementwise difference: (r, c) − (r, c) → (r, c).
    public static func - (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.zipMap(rhs, "-", -) }

    /// Elementwise (Hadamard) product `A ⊙ B`: (r, c) ⊙ (r, c) → (r, c).
    public func hadamard(_ other: Matrix) -> Matrix { zipMap(other, "hadamard", *) }

    /// Elementwise (Hadamard) product `A ⊙ B`.
    public static func .* (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.hadamard(rhs) }

    /// Scales every element: s · (r, c) → (r, c).
    public static func * (scale: Scalar, matrix: Matrix) -> Matrix { matrix.map { scale * $0 } }

    /// Negation.
    public static prefix func - (matrix: Matrix) -> Matrix { matrix.map { -$0 } }

    /// Adds a row vector to every row (bias broadcast): (b, n) + (1, n) → (b, n).
    public func addingToEachRow(_ row: Matrix) -> Matrix {
        precondition(
            row.rows == 1 && row.columns == columns,
            "addingToEachRow: matrix \(shapeText), row vector \(row.shapeText) (needs (1, \(columns)))")
        var result = self
        for i in 0..<rows {
            for j in 0..<columns { result.elements[i * columns + j] += row.elements[j] }
        }
        return result
    }

    /// Adds a column vector to every column: (n, b) + (n, 1) → (n, b), the lessons' `Wx + b` for a batch of columns.
    public func addingToEachColumn(_ column: Matrix) -> Matrix {
        precondition(
            column.columns == 1 && column.rows == rows,
            "addingToEachColumn: matrix \(shapeText), column vector \(column.shapeText) (needs (\(rows), 1))")
        var result = self
        for i in 0..<rows {
            for j in 0..<columns { result.elements[i * columns + j] += column.elements[i] }
        }
        return result
    }
}

infix operator .* : MultiplicationPrecedence
