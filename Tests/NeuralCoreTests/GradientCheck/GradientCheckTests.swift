import NeuralCore
import Testing

@Suite struct GradientCheckTests {
    @Test func acceptsTheRightGradientAndRejectsAWrongOne() {
        // f(x) = x₀²x₁ + sin-free polynomial; ∇f = (2x₀x₁, x₀² + 3x₁²).
        let f = { (x: [Double]) in x[0] * x[0] * x[1] + x[1] * x[1] * x[1] }
        let x = [1.5, -0.7]
        let right = [2 * x[0] * x[1], x[0] * x[0] + 3 * x[1] * x[1]]
        #expect(GradientCheck.check(f, gradient: right, at: x).passed)
        let wrong = [right[0], right[1] * 1.001]
        let result = GradientCheck.check(f, gradient: wrong, at: x)
        #expect(!result.passed)
        #expect(result.worstIndex == 1)
        #expect(result.maxRelativeError > 5e-4 && result.maxRelativeError < 2e-3)
        #expect(result.description.contains("max relative error"))
    }

    @Test func pointsStayAwayFromTheKink() {
        var rng = SeededGenerator(seed: 1)
        let points = GradientCheck.pointsAwayFromKinks(count: 500, scale: 3, margin: 0.1, rng: &rng)
        #expect(points.allSatisfy { abs($0) >= 0.1 && abs($0) <= 3 })
        #expect(points.contains { $0 < 0 } && points.contains { $0 > 0 })
    }
}
