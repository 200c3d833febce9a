import NeuralCore
import Testing

/// A network configuration whose backward pass is gradient-checked.
struct BackpropCase: Sendable, CustomTestStringConvertible {
    let hidden: Activation
    let output: Activation
    let loss: Loss
    var testDescription: String { "\(hidden.name) hidden, \(output.name) output, \(loss)" }
}

@Suite struct BackpropagationTests {
    static let cases: [BackpropCase] =
        Activation.all.filter { $0 != .softmax }.map {
            BackpropCase(hidden: $0, output: .identity, loss: .meanSquaredError)
        }
        + [
            BackpropCase(hidden: .sigmoid, output: .sigmoid, loss: .meanSquaredError),
            BackpropCase(hidden: .tanh, output: .identity, loss: .sumSquaredError),
            BackpropCase(hidden: .relu, output: .sigmoid, loss: .binaryCrossEntropy),
            BackpropCase(hidden: .gelu, output: .identity, loss: .binaryCrossEntropyWithLogits),
            BackpropCase(hidden: .tanh, output: .softmax, loss: .crossEntropy),
            BackpropCase(hidden: .relu, output: .identity, loss: .softmaxCrossEntropy),
            BackpropCase(hidden: .softmax, output: .tanh, loss: .meanSquaredError),
            BackpropCase(hidden: .selu, output: .identity, loss: .huber(delta: 0.5)),
            BackpropCase(hidden: .geluTanh, output: .identity, loss: .meanAbsoluteError),
            BackpropCase(hidden: .swish(beta: 1.5), output: .identity, loss: .hinge),
            BackpropCase(hidden: .celu(alpha: 0.7), output: .identity, loss: .multiclassHinge(margin: 1)),
            BackpropCase(hidden: .softsign, output: .softmax, loss: .klDivergence),
        ]

    /// Every ∂L/∂W⁽ˡ⁾, ∂L/∂b⁽ˡ⁾ against central differences of the loss, and those plus every δ⁽ˡ⁾ against the tape.
    @Test(arguments: cases)
    func backwardPassAgreesWithFiniteDifferencesAndTape(_ config: BackpropCase) {
        let (network, x, y) = randomProblem(
            widths: [3, 5, 4, 3], hidden: config.hidden, output: config.output, loss: config.loss, batch: 6, seed: 17)
        let pass = network.backwardPass(inputs: x, targets: y, loss: config.loss)
        #expect(
            isApproximatelyEqual(
                pass.loss, network.loss(inputs: x, targets: y, loss: config.loss), relativeTolerance: 1e-12))

        let taped = TapedNetwork(network, inputs: x, targets: y, loss: config.loss)
        #expect(isApproximatelyEqual(taped.loss.scalar, pass.loss, relativeTolerance: 1e-10))
        let gradients = taped.tape.gradients(of: taped.loss)

