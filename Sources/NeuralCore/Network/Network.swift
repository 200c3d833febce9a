/// A feed-forward network of `Dense` layers of any depth, in the lessons' notation.
///
/// Layers are numbered 1…L as in the lessons: z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾, a⁽ˡ⁾ = f⁽ˡ⁾(z⁽ˡ⁾), a⁽⁰⁾ = x.
/// Batches are rows, (batch, n_0) → (batch, n_L); a single column sample goes through
/// `predict(column:)`. `forwardPass(_:)` and `backwardPass(inputs:targets:loss:)` expose every
/// z⁽ˡ⁾, a⁽ˡ⁾, δ⁽ˡ⁾, ∂L/∂W⁽ˡ⁾ and ∂L/∂b⁽ˡ⁾; `train(…)` runs mini-batch training.
public struct Network<Scalar: NeuralScalar>: Sendable, Equatable {
    /// The layers, layer l at index l − 1.
    public var layers: [Dense<Scalar>]

    /// A network from consecutive layers; each layer's inputs must match the previous layer's outputs.
    public init(layers: [Dense<Scalar>]) {
        precondition(!layers.isEmpty, "Network needs at least one layer")
        for l in 1..<layers.count {
            precondition(
                layers[l].inputCount == layers[l - 1].outputCount,
                "Network: layer \(l) W is \(layers[l - 1].weights.shapeText) but layer \(l + 1) W is \(layers[l].weights.shapeText)"
            )
        }
        self.layers = layers
    }

    /// Number of layers L.
    public var depth: Int { layers.count }
    /// n_0, the number of inputs.
    public var inputCount: Int { layers[0].inputCount }
    /// n_L, the number of outputs.
    public var outputCount: Int { layers[layers.count - 1].outputCount }
    /// W⁽ˡ⁾ for l in 1…L.
    public func weights(_ l: Int) -> Matrix<Scalar> { layer(l).weights }
    /// b⁽ˡ⁾ for l in 1…L.
    public func bias(_ l: Int) -> [Scalar] { layer(l).bias }
    /// Layer l, 1-based as in the lessons.
    public func layer(_ l: Int) -> Dense<Scalar> {
        precondition(l >= 1 && l <= depth, "layer \(l) of a network with layers 1…\(depth)")
        return layers[l - 1]
    }

    /// The network output for a batch of rows: (batch, n_0) → (batch, n_L).
    public func predict(_ inputs: Matrix<Scalar>) -> Matrix<Scalar> {
        checkInputs(inputs)
        return layers.reduce(inputs) { $1.forward($0) }
    }

    /// The network output for one column sample x (the lessons' convention): n_0 → n_L.
    public func predict(column x: [Scalar]) -> [Scalar] {
        layers.reduce(x) { $1.forward(column: $0) }
    }

    /// The forward pass on a batch with every z⁽ˡ⁾ and a⁽ˡ⁾ kept.
    public func forwardPass(_ inputs: Matrix<Scalar>) -> ForwardPass<Scalar> {
        let workspace = Workspace(layers: layers, capacity: inputs.rows)
        workspace.load(
            inputs: inputs, targets: Matrix(rows: inputs.rows, columns: outputCount),
            indices: ArraySlice(0..<inputs.rows))
        workspace.forward(layers)
        return ForwardPass(workspace: workspace)
    }

    /// Forward and backward pass on a batch: L is the mean over the batch of the per-sample loss;
    /// returns every z⁽ˡ⁾, a⁽ˡ⁾, δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾, ∂L/∂W⁽ˡ⁾ and ∂L/∂b⁽ˡ⁾.
    public func backwardPass(inputs: Matrix<Scalar>, targets: Matrix<Scalar>, loss: Loss) -> BackwardPass<Scalar> {
        checkInputs(inputs)
        precondition(
            targets.rows == inputs.rows && targets.columns == outputCount,
            "backwardPass: inputs \(inputs.shapeText) need targets (\(inputs.rows), \(outputCount)), got \(targets.shapeText)"
        )
        let workspace = Workspace(layers: layers, capacity: inputs.rows)
        workspace.load(inputs: inputs, targets: targets, indices: ArraySlice(0..<inputs.rows))
        workspace.forward(layers)
        let (total, _) = workspace.lossGradient(loss)
        workspace.backward(layers)
        return BackwardPass(workspace: workspace, loss: total / Double(Swift.max(inputs.rows, 1)))
    }

    /// The backward pass for one sample in the lessons' column convention: x (n_0) and y (n_L) as
    /// columns. Row 0 of each matrix in the result is that sample's z⁽ˡ⁾, a⁽ˡ⁾ or δ⁽ˡ⁾; ∂L/∂W⁽ˡ⁾ = δ⁽ˡ⁾a⁽ˡ⁻¹⁾ᵀ.
    public func backwardPass(column x: [Scalar], target y: [Scalar], loss: Loss) -> BackwardPass<Scalar> {
        backwardPass(inputs: Matrix(row: x), targets: Matrix(row: y), loss: loss)
    }

    /// Mean loss of the network on a batch.
    public func loss(inputs: Matrix<Scalar>, targets: Matrix<Scalar>, loss: Loss) -> Scalar {
        loss.value(predictions: predict(inputs), targets: targets)
    }

    /// Fraction of rows predicted right (argmax for several outputs, threshold for one).
    public func accuracy(inputs: Matrix<Scalar>, targets: Matrix<Scalar>, loss: Loss = .meanSquaredError) -> Double {
        let outputs = predict(inputs)
        precondition(
            outputs.shape == targets.shape, "accuracy: outputs \(outputs.shapeText), targets \(targets.shapeText)")
        let correct = outputs.elements.withUnsafeBufferPointer { p in
            targets.elements.withUnsafeBufferPointer { y in
                loss.correctCount(
                    prediction: p.baseAddress!, target: y.baseAddress!, rows: outputs.rows, columns: outputs.columns)
            }
        }
        return Double(correct) / Double(Swift.max(outputs.rows, 1))
    }

    private func checkInputs(_ inputs: Matrix<Scalar>) {
        precondition(
            inputs.columns == inputCount && inputs.rows > 0,
            "Network: inputs \(inputs.shapeText) but the first W is \(layers[0].weights.shapeText) (needs (batch ≥ 1, \(inputCount)))"
        )
    }
}
