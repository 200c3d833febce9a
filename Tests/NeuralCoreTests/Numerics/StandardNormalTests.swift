import NeuralCore
import Testing

@Suite struct StandardNormalTests {
    @Test func knownValuesOfPhiAndTheDensity() {
        // Φ(1.959963984540054) = 0.975 (the two-sided 95% quantile), Φ(−1) = 0.15865525393145707.
        #expect(StandardNormal.cdf(0.0) == 0.5)
        #expect(isApproximatelyEqual(StandardNormal.cdf(1.959963984540054), 0.975, relativeTolerance: 1e-14))
        #expect(isApproximatelyEqual(StandardNormal.cdf(-1.0), 0.15865525393145707, relativeTolerance: 1e-13))
        #expect(isApproximatelyEqual(StandardNormal.density(0.0), 0.3989422804014327, relativeTolerance: 1e-15))
        #expect(isApproximatelyEqual(StandardNormal.erfc(1.0), 0.15729920705028513, relativeTolerance: 1e-13))
        #expect(isApproximatelyEqual(StandardNormal.cdf(Float(1)), 0.8413447, relativeTolerance: 1e-6))
    }

    @Test func eachDerivativeAgreesWithFiniteDifferences() {
        var rng = SeededGenerator(seed: 31)
        let points = GradientCheck.points(count: 40, scale: 4, awayFrom: [], rng: &rng)
        let pairs: [(String, (Double) -> Double, (Double) -> Double)] = [
            ("Φ′ = φ", { StandardNormal.cdf($0) }, { StandardNormal.density($0) }),
            ("φ′", { StandardNormal.density($0) }, { StandardNormal.densityDerivative($0) }),
            ("erf′", { StandardNormal.erf($0) }, { StandardNormal.erfDerivative($0) }),
        ]
        for (name, f, derivative) in pairs {
            let check = GradientCheck.compare(
                points.map(derivative), points.map { GradientCheck.numericalDerivative(of: f, at: $0) })
            #expect(check.passed, "\(name): \(check)")
        }
    }

    @Test func phiIsSymmetric() {
        for x in stride(from: -5.0, through: 5, by: 0.25) {
            #expect(isApproximatelyEqual(StandardNormal.cdf(x) + StandardNormal.cdf(-x), 1, relativeTolerance: 1e-15))
        }
    }
}
