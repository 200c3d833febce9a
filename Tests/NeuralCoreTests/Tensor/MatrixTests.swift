import Testing

@testable import NeuralCore

@Suite struct MatrixTests {
    @Test func productMatchesNaiveProductInBothPrecisions() {
        var rng = SeededGenerator(seed: 1)
        let a = Matrix<Double>(rows: 7, columns: 5) { _, _ in rng.nextNormal() }
        let b = Matrix<Double>(rows: 5, columns: 3) { _, _ in rng.nextNormal() }
        // Double sums in the naive product's order: the same bits, not merely close.
        #expect((a * b).elements.map(\.bitPattern) == a.naiveProduct(b).elements.map(\.bitPattern))
        let af = Matrix<Float>(rows: 7, columns: 5, elements: a.elements.map(Float.init))
        let bf = Matrix<Float>(rows: 5, columns: 3, elements: b.elements.map(Float.init))
        #expect(
            isApproximatelyEqual(
                (af * bf).elements, af.naiveProduct(bf).elements, relativeTolerance: 1e-5, absoluteTolerance: 1e-5))
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func transposedOperandsAreReadInPlace(transposeA: Bool, transposeB: Bool) {
        var rng = SeededGenerator(seed: 2)
        let a = Matrix<Double>(rows: transposeA ? 4 : 6, columns: transposeA ? 6 : 4) { _, _ in rng.nextNormal() }
        let b = Matrix<Double>(rows: transposeB ? 3 : 4, columns: transposeB ? 4 : 3) { _, _ in rng.nextNormal() }
        let expected = (transposeA ? a.transposed : a).naiveProduct(transposeB ? b.transposed : b)
        let product = a.product(b, transposingSelf: transposeA, transposingOther: transposeB)
        #expect(product.shape == (6, 3))
        #expect(product == expected)
        let af = Matrix<Float>(rows: a.rows, columns: a.columns, elements: a.elements.map(Float.init))
        let bf = Matrix<Float>(rows: b.rows, columns: b.columns, elements: b.elements.map(Float.init))
        let expectedFloat = (transposeA ? af.transposed : af).naiveProduct(transposeB ? bf.transposed : bf)
        #expect(
            isApproximatelyEqual(
                af.product(bf, transposingSelf: transposeA, transposingOther: transposeB).elements,
                expectedFloat.elements, relativeTolerance: 1e-5, absoluteTolerance: 1e-5))
    }

    @Test func handComputedProduct() {
        let a = Matrix<Double>([[1, 2], [3, 4]])
        let b = Matrix<Double>([[5, 6], [7, 8]])
        #expect((a * b) == Matrix([[19, 22], [43, 50]]))
        #expect(a.naiveProduct(b) == Matrix([[19, 22], [43, 50]]))
    }

    @Test func elementwiseBroadcastAndReductions() {
        let m = Matrix<Double>([[1, -2, 3], [4, 5, -6]])
        #expect(m + m == Matrix([[2, -4, 6], [8, 10, -12]]))
        #expect(m - m == Matrix(rows: 2, columns: 3))
        #expect(m .* m == Matrix([[1, 4, 9], [16, 25, 36]]))
        #expect(2 * m == m + m)
        #expect(m.addingToEachRow(Matrix(row: [10, 20, 30])) == Matrix([[11, 18, 33], [14, 25, 24]]))
        #expect(m.addingToEachColumn(Matrix(column: [1, 2])) == Matrix([[2, -1, 4], [6, 7, -4]]))
        #expect(m.rowSums() == Matrix(column: [2, 3]))
        #expect(m.columnSums() == Matrix(row: [5, 3, -3]))
        #expect(m.rowMaxima() == Matrix(column: [3, 5]))
        #expect(m.rowArgmax() == [2, 1])
        #expect(m.sum() == 5)
        #expect(m.transposed == Matrix([[1, 4], [-2, 5], [3, -6]]))
        #expect(m.gatheringRows([1, 0, 1]).row(0) == [4, 5, -6])
    }

    @Test(arguments: [
        (1.0, 1.0 + 1e-7, true), (1.0, 1.1, false), (0.0, 1e-10, true), (0.0, 1e-6, false),
        (1e9, 1e9 + 100, true), (Double.nan, Double.nan, false), (Double.infinity, Double.infinity, true),
    ])
    func approximateEquality(a: Double, b: Double, equal: Bool) {
        #expect(isApproximatelyEqual(a, b) == equal)
    }
}

@Suite struct MatrixLiteralTests {
    @Test func nestedArrayLiteralsAreRows() {
        let x: Matrix<Double> = [[0, 1, 2], [3, 4, 5]]
        #expect(x.shape == (2, 3))
        #expect(x[1, 2] == 5)
        #expect(x == Matrix(rows: 2, columns: 3, elements: [0, 1, 2, 3, 4, 5]))
    }
}
