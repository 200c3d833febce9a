import NeuralCore
import Testing

@Suite struct InvertedDropoutTests {
    @Test(arguments: [0.1, 0.5, 0.8])
    func maskKeepsAFractionOneMinusPAndPreservesTheExpectation(_ p: Double) {
        let dropout = InvertedDropout(rate: p)
        let n = 200_000
        let mask: [Double] = dropout.mask(count: n, seed: 2024)
        #expect(mask.allSatisfy { $0 == 0 || $0 == 1 / (1 - p) })
        let kept = Double(mask.filter { $0 != 0 }.count) / Double(n)
        // The kept fraction is binomial: standard error √(p(1 − p)/n); allow five of them.
        let standardError = (p * (1 - p) / Double(n)).squareRoot()
        #expect((kept - (1 - p)).magnitude < 5 * standardError, "kept \(kept)")
        // E[m] = 1, with standard error √(p/(1 − p)/n).
        let mean = mask.reduce(0, +) / Double(n)
        #expect((mean - 1).magnitude < 5 * (p / (1 - p) / Double(n)).squareRoot(), "mean \(mean)")
    }

    @Test func sameSeedSameMaskAndTheMaskIsTheGeneratorsUniformsAgainstP() {
        let dropout = InvertedDropout(rate: 0.3)
        let a: [Double] = dropout.mask(count: 50, seed: 9), b: [Double] = dropout.mask(count: 50, seed: 9)
        #expect(a == b)
        #expect(a != dropout.mask(count: 50, seed: 10))
        var rng = SeededGenerator(seed: 9)
        let expected = (0..<50).map { _ in rng.nextUniform() >= 0.3 ? 1 / 0.7 : 0.0 }
        #expect(a == expected)
        let single: [Float] = dropout.mask(count: 50, seed: 9)
        #expect(single.map { $0 != 0 } == a.map { $0 != 0 })
    }

    @Test func forwardScalesAndBackwardAgreesWithFiniteDifferences() {
        let dropout = InvertedDropout(rate: 0.4)
        var rng = SeededGenerator(seed: 12)
        let x = (0..<12).map { _ in rng.nextNormal() }, upstream = (0..<12).map { _ in rng.nextNormal() }
        let (y, mask) = dropout.forward(x, seed: 77)
        for i in 0..<12 { #expect(y[i] == (mask[i] == 0 ? 0 : x[i] / 0.6)) }
        let analytic = dropout.backward(upstream, mask: mask)
        let check = GradientCheck.check(
            { zip(dropout.forward($0, seed: 77).output, upstream).reduce(0) { $0 + $1.0 * $1.1 } }, gradient: analytic,
            at: x)
        #expect(check.passed, "\(check)")
        // Averaged over many seeds, the output approaches x.
        let runs = 20_000
        var average = [Double](repeating: 0, count: 12)
        for seed in 0..<runs {
            let output = dropout.forward(x, seed: UInt64(seed)).output
            for i in 0..<12 { average[i] += output[i] / Double(runs) }
        }
        let tolerance = 5 * (0.4 / 0.6 / Double(runs)).squareRoot()
        for i in 0..<12 { #expect((average[i] - x[i]).magnitude < tolerance * x[i].magnitude + 1e-12) }
    }

    @Test func batchForwardUsesOneMaskInRowMajorOrder() {
        let dropout = InvertedDropout(rate: 0.5)
        let x = Matrix<Double>(rows: 3, columns: 4) { i, j in Double(4 * i + j + 1) }
        let (y, mask) = dropout.forward(x, seed: 5)
        #expect(mask.elements == dropout.mask(count: 12, seed: 5))
        #expect(y.elements == dropout.forward(x.elements, seed: 5).output)
        #expect(InvertedDropout(rate: 0).forward(x, seed: 5).output == x)
    }
}
