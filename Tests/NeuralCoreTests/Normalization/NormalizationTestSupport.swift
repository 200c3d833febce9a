import NeuralCore

/// A (rows, columns) matrix of standard normal draws, scaled and shifted so no column is centred.
func randomBatch(rows: Int, columns: Int, rng: inout SeededGenerator) -> Matrix<Double> {
    Matrix(rows: rows, columns: columns) { _, j in 1.5 * rng.nextNormal() + Double(j) - 1 }
}

extension Variable {
    /// Column means as a (1, columns) row, from primitives.
    func columnMeans() -> Variable { transposed().rowSums().transposed().scaled(1 / Double(value.rows)) }

    /// (v + ε)^{−½} as exp(−½ log(v + ε)), since the tape has no square root.
    func inverseSquareRoot(adding epsilon: Double) -> Variable { (self + epsilon).log().scaled(-0.5).exp() }
}
