import NeuralCore
import Testing

@Suite struct WeightInitializationTests {
    /// (scheme, inputs, outputs, expected variance): uniform U(−r, r) has variance r²/3.
    static let schemes: [(WeightInitialization, Int, Int, Double)] = [
        (.xavier, 100, 50, 2.0 / 150), (.xavierNormal, 100, 50, 2.0 / 150), (.he, 200, 40, 2.0 / 200),
        (.heUniform, 200, 40, 2.0 / 200), (.lecun, 150, 30, 1.0 / 150), (.lecunUniform, 150, 30, 1.0 / 150),
    ]

    @Test(arguments: schemes)
    func varianceMatchesTheScheme(_ scheme: WeightInitialization, inputs: Int, outputs: Int, variance: Double) {
        var rng = SeededGenerator(seed: 99)
        let w: Matrix<Double> = scheme.weights(inputs: inputs, outputs: outputs, rng: &rng)
        #expect(w.shape == (outputs, inputs))
        let mean = w.mean()
        let measured = w.elements.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(w.count)
        #expect(abs(measured / variance - 1) < 0.08, "variance \(measured), expected \(variance)")
        #expect(scheme.variance(fanIn: inputs, fanOut: outputs) == variance)
        if let bound = scheme.uniformBound(fanIn: inputs, fanOut: outputs) {
            #expect(w.elements.allSatisfy { abs($0) <= bound })
            #expect(w.elements.contains { abs($0) > 0.95 * bound })
        }
    }

    @Test func variancesAndBoundsAreTheTextbookFormulas() {
        #expect(WeightInitialization.glorotVariance(fanIn: 3, fanOut: 5) == 0.25)
        #expect(WeightInitialization.glorotUniformBound(fanIn: 4, fanOut: 2) == 1)
        #expect(WeightInitialization.heVariance(fanIn: 8) == 0.25)
        #expect(WeightInitialization.heUniformBound(fanIn: 24) == 0.5)
        #expect(WeightInitialization.lecunVariance(fanIn: 4) == 0.25)
        #expect(WeightInitialization.lecunUniformBound(fanIn: 12) == 0.5)
        for scheme in WeightInitialization.allCases {
            let variance = scheme.variance(fanIn: 7, fanOut: 3)
            if let bound = scheme.uniformBound(fanIn: 7, fanOut: 3) {
                // U(−r, r) has variance r²/3.
                #expect(isApproximatelyEqual(bound * bound / 3, variance, relativeTolerance: 1e-15), "\(scheme.name)")
                #expect(scheme.isUniform)
            } else {
                #expect(!scheme.isUniform)
            }
            #expect(WeightInitialization(named: scheme.name) == scheme)
        }
        #expect(WeightInitialization(named: "Glorot") == .xavier && WeightInitialization(named: "Kaiming") == .he)
        #expect(WeightInitialization(named: "orthogonal") == nil)
    }

    /// The initialiser draws exactly (2u − 1)·r or z·σ per weight, in row-major order, from these formulas.
    @Test(arguments: WeightInitialization.allCases)
    func drawsAreTheFormulasAppliedToTheGeneratorsValues(_ scheme: WeightInitialization) {
        var rng = SeededGenerator(seed: 7), replay = SeededGenerator(seed: 7)
        let w: Matrix<Double> = scheme.weights(inputs: 5, outputs: 3, rng: &rng)
        let expected = (0..<15).map { _ in
            switch scheme {
            case .xavier: (2 * replay.nextUniform() - 1) * (6.0 / 8).squareRoot()
            case .xavierNormal: replay.nextNormal() * (2.0 / 8).squareRoot()
            case .he: replay.nextNormal() * (2.0 / 5).squareRoot()
            case .heUniform: (2 * replay.nextUniform() - 1) * (6.0 / 5).squareRoot()
            case .lecun: replay.nextNormal() * (1.0 / 5).squareRoot()
            case .lecunUniform: (2 * replay.nextUniform() - 1) * (3.0 / 5).squareRoot()
            }
        }
        #expect(w.elements == expected)
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
