import NeuralCore
import Testing

@Suite struct OptimizerTests {
    /// Runs `steps` updates of `optimizer` on parameters `w` with constant gradient `g`.
    func run(_ optimizer: some Optimizer, w: [Double], g: [Double], steps: Int) -> [Double] {
        var w = w
        var first = [Double](repeating: 0, count: w.count), second = first
        first.withUnsafeMutableBufferPointer { f in
            second.withUnsafeMutableBufferPointer { s in
                g.withUnsafeBufferPointer { gp in
                    w.withUnsafeMutableBufferPointer { wp in
                        for step in 1...steps {
                            optimizer.update(
                                wp, gradients: gp, state: OptimizerState(first: f.baseAddress!, second: s.baseAddress!),
                                step: step)
                        }
                    }
                }
            }
        }
        return w
    }

    @Test func sgdStepIsWMinusEtaG() {
        #expect(SGD(learningRate: 0.1).updated(1, gradient: 2) == 0.8)
        #expect(isApproximatelyEqual(run(SGD(learningRate: 0.1), w: [1, -1], g: [2, 0.5], steps: 1), [0.8, -1.05]))
    }

    @Test func momentumAccumulatesVelocity() {
        // v₁ = −ηg = −0.2, w₁ = 0.8; v₂ = 0.9·(−0.2) − 0.2 = −0.38, w₂ = 0.42.
        #expect(isApproximatelyEqual(run(Momentum(learningRate: 0.1, momentum: 0.9), w: [1], g: [2], steps: 2), [0.42]))
        let step = Momentum(learningRate: 0.1, momentum: 0.9).updated(1, velocity: -0.2, gradient: 2)
        #expect(isApproximatelyEqual(step.weight, 0.62) && isApproximatelyEqual(step.velocity, -0.38))
    }

    @Test func adamFirstStepsMoveByTheLearningRateTimesTheSign() {
        // With a constant gradient m̂ = g and v̂ = g², so each step is η·g/(|g| + ε) ≈ η·sign(g).
        let w = run(Adam(learningRate: 0.01), w: [1, 1], g: [3, -0.5], steps: 3)
        #expect(isApproximatelyEqual(w, [0.97, 1.03], relativeTolerance: 1e-6))
    }
}

/// Plain SGD is folded into BLAS during training; momentum with μ = 0 is the same rule through the
/// ordinary path (v = −ηg, w ← w + v), so the two trainings must agree.
@Suite struct FusedSGDTests {
    @Test func fusedSGDTrainingMatchesTheUnfusedPath() {
        var rng = SeededGenerator(seed: 12)
        let x = Matrix<Double>(rows: 40, columns: 5) { _, _ in rng.nextNormal() }
        let y = Matrix<Double>(rows: 40, columns: 3) { i, j in j == i % 3 ? 1 : 0 }
        let start = Network<Double>(layers: [
            Dense(5, 8, activation: .tanh, init: .xavier, rng: &rng),
            Dense(8, 3, activation: .identity, init: .xavier, rng: &rng),
        ])
        var fused = start, unfused = start
        var rngA = SeededGenerator(seed: 1), rngB = SeededGenerator(seed: 1)
        let historyA = fused.train(
            inputs: x, targets: y, loss: .softmaxCrossEntropy, optimizer: SGD(learningRate: 0.3), epochs: 5,
            batchSize: 8, rng: &rngA)
        let historyB = unfused.train(
            inputs: x, targets: y, loss: .softmaxCrossEntropy, optimizer: Momentum(learningRate: 0.3, momentum: 0),
            epochs: 5, batchSize: 8, rng: &rngB)
        #expect(fused != start)
        #expect(isApproximatelyEqual(historyA.losses, historyB.losses, relativeTolerance: 1e-10))
        for l in 1...2 {
            #expect(
                isApproximatelyEqual(
                    fused.weights(l).elements, unfused.weights(l).elements, relativeTolerance: 1e-9,
                    absoluteTolerance: 1e-12))
            #expect(
                isApproximatelyEqual(fused.bias(l), unfused.bias(l), relativeTolerance: 1e-9, absoluteTolerance: 1e-12))
        }
    }
}
