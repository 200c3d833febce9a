import Testing

@testable import NeuralCore

/// One row of the hand-computed loss table.
struct LossCase: Sendable, CustomTestStringConvertible {
    let loss: Loss
    let prediction: [Double]
    let target: [Double]
    let value: Double
    let gradient: [Double]
    var testDescription: String { "\(loss)(\(prediction), \(target))" }
}

@Suite struct LossTests {
    static let handComputed: [LossCase] = [
        .init(loss: .sumSquaredError, prediction: [1, 2], target: [0, 4], value: 5, gradient: [2, -4]),
        .init(loss: .meanSquaredError, prediction: [1, 2], target: [0, 4], value: 2.5, gradient: [1, -2]),
        .init(loss: .binaryCrossEntropy, prediction: [0.8], target: [1], value: 0.2231435513142097, gradient: [-1.25]),
        .init(
            loss: .binaryCrossEntropy, prediction: [0.3], target: [0], value: 0.35667494393873245, gradient: [1 / 0.7]),
        .init(
            loss: .binaryCrossEntropyWithLogits, prediction: [0], target: [1], value: 0.6931471805599453,
            gradient: [-0.5]),
        .init(
            loss: .binaryCrossEntropyWithLogits, prediction: [2], target: [0], value: 2.1269280110429727,
            gradient: [0.8807970779778823]),
        .init(
            loss: .crossEntropy, prediction: [0.2, 0.7, 0.1], target: [0, 1, 0], value: 0.35667494393873245,
            gradient: [0, -1 / 0.7, 0]),
        .init(
            loss: .softmaxCrossEntropy, prediction: [1, 2, 3], target: [0, 0, 1], value: 0.40760596444438013,
            gradient: [0.09003057317038048, 0.2447284710547977, 0.665240955774822 - 1]),
        .init(
            loss: .meanAbsoluteError, prediction: [1, -2, 3], target: [0, 0, 5], value: 5.0 / 3,
            gradient: [1.0 / 3, -1.0 / 3, -1.0 / 3]),
        // Residuals 0.5 (quadratic: ½·0.25) and 3 (linear: 1·(3 − ½)), averaged over two outputs.
        .init(loss: .huber(delta: 1), prediction: [0.5, 3], target: [0, 0], value: 1.3125, gradient: [0.25, 0.5]),
        .init(loss: .huber(delta: 2), prediction: [-3, 1], target: [0, 0.5], value: 2.0625, gradient: [-1, 0.25]),
        .init(loss: .hinge, prediction: [0.3, -2, 1.5], target: [1, -1, -1], value: 3.2, gradient: [-1, 0, 1]),
        // Margins against the true class 0: 0.5, −1.3 (inactive), 0.8.
        .init(
            loss: .multiclassHinge(margin: 1), prediction: [2, 1.5, -0.3, 1.8], target: [1, 0, 0, 0], value: 1.3,
            gradient: [-2, 1, 0, 1]),
        .init(
            loss: .multiclassHinge(margin: 1), prediction: [1, 2.5, -0.3, 0.8], target: [0, 1, 0, 0], value: 0,
            gradient: [0, 0, 0, 0]),
        .init(
            loss: .klDivergence, prediction: [0.25, 0.5, 0.25], target: [0.5, 0.5, 0], value: 0.34657359027997264,
            gradient: [-2, -1, 0]),
        .init(
            loss: .klDivergence, prediction: [0.2, 0.3, 0.5], target: [0.2, 0.3, 0.5], value: 0, gradient: [-1, -1, -1]),
        .init(
            loss: .negativeLogLikelihood, prediction: [-1.6094379124341003, -0.35667494393873245, -2.3025850929940455],
            target: [0, 1, 0], value: 0.35667494393873245, gradient: [0, -1, 0]),
    ]

