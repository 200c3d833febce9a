import Testing

@testable import NeuralCore

/// The fixed-order `Double` product against the textbook triple loop it must reproduce bit for bit.
@Suite struct OrderedProductTests {
    /// Shapes around the kernel's blocks: rows in fours, columns in strips of 128, k from 1 up.
    static let shapes = [
        (1, 1, 1), (1, 7, 1), (3, 1, 5), (4, 4, 4), (5, 3, 2), (9, 17, 130), (13, 300, 6), (2, 5, 257),
        (40, 33, 129),
    ]

    @Test(arguments: shapes)
    func everyShapeAndTransposeEqualsTheNaiveProductBitForBit(m: Int, k: Int, n: Int) {
        var rng = SeededGenerator(seed: UInt64(m * 10_000 + k * 100 + n))
        for transposeA in [false, true] {
            for transposeB in [false, true] {
                let a = Self.random(transposeA ? k : m, transposeA ? m : k, &rng)
                let b = Self.random(transposeB ? n : k, transposeB ? k : n, &rng)
                let expected = (transposeA ? a.transposed : a).naiveProduct(transposeB ? b.transposed : b)
                let product = a.product(b, transposingSelf: transposeA, transposingOther: transposeB)
                #expect(
                    product.elements.map(\.bitPattern) == expected.elements.map(\.bitPattern),
                    "(\(m), \(k), \(n)) transposeA \(transposeA) transposeB \(transposeB)")
            }
        }
    }

    @Test(arguments: [(1.0, 0.0), (-0.7, 1.0), (2.5, -0.25), (0.0, 3.0)])
    func alphaAndBetaScaleTheSumOnceAtTheEnd(alpha: Double, beta: Double) {
        var rng = SeededGenerator(seed: 5)
        let a = Self.random(6, 9, &rng), b = Self.random(9, 11, &rng)
        var c = Self.random(6, 11, &rng)
        let sums = a.naiveProduct(b)
        let expected = zip(sums.elements, c.elements).map { alpha * $0 + beta * $1 }
        c.assignProduct(a, .plain, b, .plain, alpha: alpha, beta: beta)
        #expect(c.elements.map(\.bitPattern) == expected.map(\.bitPattern))
    }

    @Test func betaZeroDoesNotReadTheResult() {
        let a = Matrix<Double>([[1, 2], [3, 4]])
        var c = Matrix<Double>(rows: 2, columns: 2, repeating: .nan)
        c.assignProduct(a, .plain, a, .plain)
        #expect(c == Matrix([[7, 10], [15, 22]]))
        var empty = Matrix<Double>(rows: 2, columns: 2, repeating: .nan)
        empty.assignProduct(Matrix(rows: 2, columns: 0), .plain, Matrix(rows: 0, columns: 2), .plain)
        #expect(empty == Matrix(rows: 2, columns: 2))
    }

    @Test func leadingDimensionsLongerThanTheRowsAreRespected() {
        // A 3×2 block inside a 3×5 buffer, B 2×4 inside 2×6, C 3×4 inside 3×7 (row-major, as BLAS).
        var rng = SeededGenerator(seed: 6)
        let a = (0..<15).map { _ in rng.nextUniform() }, b = (0..<12).map { _ in rng.nextUniform() }
        var c = [Double](repeating: -1, count: 21)
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    OrderedProduct.gemm(
                        false, false, m: 3, n: 4, k: 2, alpha: 1, a: pa.baseAddress!, lda: 5, b: pb.baseAddress!,
                        ldb: 6, beta: 0, c: pc.baseAddress!, ldc: 7)
                }
            }
        }
        for i in 0..<3 {
            for j in 0..<7 {
                let expected = j < 4 ? (0 + a[i * 5] * b[j]) + a[i * 5 + 1] * b[6 + j] : -1
                #expect(c[i * 7 + j] == expected, "C[\(i), \(j)]")
            }
        }
    }

    static func random(_ rows: Int, _ columns: Int, _ rng: inout SeededGenerator) -> Matrix<Double> {
        Matrix(rows: rows, columns: columns) { _, _ in rng.nextNormal() }
    }
}
