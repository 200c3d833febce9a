// MARK: - Array literals, for lesson cells

extension Matrix: ExpressibleByArrayLiteral {
    /// A matrix from nested row literals: `let X: Matrix<Double> = [[0, 0], [0, 1]]` is (2, 2).
    public init(arrayLiteral rows: [Scalar]...) {
        self.init(rows)
    }
}
