import NeuralCore
import Testing

/// The public API exactly as a lesson cell writes it (see the example).
@Suite struct APIExampleTests {
    @Test func lessonCellExampleCompilesAndLearnsXOR() {
        let X = Matrix<Double>([[0, 0], [0, 1], [1, 0], [1, 1]])
        let Y = Matrix<Double>([[0], [1], [1], [0]])
        var rng = SeededGenerator(seed: 42)
        var net = Network<Double>(layers: [
            Dense(2, 2, activation: .sigmoid, init: .xavier, rng: &rng),
            Dense(2, 1, activation: .sigmoid, init: .xavier, rng: &rng),
        ])
        let history = net.train(
            inputs: X, targets: Y, loss: .meanSquaredError, optimizer: SGD(learningRate: 0.5), epochs: 2000,
            batchSize: 4, rng: &rng)
        #expect(history.count == 2000)
        #expect(history.last!.loss < history.first!.loss)
        let s = Activation.sigmoid.value(0.5); let ds = Activation.sigmoid.derivative(0.5)
        #expect(isApproximatelyEqual(s, 0.6224593312018546, relativeTolerance: 1e-12))
        #expect(isApproximatelyEqual(ds, s * (1 - s), relativeTolerance: 1e-12))
        #expect(history.description.hasPrefix("epoch 1: loss "))
        #expect(history.losses.count == 2000 && history.accuracies.count == 2000)
    }

    @Test func scalarFunctionsForTheFormulaChecker() {
        let leaky = Activation.leakyReLU(alpha: 0.2)
        #expect(leaky.function(-1) == -0.2 && leaky.derivativeFunction(-1) == 0.2)
        #expect(SGD(learningRate: 0.5).updated(3, gradient: 2) == 2)
        #expect(Loss.meanSquaredError.gradient(prediction: [3.0], target: [1.0]) == [4])
        #expect(Activation.softmax.vectorValue([0.0, 0]) == [0.5, 0.5])
        #expect(Activation.all.count == 18)
    }

    @Test func columnConventionForOneSample() {
        var rng = SeededGenerator(seed: 3)
        let net = Network<Double>(layers: [
            Dense(3, 2, activation: .tanh, rng: &rng), Dense(2, 1, activation: .identity, rng: &rng),
        ])
        let x = [0.5, -1.0, 2.0]
        let pass = net.backwardPass(column: x, target: [1], loss: .sumSquaredError)
        // z⁽¹⁾ = W⁽¹⁾x + b⁽¹⁾ by the matrix product of a (2, 3) matrix and a (3, 1) column.
        let z1 = net.weights(1) * Matrix(column: x)
        #expect(isApproximatelyEqual(pass.forward.z(1).row(0), z1.column(0), relativeTolerance: 1e-12))
        #expect(isApproximatelyEqual(pass.forward.output.row(0), net.predict(column: x), relativeTolerance: 1e-12))
        // ∂L/∂W⁽²⁾ = δ⁽²⁾a⁽¹⁾ᵀ, a (1, 1)·(1, 2) outer product.
        let outer = Matrix(column: pass.delta(2).row(0)) * Matrix(row: pass.forward.a(1).row(0))
        #expect(isApproximatelyEqual(pass.weightGradient(2).elements, outer.elements, relativeTolerance: 1e-12))
    }
}

@Suite struct NameLookupTests {
    @Test(arguments: [
        ("sigmoid", Activation.sigmoid), ("Sigmoid", .sigmoid), ("ReLU", .relu), ("relu", .relu),
        ("Leaky ReLU", .leakyReLU(alpha: 0.01)), ("leaky_relu", .leakyReLU(alpha: 0.01)), ("tanh", .tanh),
        ("ELU", .elu(alpha: 1)), ("softplus", .softplus), ("GELU", .gelu), ("SiLU", .swish), ("softmax", .softmax),
        ("ReLU6", .relu6),
        ("SELU", .selu), ("log_sigmoid", .logSigmoid), ("hard-tanh", .hardTanh), ("approximate GELU", .geluTanh),
        ("linear", .identity),
    ])
    func activationsByName(_ name: String, _ expected: Activation) {
        #expect(Activation(named: name) == expected)
    }

    @Test func unknownNamesAreNotGuessed() {
        #expect(Activation(named: "RelU7") == nil)
        #expect(Activation(named: "mish") == nil)
        #expect(Loss(named: "focal") == nil)
        #expect(Activation(named: "leaky ReLU", leakyAlpha: 0.2) == .leakyReLU(alpha: 0.2))
    }

    @Test(arguments: [
        ("MSE", Loss.meanSquaredError), ("mean squared error", .meanSquaredError), ("SSE", .sumSquaredError),
        ("binary cross-entropy", .binaryCrossEntropy), ("BCE with logits", .binaryCrossEntropyWithLogits),
        ("categorical cross entropy", .crossEntropy), ("softmax cross-entropy", .softmaxCrossEntropy),
        ("MAE", .meanAbsoluteError), ("L1 loss", .meanAbsoluteError), ("Huber loss", .huber(delta: 1)),
        ("hinge", .hinge), ("SVM loss", .multiclassHinge(margin: 1)), ("KL-divergence", .klDivergence),
        ("NLL", .negativeLogLikelihood),
    ])
    func lossesByName(_ name: String, _ expected: Loss) {
        #expect(Loss(named: name) == expected)
    }
}
