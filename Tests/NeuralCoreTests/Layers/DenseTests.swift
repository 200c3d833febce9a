import Testing

@testable import NeuralCore

/// The fused, batched kernels against the naive per-sample paths kept beside them.
@Suite struct DenseTests {
    @Test(arguments: Activation.all)
    func batchedForwardMatchesTheColumnForwardOfEachSample(_ activation: Activation) {
        var rng = SeededGenerator(seed: 21)
        var layer = Dense<Double>(6, 4, activation: activation, init: .xavierNormal, rng: &rng)
        layer.bias = [0.5, -0.25, 0.1, 0]
        let x = Matrix<Double>(rows: 5, columns: 6) { _, _ in rng.nextNormal() }
        let batched = layer.forward(x)
        #expect(batched.shape == (5, 4))
        for i in 0..<5 {
            #expect(
                isApproximatelyEqual(
                    batched.row(i), layer.forward(column: x.row(i)), relativeTolerance: 1e-12,
                    absoluteTolerance: 1e-14), "\(activation.name), sample \(i)")
        }
    }

    @Test(arguments: Activation.all)
    func batchedBackwardKernelMatchesTheVectorJacobianProduct(_ activation: Activation) {
        var rng = SeededGenerator(seed: 22)
        let rows = 3, columns = 4
        var z = (0..<(rows * columns)).map { _ in rng.nextNormal() }
        var a = z
        let upstream = (0..<(rows * columns)).map { _ in rng.nextNormal() }
        var g = upstream
        let bias = [Double](repeating: 0, count: columns)
        activation.forwardKernel(z: &z, a: &a, bias: bias, rows: rows, columns: columns)
        activation.backwardKernel(z: z, a: a, gradient: &g, count: rows * columns, columns: columns)
        for i in 0..<rows {
            let slice = (i * columns)..<((i + 1) * columns)
            let expected = activation.vectorJacobianProduct(Array(z[slice]), upstream: Array(upstream[slice]))
            #expect(isApproximatelyEqual(Array(g[slice]), expected, relativeTolerance: 1e-12, absoluteTolerance: 1e-14))
        }
    }

    @Test(arguments: Loss.allCases)
    func batchedLossKernelMatchesThePerSampleFunctions(_ loss: Loss) {
        var rng = SeededGenerator(seed: 23)
        let rows = 5, columns = 3
        let p = Matrix<Double>(rows: rows, columns: columns) { _, _ in 0.1 + 0.8 * rng.nextUniform() }
        let y = Matrix<Double>(rows: rows, columns: columns) { i, j in j == i % columns ? 1 : 0 }
        var g = [Double](repeating: .nan, count: rows * columns)
        let total = loss.batchKernel(
            prediction: p.elements, target: y.elements, gradient: &g, rows: rows, columns: columns)
        #expect(
            isApproximatelyEqual(total / Double(rows), loss.value(predictions: p, targets: y), relativeTolerance: 1e-12)
        )
        #expect(isApproximatelyEqual(g, loss.gradient(predictions: p, targets: y).elements, relativeTolerance: 1e-12))
    }
}
