import NeuralCore
import Testing

@Suite struct LayerNormalizationTests {
    @Test func eachRowIsNormalisedOnItsOwn() {
        var rng = SeededGenerator(seed: 61)
        let x = randomBatch(rows: 4, columns: 5, rng: &rng)
        let layer = LayerNormalization<Double>(features: 5)
        let pass = layer.forward(x)
        for i in 0..<4 {
            let row = pass.output.row(i)
            let mean = row.reduce(0, +) / 5
            #expect(mean.magnitude < 1e-15)
            let variance = row.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 5
            #expect(
                isApproximatelyEqual(variance, pass.variance[i] / (pass.variance[i] + 1e-5), relativeTolerance: 1e-12))
            // A row alone gives the same output: no statistic crosses samples.
            #expect(
                isApproximatelyEqual(layer.forward(Matrix(row: x.row(i))).output.row(0), row, relativeTolerance: 1e-15))
        }
    }

    @Test func backwardPassAgreesWithFiniteDifferencesAndTape() {
        var rng = SeededGenerator(seed: 62)
        var layer = LayerNormalization<Double>(features: 5, epsilon: 1e-3)
        layer.gamma = (0..<5).map { _ in 1 + 0.5 * rng.nextNormal() }
        layer.beta = (0..<5).map { _ in 0.5 * rng.nextNormal() }
        let x = randomBatch(rows: 3, columns: 5, rng: &rng)
        let upstream = Matrix<Double>(rows: 3, columns: 5) { _, _ in rng.nextNormal() }
        let gradients = layer.backward(upstream, through: layer.forward(x))

        func loss(_ x: [Double], _ gamma: [Double], _ beta: [Double]) -> Double {
            var perturbed = layer
            perturbed.gamma = gamma
            perturbed.beta = beta
            let y = perturbed.forward(Matrix(rows: 3, columns: 5, elements: x)).output
            return zip(y.elements, upstream.elements).reduce(0) { $0 + $1.0 * $1.1 }
        }
        let checks = [
            (
                "∂L/∂x",
                GradientCheck.check(
                    { loss($0, layer.gamma, layer.beta) }, gradient: gradients.input.elements, at: x.elements)
            ),
            (
                "∂L/∂γ",
                GradientCheck.check({ loss(x.elements, $0, layer.beta) }, gradient: gradients.gamma, at: layer.gamma)
            ),
            (
                "∂L/∂β",
                GradientCheck.check({ loss(x.elements, layer.gamma, $0) }, gradient: gradients.beta, at: layer.beta)
            ),
        ]
        for (name, check) in checks { #expect(check.passed, "\(name) vs finite differences: \(check)") }

        let tape = Tape()
        let xv = tape.variable(x), gamma = tape.variable(Matrix(row: layer.gamma))
        let beta = tape.variable(Matrix(row: layer.beta))
        let centred = xv - xv.rowSums().scaled(1.0 / 5).broadcastColumn(to: 5)
        let variance = (centred * centred).rowSums().scaled(1.0 / 5)
        let xHat = centred * variance.inverseSquareRoot(adding: layer.epsilon).broadcastColumn(to: 5)
        let y = xHat * gamma.broadcastRow(to: 3) + beta.broadcastRow(to: 3)
        let l = (y * tape.constant(upstream)).sum()
        #expect(isApproximatelyEqual(l.scalar, loss(x.elements, layer.gamma, layer.beta), relativeTolerance: 1e-12))
        let taped = tape.gradients(of: l)
        for (name, analytic, reference) in [
            ("∂L/∂x", gradients.input.elements, taped[xv].elements), ("∂L/∂γ", gradients.gamma, taped[gamma].elements),
            ("∂L/∂β", gradients.beta, taped[beta].elements),
        ] {
            let check = GradientCheck.compare(analytic, reference, relativeTolerance: 1e-10, absoluteTolerance: 1e-12)
            #expect(check.passed, "\(name) vs tape: \(check)")
        }
    }

    @Test func aConstantRowMapsToBeta() {
        var layer = LayerNormalization<Double>(features: 3)
        layer.beta = [0.5, -1, 2]
        #expect(layer.forward(Matrix(row: [4, 4, 4])).output.row(0) == [0.5, -1, 2])
    }
}
