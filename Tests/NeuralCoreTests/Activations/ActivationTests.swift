import NeuralCore
import Testing

/// One row of the hand-computed activation table.
struct ActivationCase: Sendable, CustomTestStringConvertible {
    let activation: Activation
    let x: Double
    let value: Double
    let derivative: Double
    var testDescription: String { "\(activation.name)(\(x))" }
}

@Suite struct ActivationTests {
    static let handComputed: [ActivationCase] = [
        .init(activation: .identity, x: -3.5, value: -3.5, derivative: 1),
        .init(activation: .sigmoid, x: 0, value: 0.5, derivative: 0.25),
        .init(activation: .sigmoid, x: 2, value: 0.8807970779778823, derivative: 0.10499358540350662),
        .init(activation: .sigmoid, x: -2, value: 0.11920292202211755, derivative: 0.10499358540350662),
        .init(activation: .tanh, x: 1, value: 0.7615941559557649, derivative: 0.41997434161402614),
        .init(activation: .tanh, x: 0, value: 0, derivative: 1),
        .init(activation: .relu, x: -1.5, value: 0, derivative: 0),
        .init(activation: .relu, x: 2.5, value: 2.5, derivative: 1),
        .init(activation: .relu, x: 0, value: 0, derivative: 0),
        .init(activation: .leakyReLU(alpha: 0.1), x: -2, value: -0.2, derivative: 0.1),
        .init(activation: .leakyReLU(alpha: 0.1), x: 3, value: 3, derivative: 1),
        .init(activation: .elu(alpha: 1), x: -1, value: -0.6321205588285577, derivative: 0.36787944117144233),
        .init(activation: .elu(alpha: 2), x: 2, value: 2, derivative: 1),
        .init(activation: .softplus, x: 0, value: 0.6931471805599453, derivative: 0.5),
        .init(activation: .softplus, x: 1, value: 1.3132616875182228, derivative: 0.7310585786300049),
        .init(activation: .gelu, x: 1, value: 0.8413447460685429, derivative: 1.0833154705876864),
        .init(activation: .gelu, x: -1, value: -0.15865525393145707, derivative: -0.08331547058768629),
        .init(activation: .swish, x: 1, value: 0.7310585786300049, derivative: 0.9276705118714867),
        .init(activation: .swish, x: -2, value: -0.2384058440442351, derivative: -0.09078424878489547),
        .init(activation: .geluTanh, x: 1, value: 0.8411919906082768, derivative: 1.0829640838457826),
        .init(activation: .geluTanh, x: -1, value: -0.15880800939172324, derivative: -0.08296408384578255),
        .init(activation: .swish(beta: 1.5), x: 2, value: 1.9051482536448667, derivative: 1.0881041060151695),
        .init(activation: .swish(beta: 1.5), x: -0.5, value: -0.1604106504123035, derivative: 0.1574000555032465),
        .init(activation: .logSigmoid, x: 0, value: -0.6931471805599453, derivative: 0.5),
        .init(activation: .logSigmoid, x: -3, value: -3.048587351573742, derivative: 0.9525741268224333),
        .init(activation: .logSigmoid, x: 2, value: -0.12692801104297263, derivative: 0.11920292202211769),
        .init(activation: .selu, x: 1.5, value: 1.5760514810332207, derivative: 1.0507009873554805),
        .init(activation: .selu, x: -1, value: -1.1113307378125625, derivative: 0.646768603034814),
        .init(activation: .celu(alpha: 0.5), x: -1, value: -0.43233235838169365, derivative: 0.1353352832366127),
        .init(activation: .celu(alpha: 0.5), x: 2, value: 2, derivative: 1),
        .init(activation: .softsign, x: -3, value: -0.75, derivative: 0.0625),
        .init(activation: .softsign, x: 0.5, value: 1.0 / 3, derivative: 4.0 / 9),
        .init(activation: .hardSigmoid(slope: 1.0 / 6), x: 1, value: 2.0 / 3, derivative: 1.0 / 6),
        .init(activation: .hardSigmoid(slope: 1.0 / 6), x: -4, value: 0, derivative: 0),
        .init(activation: .hardSigmoid(slope: 1.0 / 6), x: 3.5, value: 1, derivative: 0),
        .init(activation: .hardSigmoid(slope: 0.2), x: 1, value: 0.7, derivative: 0.2),
        .init(activation: .hardTanh, x: 0.5, value: 0.5, derivative: 1),
        .init(activation: .hardTanh, x: -2, value: -1, derivative: 0),
        .init(activation: .hardTanh, x: 1.5, value: 1, derivative: 0),
        .init(activation: .relu6, x: 3, value: 3, derivative: 1),
        .init(activation: .relu6, x: 7, value: 6, derivative: 0),
        .init(activation: .relu6, x: -1, value: 0, derivative: 0),
    ]

