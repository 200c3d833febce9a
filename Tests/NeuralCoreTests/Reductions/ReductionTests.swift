import NeuralCore
import Testing

@Suite struct ReductionTests {
    /// The same function built from the tape's primitives, where it has them (no square root).
    static func taped(_ reduction: Reduction, _ x: Variable) -> Variable? {
        switch reduction {
        case .logSumExp: x.exp().sum().log()
        case .entropy: -(x * x.log()).sum()
        case .squaredNorm: (x * x).sum()
        case .l1Norm: x.magnitude().sum()
        case .l2Penalty(let lambda): (x * x).sum().scaled(lambda / 2)
        case .norm: nil
        }
    }

    @Test(arguments: Reduction.all + [.l2Penalty(lambda: 0.3)])
    func gradientAgreesWithFiniteDifferencesAndTape(_ reduction: Reduction) {
        var rng = SeededGenerator(seed: 41)
        for _ in 0..<5 {
            var x = GradientCheck.points(count: 6, scale: 3, awayFrom: [0], rng: &rng)
            if reduction.domain == .distribution {
                let positive = x.map { $0.magnitude + 0.1 }, total = positive.reduce(0, +)
                x = positive.map { $0 / total }
            }
            let analytic = reduction.gradient(x)
            let check = GradientCheck.check({ reduction.value($0) }, gradient: analytic, at: x)
            #expect(check.passed, "\(reduction.name) vs finite differences: \(check)")

            let tape = Tape()
            let variable = tape.variable(Matrix(row: x))
            guard let y = Self.taped(reduction, variable) else { continue }
            #expect(isApproximatelyEqual(y.scalar, reduction.value(x), relativeTolerance: 1e-12))
            let taped = tape.gradients(of: y)[variable].elements
            let tapeCheck = GradientCheck.compare(analytic, taped, relativeTolerance: 1e-10, absoluteTolerance: 1e-12)
            #expect(tapeCheck.passed, "\(reduction.name) vs tape: \(tapeCheck)")
        }
    }

    @Test func logSumExpIsASmoothMaximumAndStable() {
        let x = [1.0, 3.0, -2.0, 2.5]
        let lse = LogSumExp().value(x)
        #expect(lse > 3 && lse < 3 + Double.log(4))
        #expect(isApproximatelyEqual(lse, 3.558817692369483, relativeTolerance: 1e-14))
        #expect(LogSumExp().value([1000.0, 1000]) == 1000 + Double.log(2))
        #expect(LogSumExp().value([-1000.0]) == -1000)
        #expect(LogSumExp().gradient([1000.0, -1000]) == [1, 0])
    }

    @Test func entropyOfKnownDistributions() {
        #expect(
            isApproximatelyEqual(Entropy().value([0.25, 0.25, 0.25, 0.25]), Double.log(4), relativeTolerance: 1e-15))
        #expect(Entropy().value([1.0, 0, 0]) == 0)
        #expect(Entropy().gradient([0.0, 1]).allSatisfy { $0.isFinite })
        // H(½, ¼, ¼) = 1.5 bits.
        #expect(
            isApproximatelyEqual(Entropy().value([0.5, 0.25, 0.25]) / Double.log(2), 1.5, relativeTolerance: 1e-15))
    }

    @Test func normsOfAKnownVector() {
        let x = [3.0, -4.0]
        #expect(Reduction.norm.value(x) == 5 && Reduction.squaredNorm.value(x) == 25 && Reduction.l1Norm.value(x) == 7)
        #expect(Reduction.norm.gradient([0.0, 0]) == [0, 0])
        #expect(Reduction.l2Penalty(lambda: 0.1).value(x) == 1.25)
        #expect(Reduction.l2Penalty(lambda: 0.1).gradient(x) == [0.30000000000000004, -0.4])
    }

    @Test(arguments: Reduction.all)
    func everyReductionIsFoundByItsOwnName(_ reduction: Reduction) {
        #expect(Reduction(named: reduction.name) == reduction)
        #expect(Reduction(named: "weight decay", lambda: 0.01) == .l2Penalty(lambda: 0.01))
        #expect(Reduction(named: "trace") == nil)
    }
}
