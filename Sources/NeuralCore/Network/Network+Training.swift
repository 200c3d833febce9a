// MARK: - Mini-batch training

extension Network {
    /// Trains on rows of `inputs` (samples, n_0) against `targets` (samples, n_L) for `epochs` passes,
    /// in mini-batches of `batchSize` (the last batch may be smaller), shuffled each epoch from `rng`
    /// when `shuffle` is true. Each step: forward, batch-mean loss, backward, optimizer update.
    /// The step allocates nothing: buffers for one batch are made once. Same seed, same numbers.
    /// Plain SGD is folded into the weight-gradient gemm (see `Optimizer.plainGradientStep`).
    /// - Returns: one record per epoch (mean loss and accuracy over the epoch's batches).
    @discardableResult
    public mutating func train(
        inputs: Matrix<Scalar>, targets: Matrix<Scalar>, loss: Loss, optimizer: some Optimizer,
        epochs: Int, batchSize: Int, shuffle: Bool = true, rng: inout SeededGenerator
    ) -> TrainingHistory {
        precondition(
            inputs.columns == inputCount && targets.columns == outputCount && inputs.rows == targets.rows,
            "train: inputs \(inputs.shapeText), targets \(targets.shapeText) for a network \(inputCount) → \(outputCount)"
        )
        precondition(batchSize > 0 && epochs >= 0 && inputs.rows > 0, "train: batchSize \(batchSize), epochs \(epochs)")
        let sampleCount = inputs.rows
        let workspace = Workspace(layers: layers, capacity: Swift.min(batchSize, sampleCount))
        let states = layers.map { layer in
            (
                weights: (
                    ScratchBuffer<Scalar>(capacity: layer.weights.count),
                    ScratchBuffer<Scalar>(capacity: layer.weights.count)
                ),
                bias: (
                    ScratchBuffer<Scalar>(capacity: layer.outputCount),
                    ScratchBuffer<Scalar>(capacity: layer.outputCount)
                )
            )
        }
        var order = Array(0..<sampleCount)
        var history = TrainingHistory()
        var step = 0
        for epoch in stride(from: 1, through: epochs, by: 1) {
            if shuffle { Network.shuffle(&order, rng: &rng) }
            var totalLoss = 0.0, correct = 0
            for start in stride(from: 0, to: sampleCount, by: batchSize) {
                step += 1
                workspace.load(
                    inputs: inputs, targets: targets, indices: order[start..<Swift.min(start + batchSize, sampleCount)])
                workspace.forward(layers)
                let (batchLoss, batchCorrect) = workspace.lossGradient(loss)
                totalLoss += batchLoss
                correct += batchCorrect
                if let eta = optimizer.plainGradientStep {
                    workspace.backwardFusingSGD(&layers, learningRate: Scalar(eta))
                    continue
                }
                workspace.backward(layers)
                for l in layers.indices {
                    let state = states[l]
                    layers[l].weights.elements.withUnsafeMutableBufferPointer { w in
                        optimizer.update(
                            w,
                            gradients: UnsafeBufferPointer(start: workspace.weightGradients[l].pointer, count: w.count),
                            state: OptimizerState(first: state.weights.0.pointer, second: state.weights.1.pointer),
                            step: step)
                    }
                    layers[l].bias.withUnsafeMutableBufferPointer { b in
                        optimizer.update(
                            b,
                            gradients: UnsafeBufferPointer(start: workspace.biasGradients[l].pointer, count: b.count),
                            state: OptimizerState(first: state.bias.0.pointer, second: state.bias.1.pointer), step: step
                        )
                    }
                }
            }
            history.records.append(
                EpochRecord(
                    epoch: epoch, loss: totalLoss / Double(sampleCount), accuracy: Double(correct) / Double(sampleCount)
                ))
        }
        return history
    }

    /// Fisher–Yates shuffle drawing from `rng` (the standard library's shuffle may change its algorithm).
    static func shuffle(_ order: inout [Int], rng: inout SeededGenerator) {
        guard order.count > 1 else { return }
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            let j = Int(rng.next() % UInt64(i + 1))
            order.swapAt(i, j)
        }
    }
}