    @Test(arguments: handComputed)
    func matchesHandComputedValues(_ row: ActivationCase) {
        #expect(
            isApproximatelyEqual(
                row.activation.value(row.x), row.value, relativeTolerance: 1e-12, absoluteTolerance: 1e-15))
        #expect(
            isApproximatelyEqual(
                row.activation.derivative(row.x), row.derivative, relativeTolerance: 1e-12, absoluteTolerance: 1e-15))
        #expect(
            isApproximatelyEqual(
                row.activation.function(row.x), row.value, relativeTolerance: 1e-12, absoluteTolerance: 1e-15))
        let single = row.activation.value(Float(row.x))
        #expect(isApproximatelyEqual(single, Float(row.value), relativeTolerance: 1e-5, absoluteTolerance: 1e-6))
    }

    static let scalarActivations =
        Activation.all.filter { $0 != .softmax } + [
            .leakyReLU(alpha: 0.2), .elu(alpha: 0.5), .celu(alpha: 0.5), .swish(beta: 1.7), .hardSigmoid(slope: 0.2),
        ]

    @Test(arguments: scalarActivations)
    func derivativeAgreesWithFiniteDifferencesAndTape(_ activation: Activation) {
        var rng = SeededGenerator(seed: 11)
        // Wide enough to cross every kink (ReLU6's at 6), never within 0.05 of one.
        let points = GradientCheck.points(count: 32, scale: 8, awayFrom: activation.kinks, margin: 0.05, rng: &rng)
        let analytic = points.map { activation.derivative($0) }
        let numeric = points.map { GradientCheck.numericalDerivative(of: activation.function, at: $0) }
        let againstDifferences = GradientCheck.compare(analytic, numeric)
        #expect(againstDifferences.passed, "\(activation.name) vs finite differences: \(againstDifferences)")

        let tape = Tape()
        let x = tape.variable(Matrix(row: points))
        let y = x.applying(activation)
        #expect(
            isApproximatelyEqual(
                y.value.elements, points.map { activation.value($0) }, relativeTolerance: 1e-12,
                absoluteTolerance: 1e-14))
        let taped = tape.gradients(of: y.sum())[x].elements
        let againstTape = GradientCheck.compare(analytic, taped, relativeTolerance: 1e-10, absoluteTolerance: 1e-12)
        #expect(againstTape.passed, "\(activation.name) vs tape: \(againstTape)")
    }

    @Test func softmaxValuesJacobianAndVJP() {
        let s = Softmax().value([1.0, 2, 3])
        #expect(
            isApproximatelyEqual(
                s, [0.09003057317038048, 0.2447284710547977, 0.665240955774822], relativeTolerance: 1e-12))
        #expect(isApproximatelyEqual(s.reduce(0, +), 1, relativeTolerance: 1e-15))

        var rng = SeededGenerator(seed: 5)
        let x = (0..<5).map { _ in rng.nextNormal() }
        let jacobian = Softmax().jacobian(x)
        for i in 0..<5 {
            let numeric = GradientCheck.numericalGradient(of: { Softmax().value($0)[i] }, at: x)
            let check = GradientCheck.compare(jacobian.row(i), numeric)
            #expect(check.passed, "softmax Jacobian row \(i): \(check)")
        }
        let g = (0..<5).map { _ in rng.nextNormal() }
        let vjp = Softmax().vectorJacobianProduct(x, upstream: g)
        let viaJacobian = (0..<5).map { j in (0..<5).reduce(0.0) { $0 + g[$1] * jacobian[$1, j] } }
        #expect(isApproximatelyEqual(vjp, viaJacobian, relativeTolerance: 1e-12, absoluteTolerance: 1e-14))

        let tape = Tape()
        let xv = tape.variable(Matrix(row: x))
        let weighted = (xv.applying(.softmax) * tape.constant(Matrix(row: g))).sum()
        let taped = tape.gradients(of: weighted)[xv].elements
        let check = GradientCheck.compare(vjp, taped, relativeTolerance: 1e-10, absoluteTolerance: 1e-12)
        #expect(check.passed, "softmax VJP vs tape: \(check)")
    }

    @Test(arguments: [[1000.0, -1000, 0], [-1000.0, -1000, -999], [1000.0, 1000, 1000]])
    func softmaxIsStableAtLargeLogits(_ logits: [Double]) {
        let s = Softmax().value(logits)
        #expect(s.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 })
        #expect(isApproximatelyEqual(s.reduce(0, +), 1, relativeTolerance: 1e-12))
        let single = Softmax().value(logits.map(Float.init))
        #expect(single.allSatisfy { $0.isFinite })
        #expect(Softmax().jacobian(logits).elements.allSatisfy { $0.isFinite })
    }

    @Test func sigmoidAndSoftplusAreStableAtLargeInputs() {
        for x in [1000.0, -1000.0] {
            #expect(Activation.sigmoid.value(x).isFinite)
            #expect(Activation.softplus.value(x).isFinite)
            #expect(Activation.swish.value(x).isFinite)
            #expect(Activation.sigmoid.value(Float(x)).isFinite)
        }
        #expect(Activation.softplus.value(1000.0) == 1000)
        #expect(Activation.sigmoid.value(-1000.0) == 0)
    }
}
