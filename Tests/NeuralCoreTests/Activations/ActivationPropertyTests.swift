import NeuralCore
import Testing

/// What each newer activation is known for, beyond its table values: SELU's constants make
/// N(0, 1) inputs keep mean 0 and variance 1, GELU's tanh form stays close to the exact one, and
/// the parametric families meet their special cases.
@Suite struct ActivationPropertyTests {
    /// ∫ f(x)·φ(x) dx by composite Simpson on [−12, 0] and [0, 12] (the kink of SELU sits on 0).
    static func expectationUnderStandardNormal(_ f: (Double) -> Double) -> Double {
        func simpson(_ a: Double, _ b: Double, intervals n: Int) -> Double {
            let h = (b - a) / Double(n)
            var total = f(a) * StandardNormal.density(a) + f(b) * StandardNormal.density(b)
            for i in 1..<n {
                let x = a + Double(i) * h
                total += Double(i % 2 == 0 ? 2 : 4) * f(x) * StandardNormal.density(x)
            }
            return total * h / 3
        }
        return simpson(-12, 0, intervals: 6000) + simpson(0, 12, intervals: 6000)
    }

    @Test func seluKeepsAStandardNormalInputAtMeanZeroAndVarianceOne() {
        let selu = Activation.selu
        let mean = Self.expectationUnderStandardNormal { selu.value($0) }
        let secondMoment = Self.expectationUnderStandardNormal { selu.value($0) * selu.value($0) }
        #expect(mean.magnitude < 1e-10, "E[selu(Z)] = \(mean)")
        #expect((secondMoment - 1).magnitude < 1e-10, "E[selu(Z)²] = \(secondMoment)")
        // The constants rounded to three digits are off by more than 10⁻⁴ in the mean.
        let rounded = { (x: Double) in x > 0 ? 1.05 * x : 1.05 * 1.67 * (Double.exp(x) - 1) }
        #expect(Self.expectationUnderStandardNormal(rounded).magnitude > 1e-4)
        #expect(SELU.lambda == 1.0507009873554805 && SELU.alpha == 1.6732632423543772)
    }

    @Test func geluTanhStaysWithinFiveTenThousandthsOfTheExactGELU() {
        var worst = 0.0
        for i in -2000...2000 {
            let x = Double(i) / 200
            worst = Swift.max(worst, (Activation.geluTanh.value(x) - Activation.gelu.value(x)).magnitude)
        }
        #expect(worst < 5e-4 && worst > 4e-4, "largest gap \(worst)")
    }

    @Test func parametricFamiliesMeetTheirSpecialCases() {
        for x in [-2.5, -0.3, 0.7, 3.0] {
            #expect(isApproximatelyEqual(Activation.celu(alpha: 1).value(x), Activation.elu(alpha: 1).value(x)))
            #expect(
                isApproximatelyEqual(
                    Activation.swish(beta: 1).value(x), x * Activation.sigmoid.value(x), relativeTolerance: 1e-15))
            // β → ∞ gives ReLU; β = 0 gives x/2.
            #expect(isApproximatelyEqual(Activation.swish(beta: 200).value(x), Activation.relu.value(x)))
            #expect(Activation.swish(beta: 0).value(x) == x / 2)
            // log σ(x) = −softplus(−x); hard tanh(x) = 2·h(x) − 1 with h the hard sigmoid of slope ½.
            #expect(
                isApproximatelyEqual(
                    Activation.logSigmoid.value(x), -Activation.softplus.value(-x), relativeTolerance: 1e-15))
            #expect(
                isApproximatelyEqual(
                    Activation.hardTanh.value(x), 2 * Activation.hardSigmoid(slope: 0.5).value(x) - 1,
                    relativeTolerance: 1e-15, absoluteTolerance: 1e-15))
        }
        #expect(Activation.swish == .swish(beta: 1))
    }

    @Test func logSigmoidIsFiniteAtLargeInputs() {
        #expect(Activation.logSigmoid.value(1000.0) == 0)
        #expect(Activation.logSigmoid.value(-1000.0) == -1000)
        #expect(Activation.logSigmoid.derivative(-1000.0) == 1)
        #expect(Activation.logSigmoid.value(Float(-1000)) == -1000)
    }

    @Test(arguments: Activation.all)
    func everyActivationIsFoundByItsOwnName(_ activation: Activation) {
        #expect(Activation(named: activation.name) == activation, "\(activation.name)")
    }

    @Test func kinksAndParametersAreListed() {
        #expect(Activation.relu6.kinks == [0, 6])
        #expect(Activation.hardSigmoid(slope: 0.2).kinks == [-2.5, 2.5])
        #expect(Activation.gelu.kinks.isEmpty && Activation.elu(alpha: 1).kinks.isEmpty)
        #expect(Activation.elu(alpha: 2).kinks == [0])
        #expect(Activation.swish(beta: 2).parameter! == ("β", 2))
        #expect(Activation.selu.parameter == nil)
    }
}
