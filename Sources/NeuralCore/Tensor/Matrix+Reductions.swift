// MARK: - Reductions

extension Matrix {
    /// Sum of all elements.
    public func sum() -> Scalar { elements.reduce(0, +) }

    /// Sum of each row: (r, c) → (r, 1).
    public func rowSums() -> Matrix {
        Matrix(rows: rows, columns: 1) { i, _ in (0..<columns).reduce(0) { $0 + self[i, $1] } }
    }

    /// Maximum of each row: (r, c) → (r, 1). Needs at least one column.
    public func rowMaxima() -> Matrix {
        precondition(columns > 0, "rowMaxima of \(shapeText)")
        return Matrix(rows: rows, columns: 1) { i, _ in row(i).max()! }
    }

    /// Index of the largest element of each row (the predicted class): (r, c) → r indices.
    public func rowArgmax() -> [Int] {
        precondition(columns > 0, "rowArgmax of \(shapeText)")
        return (0..<rows).map { i in
            var best = 0
            for j in 1..<max(columns, 1) where self[i, j] > self[i, best] { best = j }
            return best
        }
    }

    /// Sum of each column (over the batch): (r, c) → (1, c).
    public func columnSums() -> Matrix {
        var result = Matrix(rows: 1, columns: columns)
        for i in 0..<rows {
            for j in 0..<columns { result.elements[j] += elements[i * columns + j] }
        }
        return result
    }

    /// Mean of all elements.
    public func mean() -> Scalar { count == 0 ? 0 : sum() / Scalar(count) }
}
