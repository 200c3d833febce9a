import NeuralCore

/// Builds the same network on an autodiff tape from primitives, for comparison with backprop.
struct TapedNetwork {
    let tape = Tape()
    var weights: [Variable] = []
    var biases: [Variable] = []
    var preactivations: [Variable] = []
    var loss: Variable

    init(_ network: Network<Double>, inputs: Matrix<Double>, targets: Matrix<Double>, loss lossKind: Loss) {
        var a = tape.constant(inputs)
        for layer in network.layers {
            let w = tape.variable(layer.weights)
            let b = tape.variable(Matrix(row: layer.bias))
            let z = a.matmul(w.transposed()) + b.broadcastRow(to: inputs.rows)
            weights.append(w)
            biases.append(b)
            preactivations.append(z)
            a = z.applying(layer.activation)
        }
        loss = a.loss(lossKind, targets: targets)
    }
}

/// A small random network, inputs and targets that suit `loss`.
func randomProblem(
    widths: [Int], hidden: Activation, output: Activation, loss: Loss, batch: Int, seed: UInt64
) -> (Network<Double>, Matrix<Double>, Matrix<Double>) {
    var rng = SeededGenerator(seed: seed)
    var layers: [Dense<Double>] = []
    for l in 1..<widths.count {
        var layer = Dense<Double>(
            widths[l - 1], widths[l], activation: l == widths.count - 1 ? output : hidden,
            init: .xavierNormal, rng: &rng)
        layer.bias = (0..<widths[l]).map { _ in 0.1 * rng.nextNormal() }
        layers.append(layer)
    }
    let inputs = Matrix<Double>(rows: batch, columns: widths[0]) { _, _ in rng.nextNormal() }
    let outputs = widths.last!
    let targets = Matrix<Double>(rows: batch, columns: outputs) { _, _ in 0 }
    var y = targets
    for i in 0..<batch {
        switch loss.targetDomain {
        case .real:
            for j in 0..<outputs { y[i, j] = output == .sigmoid ? rng.nextUniform() : rng.nextNormal() }
        case .binary:
            for j in 0..<outputs { y[i, j] = rng.nextUniform() < 0.5 ? 0 : 1 }
        case .sign:
            for j in 0..<outputs { y[i, j] = rng.nextUniform() < 0.5 ? -1 : 1 }
        case .distribution:
            let raw = (0..<outputs).map { _ in 0.1 + rng.nextUniform() }
            let total = raw.reduce(0, +)
            for j in 0..<outputs { y[i, j] = raw[j] / total }
        case .oneHot, .probability, .logProbabilities:
            y[i, Int(rng.next() % UInt64(outputs))] = 1
        }
    }
    return (Network(layers: layers), inputs, y)
}
