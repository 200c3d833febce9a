import NeuralCore
import Testing

@Suite struct BatchNormalizationTests {
    /// A layer with γ and β away from 1 and 0, so their gradients are not trivial.
    static func layer(features: Int, rng: inout SeededGenerator) -> BatchNormalization<Double> {
        var layer = BatchNormalization<Double>(features: features, epsilon: 1e-3)
        layer.gamma = (0..<features).map { _ in 1 + 0.5 * rng.nextNormal() }
        layer.beta = (0..<features).map { _ in 0.5 * rng.nextNormal() }
        return layer
    }

    @Test func trainingOutputHasZeroMeanAndNearUnitVariancePerFeature() {
        var rng = SeededGenerator(seed: 51)
        let x = randomBatch(rows: 8, columns: 3, rng: &rng)
        let pass = BatchNormalization<Double>(features: 3).forward(x)
        for j in 0..<3 {
            let column = pass.output.column(j)
            let mean = column.reduce(0, +) / 8
            let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 8
            #expect(mean.magnitude < 1e-15)
            // σ²/(σ² + ε), a little under one.
            let expected = pass.variance[j] / (pass.variance[j] + 1e-5)
            #expect(isApproximatelyEqual(variance, expected, relativeTolerance: 1e-12))
        }
    }

    @Test func backwardPassAgreesWithFiniteDifferencesAndTape() {
        var rng = SeededGenerator(seed: 52)
        let layer = Self.layer(features: 4, rng: &rng)
        let x = randomBatch(rows: 5, columns: 4, rng: &rng)
        let upstream = Matrix<Double>(rows: 5, columns: 4) { _, _ in rng.nextNormal() }
        let gradients = layer.backward(upstream, through: layer.forward(x))

        // L = Σ upstream ⊙ y, as a function of x, of γ and of β.
        func loss(_ x: [Double], _ gamma: [Double], _ beta: [Double]) -> Double {
            var perturbed = layer
            perturbed.gamma = gamma
            perturbed.beta = beta
            let y = perturbed.forward(Matrix(rows: 5, columns: 4, elements: x)).output
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
        let centred = xv - xv.columnMeans().broadcastRow(to: 5)
        let variance = (centred * centred).columnMeans()
        let xHat = centred * variance.inverseSquareRoot(adding: layer.epsilon).broadcastRow(to: 5)
        let y = xHat * gamma.broadcastRow(to: 5) + beta.broadcastRow(to: 5)
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

    @Test func runningStatisticsFollowTheMomentumRuleAndServeInference() {
        var rng = SeededGenerator(seed: 53)
        var layer = Self.layer(features: 3, rng: &rng)
        layer.momentum = 0.25
        var mean = [0.0, 0, 0], variance = [1.0, 1, 1]
        for _ in 0..<4 {
            let x = randomBatch(rows: 6, columns: 3, rng: &rng)
            let pass = layer.trainingForward(x)
            for j in 0..<3 {
                let column = x.column(j)
                let batchMean = column.reduce(0, +) / 6
                let unbiased = column.reduce(0) { $0 + ($1 - batchMean) * ($1 - batchMean) } / 5
                mean[j] = 0.75 * mean[j] + 0.25 * batchMean
                variance[j] = 0.75 * variance[j] + 0.25 * unbiased
                #expect(isApproximatelyEqual(pass.mean[j], batchMean, relativeTolerance: 1e-14))
            }
        }
        #expect(isApproximatelyEqual(layer.runningMean, mean, relativeTolerance: 1e-13))
        #expect(isApproximatelyEqual(layer.runningVariance, variance, relativeTolerance: 1e-13))

        let x = randomBatch(rows: 2, columns: 3, rng: &rng)
        let y = layer.inference(x)
        for i in 0..<2 {
            for j in 0..<3 {
                let expected = layer.gamma[j] * (x[i, j] - mean[j]) / (variance[j] + 1e-3).squareRoot() + layer.beta[j]
                #expect(isApproximatelyEqual(y[i, j], expected, relativeTolerance: 1e-12))
            }
        }
        // Inference treats samples independently: one row alone gives the same output.
        #expect(isApproximatelyEqual(layer.inference(Matrix(row: x.row(1))).row(0), y.row(1), relativeTolerance: 1e-15))
    }

    @Test func biasedRunningVarianceWhenAsked() {
        var layer = BatchNormalization<Double>(features: 1, momentum: 1, unbiasedRunningVariance: false)
        _ = layer.trainingForward(Matrix(column: [1, 2, 3, 6]))
        #expect(layer.runningMean == [3] && layer.runningVariance == [3.5])
        var unbiased = BatchNormalization<Double>(features: 1, momentum: 1)
        _ = unbiased.trainingForward(Matrix(column: [1, 2, 3, 6]))
        #expect(isApproximatelyEqual(unbiased.runningVariance[0], 14.0 / 3, relativeTolerance: 1e-15))
    }

    @Test func floatAgreesWithDouble() {
        var rng = SeededGenerator(seed: 54)
        let x = randomBatch(rows: 6, columns: 3, rng: &rng)
        let single = BatchNormalization<Float>(features: 3).forward(
            Matrix(rows: 6, columns: 3, elements: x.elements.map(Float.init)))
        let double = BatchNormalization<Double>(features: 3).forward(x)
        #expect(
            isApproximatelyEqual(
                single.output.elements.map(Double.init), double.output.elements, relativeTolerance: 1e-5,
                absoluteTolerance: 1e-6))
    }
}
