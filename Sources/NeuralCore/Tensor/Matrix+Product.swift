// MARK: - Matrix products

extension Matrix {
    /// The matrix product `A·B`: (m, k)·(k, n) → (m, n). `Double` uses the fixed-order
    /// `OrderedProduct` (bit-identical to `naiveProduct`, on every CPU); `Float` uses OpenBLAS.
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        lhs.product(rhs)
    }

    /// `op(A)·op(B)`, where `op` transposes when asked: transposes are read in place, never
    /// materialised. (m, k)·(k, n) → (m, n) after the transposes.
    public func product(_ other: Matrix, transposingSelf: Bool = false, transposingOther: Bool = false) -> Matrix {
        let m = transposingSelf ? columns : rows
        let n = transposingOther ? other.rows : other.columns
        var result = Matrix(rows: m, columns: n)
        result.assignProduct(
            self, transposingSelf ? .transposed : .plain, other, transposingOther ? .transposed : .plain)
        return result
    }

    /// The textbook triple loop `Cᵢⱼ = Σₖ AᵢₖBₖⱼ`: the obviously correct reference
    /// for `*`, `product` and `assignProduct` (which, for `Double`, sum in this same order).
    public func naiveProduct(_ other: Matrix) -> Matrix {
        precondition(columns == other.rows, "naiveProduct: \(shapeText)·\(other.shapeText): inner dimensions differ")
        return Matrix(rows: rows, columns: other.columns) { i, j in
            var total: Scalar = 0
            for k in 0..<columns { total += self[i, k] * other[k, j] }
            return total
        }
    }

    /// In place `self ← α·op(A)·op(B) + β·self` through `Scalar.gemm`, without allocating: `self` must already
    /// have the result's shape (m, n). The form training loops and benchmarks use.
    public mutating func assignProduct(
        _ a: Matrix, _ opA: MatrixOperand, _ b: Matrix, _ opB: MatrixOperand, alpha: Scalar = 1, beta: Scalar = 0
    ) {
        let (m, k) = opA == .transposed ? (a.columns, a.rows) : (a.rows, a.columns)
        let (kB, n) = opB == .transposed ? (b.columns, b.rows) : (b.rows, b.columns)
        precondition(
            k == kB,
            "product: \(opA.describe(a))·\(opB.describe(b)): inner dimensions \(k) and \(kB) differ")
        precondition(
            rows == m && columns == n,
            "product: result \(shapeText) but \(opA.describe(a))·\(opB.describe(b)) is (\(m), \(n))")
        guard m > 0 && n > 0 else { return }
        if k == 0 {
            // As BLAS: self is not read when β = 0.
            for i in elements.indices { elements[i] = beta == 0 ? 0 : beta * elements[i] }
            return
        }
        let lda = a.columns, ldb = b.columns, ldc = columns
        a.elements.withUnsafeBufferPointer { pa in
            b.elements.withUnsafeBufferPointer { pb in
                elements.withUnsafeMutableBufferPointer { pc in
                    Scalar.gemm(
                        opA == .transposed, opB == .transposed, m: m, n: n, k: k, alpha: alpha,
                        a: pa.baseAddress!, lda: lda, b: pb.baseAddress!, ldb: ldb,
                        beta: beta, c: pc.baseAddress!, ldc: ldc)
                }
            }
        }
    }
}