    @Test(arguments: handComputed)
    func matchesHandComputedValues(_ row: LossCase) {
        #expect(
            isApproximatelyEqual(
                row.loss.value(prediction: row.prediction, target: row.target), row.value, relativeTolerance: 1e-12))
        #expect(
            isApproximatelyEqual(
                row.loss.gradient(prediction: row.prediction, target: row.target), row.gradient,
                relativeTolerance: 1e-12, absoluteTolerance: 1e-15))
        // The batched kernel used in training: one row, so the batch mean is the sample's loss.
        var g = [Double](repeating: .nan, count: row.prediction.count)
        let total = row.prediction.withUnsafeBufferPointer { p in
            row.target.withUnsafeBufferPointer { y in
                g.withUnsafeMutableBufferPointer { gp in
                    row.loss.batchKernel(
                        prediction: p.baseAddress!, target: y.baseAddress!, gradient: gp.baseAddress!, rows: 1,
                        columns: row.prediction.count)
                }
            }
        }
        #expect(isApproximatelyEqual(total, row.value, relativeTolerance: 1e-12))
        #expect(isApproximatelyEqual(g, row.gradient, relativeTolerance: 1e-12, absoluteTolerance: 1e-15))
    }

    @Test(arguments: Loss.allCases)
    func gradientAgreesWithFiniteDifferencesAndTape(_ loss: Loss) {
        var rng = SeededGenerator(seed: 3)
        let batch = 3, width = 4
        let predictions = (0..<batch).flatMap { _ in Self.draw(loss.predictionDomain, width, &rng) }
        let targets = (0..<batch).flatMap { _ in Self.draw(loss.targetDomain, width, &rng) }
        let yMatrix = Matrix(rows: batch, columns: width, elements: targets)
        func meanLoss(_ p: [Double]) -> Double {
            loss.value(predictions: Matrix(rows: batch, columns: width, elements: p), targets: yMatrix)
        }
        let analytic = loss.gradient(
            predictions: Matrix(rows: batch, columns: width, elements: predictions), targets: yMatrix
        ).elements
        let check = GradientCheck.check(meanLoss, gradient: analytic, at: predictions)
        #expect(check.passed, "\(loss) vs finite differences: \(check)")

        let tape = Tape()
        let p = tape.variable(Matrix(rows: batch, columns: width, elements: predictions))
        let l = p.loss(loss, targets: yMatrix)
        #expect(isApproximatelyEqual(l.scalar, meanLoss(predictions), relativeTolerance: 1e-12))
        let taped = tape.gradients(of: l)[p].elements
        let tapeCheck = GradientCheck.compare(analytic, taped, relativeTolerance: 1e-10, absoluteTolerance: 1e-12)
        #expect(tapeCheck.passed, "\(loss) vs tape: \(tapeCheck)")
    }

    /// One row of `width` values from `domain`.
    static func draw(_ domain: LossDomain, _ width: Int, _ rng: inout SeededGenerator) -> [Double] {
        switch domain {
        case .real: return (0..<width).map { _ in rng.nextNormal() }
        case .probability: return (0..<width).map { _ in 0.1 + 0.8 * rng.nextUniform() }
        case .distribution, .logProbabilities:
            // Positive entries summing to one, as a softmax would give.
            let raw = (0..<width).map { _ in 0.1 + rng.nextUniform() }
            let total = raw.reduce(0, +)
            return raw.map { domain == .distribution ? $0 / total : Double.log($0 / total) }
        case .sign: return (0..<width).map { _ in rng.next() & 1 == 0 ? 1 : -1 }
        case .binary, .oneHot:
            let hot = Int(rng.next() % UInt64(width))
            return (0..<width).map { $0 == hot ? 1 : 0 }
        }
    }

    @Test(arguments: Loss.allCases)
    func everyLossIsFoundByItsOwnName(_ loss: Loss) {
        #expect(Loss(named: loss.name) == loss, "\(loss.name)")
    }

    @Test func klDivergenceIsCrossEntropyMinusTheTargetsEntropy() {
        var rng = SeededGenerator(seed: 8)
        for _ in 0..<10 {
            let p = Self.draw(.distribution, 5, &rng), y = Self.draw(.distribution, 5, &rng)
            let kl = Loss.klDivergence.value(prediction: p, target: y)
            let crossEntropy = Loss.crossEntropy.value(prediction: p, target: y)
            #expect(isApproximatelyEqual(kl, crossEntropy - Entropy().value(y), relativeTolerance: 1e-12))
            #expect(kl > 0)
            #expect(
                Loss.klDivergence.gradient(prediction: p, target: y)
                    == Loss.crossEntropy.gradient(prediction: p, target: y))
        }
    }

    @Test func nllOfLogSoftmaxIsSoftmaxCrossEntropy() {
        let z = [0.3, -1.2, 2.0, 0.1], y = [0.0, 0, 1, 0]
        let logSoftmax = z.map { $0 - LogSumExp().value(z) }
        #expect(
            isApproximatelyEqual(
                Loss.negativeLogLikelihood.value(prediction: logSoftmax, target: y),
                Loss.softmaxCrossEntropy.value(prediction: z, target: y), relativeTolerance: 1e-14))
    }

    @Test func huberIsHalfTheSquaredErrorInsideDeltaAndLinearOutside() {
        let huber = Huber(delta: 1.5)
        for a in stride(from: -1.5, through: 1.5, by: 0.125) {
            #expect(huber.residualValue(a) == a * a / 2)
        }
        // Continuous, with a continuous derivative, at |a| = δ.
        for side in [-1.0, 1.0] {
            let a = side * 1.5
            #expect(isApproximatelyEqual(huber.residualValue(a.nextUp), huber.residualValue(a.nextDown)))
            #expect(isApproximatelyEqual(huber.residualDerivative(a.nextUp), huber.residualDerivative(a.nextDown)))
        }
        // Far out it grows like δ|a|: 1.5·(10 − 0.75).
        #expect(huber.residualValue(-10.0) == 13.875)
    }

    @Test(arguments: [Loss.softmaxCrossEntropy, .binaryCrossEntropyWithLogits])
    func logitLossesAreStableAtPlusMinusThousand(_ loss: Loss) {
        let logits: [Double] = [1000, -1000, 0, -1000]
        for target in [[1.0, 0, 0, 0], [0.0, 1, 0, 0], [0.0, 0, 1, 0]] {
            let value = loss.value(prediction: logits, target: target)
            #expect(value.isFinite && value >= 0)
            #expect(loss.gradient(prediction: logits, target: target).allSatisfy { $0.isFinite })
            let single = loss.value(prediction: logits.map(Float.init), target: target.map(Float.init))
            #expect(single.isFinite)
            var g = [Float](repeating: .nan, count: 4)
            let total = logits.map(Float.init).withUnsafeBufferPointer { p in
                target.map(Float.init).withUnsafeBufferPointer { y in
                    g.withUnsafeMutableBufferPointer {
                        loss.batchKernel(
                            prediction: p.baseAddress!, target: y.baseAddress!, gradient: $0.baseAddress!, rows: 1,
                            columns: 4)
                    }
                }
            }
            #expect(total.isFinite && g.allSatisfy { $0.isFinite })
        }
        // The right class at +1000 costs nothing; the wrong one costs the logit gap.
        let right = loss.value(prediction: [1000.0, -1000], target: [1, 0])
        #expect(right == 0)
        if loss == .softmaxCrossEntropy {
            #expect(isApproximatelyEqual(loss.value(prediction: [1000.0, -1000], target: [0, 1]), 2000))
        } else {
            #expect(isApproximatelyEqual(loss.value(prediction: [1000.0, -1000], target: [0, 1]), 2000))
        }
    }

    @Test func probabilityLossesStayFiniteOnSaturatedProbabilities() {
        let p = Softmax().value([1000.0, -1000, 0])
        #expect(CrossEntropy().value(prediction: p, target: [0, 1, 0]).isFinite)
        #expect(CrossEntropy().gradient(prediction: p, target: [0, 1, 0]).allSatisfy { $0.isFinite })
        let s = [Activation.sigmoid.value(1000.0), Activation.sigmoid.value(-1000.0)]
        #expect(BinaryCrossEntropy().value(prediction: s, target: [0, 1]).isFinite)
        #expect(BinaryCrossEntropy().gradient(prediction: s, target: [0, 1]).allSatisfy { $0.isFinite })
    }
}
