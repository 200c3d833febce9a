import NeuralCore
import Testing

@Suite struct WeightInitializationTests {
    /// (scheme, inputs, outputs, expected variance): uniform U(−r, r) has variance r²/3.
    @Test(arguments: [
        (WeightInitialization.xavier, 100, 50, 2.0 / 150), (.xavierNormal, 100, 50, 2.0 / 150),
        (.he, 200, 40, 2.0 / 200), (.heUniform, 200, 40, 2.0 / 200),
    ])
    func varianceMatchesTheScheme(_ scheme: WeightInitialization, inputs: Int, outputs: Int, variance: Double) {
        var rng = SeededGenerator(seed: 99)
        let w: Matrix<Double> = scheme.weights(inputs: inputs, outputs: outputs, rng: &rng)
        #expect(w.shape == (outputs, inputs))
        let mean = w.mean()
        let measured = w.elements.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(w.count)
        #expect(abs(measured / variance - 1) < 0.08, "variance \(measured), expected \(variance)")
        if scheme == .xavier {
            let bound = (6.0 / Double(inputs + outputs)).squareRoot()
            #expect(w.elements.allSatisfy { abs($0) <= bound })
        }
    }

    @Test func denseLayersStartWithZeroBiasAndTheSameWeightsForTheSameSeed() {
        var a = SeededGenerator(seed: 5), b = SeededGenerator(seed: 5)
        let first = Dense<Float>(4, 3, activation: .relu, init: .he, rng: &a)
        let second = Dense<Float>(4, 3, activation: .relu, init: .he, rng: &b)
        #expect(first == second)
        #expect(first.bias == [0, 0, 0])
        #expect(first.weights.shape == (3, 4))
    }
}