        for l in 1...network.depth {
            // Finite differences over every weight and bias of layer l.
            let w = network.weights(l)
            let weightCheck = GradientCheck.check(
                { values in
                    var perturbed = network
                    perturbed.layers[l - 1].weights = Matrix(rows: w.rows, columns: w.columns, elements: values)
                    return perturbed.loss(inputs: x, targets: y, loss: config.loss)
                }, gradient: pass.weightGradient(l).elements, at: w.elements, relativeTolerance: 1e-5,
                absoluteTolerance: 1e-8)
            #expect(weightCheck.passed, "∂L/∂W⁽\(l)⁾ vs finite differences: \(weightCheck)")
            let biasCheck = GradientCheck.check(
                { values in
                    var perturbed = network
                    perturbed.layers[l - 1].bias = values
                    return perturbed.loss(inputs: x, targets: y, loss: config.loss)
                }, gradient: pass.biasGradient(l), at: network.bias(l), relativeTolerance: 1e-5, absoluteTolerance: 1e-8
            )
            #expect(biasCheck.passed, "∂L/∂b⁽\(l)⁾ vs finite differences: \(biasCheck)")

            // The tape, built from primitives only.
            for (name, analytic, reference) in [
                ("∂L/∂W", pass.weightGradient(l).elements, gradients[taped.weights[l - 1]].elements),
                ("∂L/∂b", pass.biasGradient(l), gradients[taped.biases[l - 1]].elements),
                ("δ", pass.delta(l).elements, gradients[taped.preactivations[l - 1]].elements),
            ] {
                let check = GradientCheck.compare(
                    analytic, reference, relativeTolerance: 1e-9, absoluteTolerance: 1e-12)
                #expect(check.passed, "\(name)⁽\(l)⁾ vs tape: \(check)")
            }
        }
    }

    /// The lessons' recursion, written out: δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ᵀδ⁽ˡ⁺¹⁾) ⊙ f′(z⁽ˡ⁾) and ∂L/∂W⁽ˡ⁾ = δ⁽ˡ⁾a⁽ˡ⁻¹⁾ᵀ,
    /// one column sample at a time.
    @Test func backwardPassFollowsTheLessonsFormulasForOneSample() {
        let (network, x, y) = randomProblem(
            widths: [4, 3, 2], hidden: .sigmoid, output: .sigmoid, loss: .sumSquaredError, batch: 1, seed: 4)
        let pass = network.backwardPass(inputs: x, targets: y, loss: .sumSquaredError)
        let forward = pass.forward
        let a2 = forward.a(2).row(0), z2 = forward.z(2).row(0), z1 = forward.z(1).row(0)
        // Output layer: δ⁽²⁾ = 2(a⁽²⁾ − y) ⊙ σ′(z⁽²⁾).
        let delta2 = (0..<2).map { 2 * (a2[$0] - y[0, $0]) * Activation.sigmoid.derivative(z2[$0]) }
        #expect(isApproximatelyEqual(pass.delta(2).row(0), delta2, relativeTolerance: 1e-12))
        // Hidden layer: δ⁽¹⁾ = (W⁽²⁾ᵀδ⁽²⁾) ⊙ σ′(z⁽¹⁾).
        let w2tDelta = network.weights(2).transposed * Matrix(column: delta2)
        let delta1 = (0..<3).map { w2tDelta[$0, 0] * Activation.sigmoid.derivative(z1[$0]) }
        #expect(isApproximatelyEqual(pass.delta(1).row(0), delta1, relativeTolerance: 1e-12))
        // ∂L/∂W⁽¹⁾ = δ⁽¹⁾xᵀ, ∂L/∂b⁽¹⁾ = δ⁽¹⁾.
        let outer = Matrix(column: delta1) * Matrix(row: x.row(0))
        #expect(isApproximatelyEqual(pass.weightGradient(1).elements, outer.elements, relativeTolerance: 1e-12))
        #expect(isApproximatelyEqual(pass.biasGradient(1), delta1, relativeTolerance: 1e-12))
        // Column convention forward: z⁽¹⁾ = W⁽¹⁾x + b⁽¹⁾.
        #expect(isApproximatelyEqual(network.layer(1).preactivation(column: x.row(0)), z1, relativeTolerance: 1e-12))
        #expect(isApproximatelyEqual(network.predict(column: x.row(0)), a2, relativeTolerance: 1e-12))
    }

    @Test func singleDenseLayerBackwardPass() {
        let (network, x, y) = randomProblem(
            widths: [5, 3], hidden: .identity, output: .swish, loss: .meanSquaredError, batch: 4, seed: 8)
        let pass = network.backwardPass(inputs: x, targets: y, loss: .meanSquaredError)
        let w = network.weights(1)
        let check = GradientCheck.check(
            { values in
                var perturbed = network
                perturbed.layers[0].weights = Matrix(rows: w.rows, columns: w.columns, elements: values)
                return perturbed.loss(inputs: x, targets: y, loss: .meanSquaredError)
            }, gradient: pass.weightGradient(1).elements, at: w.elements, relativeTolerance: 1e-6)
        #expect(check.passed, "Dense ∂L/∂W: \(check)")
        #expect(network.layer(1).forward(x) == pass.forward.output)
    }
}

/// The `Float` kernels are separate specialisations of the same source: they must agree with `Double`.
@Suite struct FloatPrecisionTests {
    @Test(arguments: BackpropagationTests.cases)
    func floatBackwardPassAgreesWithDouble(_ config: BackpropCase) {
        let (network, x, y) = randomProblem(
            widths: [3, 5, 4, 3], hidden: config.hidden, output: config.output, loss: config.loss, batch: 6, seed: 17)
        let single = Network<Float>(
            layers: network.layers.map { layer in
                Dense(
                    weights: Matrix(
                        rows: layer.weights.rows, columns: layer.weights.columns,
                        elements: layer.weights.elements.map(Float.init)),
                    bias: layer.bias.map(Float.init), activation: layer.activation)
            })
        let toFloat = { (m: Matrix<Double>) in
            Matrix(rows: m.rows, columns: m.columns, elements: m.elements.map(Float.init))
        }
        let reference = network.backwardPass(inputs: x, targets: y, loss: config.loss)
        let pass = single.backwardPass(inputs: toFloat(x), targets: toFloat(y), loss: config.loss)
        #expect(isApproximatelyEqual(pass.loss, reference.loss, relativeTolerance: 1e-5, absoluteTolerance: 1e-6))
        for l in 1...network.depth {
            let check = GradientCheck.compare(
                pass.weightGradient(l).elements.map(Double.init), reference.weightGradient(l).elements,
                relativeTolerance: 1e-3, absoluteTolerance: 1e-5)
            #expect(check.passed, "Float ∂L/∂W⁽\(l)⁾ vs Double: \(check)")
        }
    }
}
