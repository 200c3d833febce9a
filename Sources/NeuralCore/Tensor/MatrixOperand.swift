/// How a product reads an operand: as stored, or transposed (the product reads it so in place).
public enum MatrixOperand: Sendable, Equatable {
    /// The matrix as stored.
    case plain
    /// The transpose, read in place.
    case transposed

    /// The operand's shape as text, `(r, c)` or `(r, c)ᵀ`, for precondition messages.
    func describe<T>(_ matrix: Matrix<T>) -> String {
        self == .transposed ? matrix.shapeText + "ᵀ" : matrix.shapeText
    }
}
