/// Preallocated buffers for forward and backward passes over batches of up to `capacity` rows.
///
/// Per layer l (1…L): z⁽ˡ⁾ and a⁽ˡ⁾ (batch, n_l), δ⁽ˡ⁾ (batch, n_l), ∂L/∂W⁽ˡ⁾ (n_l, n_{l−1}),
/// ∂L/∂b⁽ˡ⁾ (n_l); a⁽⁰⁾ is the input batch. Arrays are 0-based: index l−1 holds layer l, except
/// `activations`, where index l holds a⁽ˡ⁾. A class: the buffers' identity is the point.
final class Workspace<Scalar: NeuralScalar> {
    let capacity: Int
    let widths: [Int]
    let activations: [ScratchBuffer<Scalar>]
    let preactivations: [ScratchBuffer<Scalar>]
    let deltas: [ScratchBuffer<Scalar>]
    let weightGradients: [ScratchBuffer<Scalar>]
    let biasGradients: [ScratchBuffer<Scalar>]
    let targets: ScratchBuffer<Scalar>
    /// Rows in the current batch (≤ capacity).
    var rows = 0

    init(layers: [Dense<Scalar>], capacity: Int) {
        self.capacity = capacity
        widths = [layers[0].inputCount] + layers.map(\.outputCount)
        activations = widths.map { ScratchBuffer(capacity: capacity * $0) }
        preactivations = layers.map { ScratchBuffer(capacity: capacity * $0.outputCount) }
        deltas = layers.map { ScratchBuffer(capacity: capacity * $0.outputCount) }
        weightGradients = layers.map { ScratchBuffer(capacity: $0.weights.count) }
        biasGradients = layers.map { ScratchBuffer(capacity: $0.outputCount) }
        targets = ScratchBuffer(capacity: capacity * widths.last!)
    }

    /// Copies rows `indices` of `inputs` and `targets` into a⁽⁰⁾ and the target buffer.
    func load(inputs: Matrix<Scalar>, targets targetMatrix: Matrix<Scalar>, indices: ArraySlice<Int>) {
        precondition(indices.count <= capacity, "batch of \(indices.count) rows in a workspace for \(capacity)")
        rows = indices.count
        Workspace.gather(inputs, indices, into: activations[0].pointer)
        Workspace.gather(targetMatrix, indices, into: targets.pointer)
    }

    private static func gather(
        _ source: Matrix<Scalar>, _ indices: ArraySlice<Int>, into destination: UnsafeMutablePointer<Scalar>
    ) {
        let width = source.columns
        source.elements.withUnsafeBufferPointer { from in
            for (k, index) in indices.enumerated() {
                (destination + k * width).update(from: from.baseAddress! + index * width, count: width)
            }
        }
    }

    /// Forward pass: z⁽ˡ⁾ = a⁽ˡ⁻¹⁾W⁽ˡ⁾ᵀ + b⁽ˡ⁾ (rows are samples), a⁽ˡ⁾ = f(z⁽ˡ⁾), bias and f fused.
    func forward(_ layers: [Dense<Scalar>]) {
        for (index, layer) in layers.enumerated() {
            let input = activations[index].pointer
            let z = preactivations[index].pointer, a = activations[index + 1].pointer
            let n = layer.outputCount, k = layer.inputCount
            layer.weights.elements.withUnsafeBufferPointer { w in
                Scalar.gemm(
                    false, true, m: rows, n: n, k: k, alpha: 1, a: input, lda: k,
                    b: w.baseAddress!, ldb: k, beta: 0, c: z, ldc: n)
            }
            layer.bias.withUnsafeBufferPointer { b in
                layer.activation.forwardKernel(z: z, a: a, bias: b.baseAddress!, rows: rows, columns: n)
            }
        }
    }

    /// Loss and ∂L/∂a⁽ᴸ⁾ into δ⁽ᴸ⁾; returns the summed batch loss and the number of correct rows.
    func lossGradient(_ loss: Loss) -> (loss: Double, correct: Int) {
        let width = widths.last!
        let output = activations.last!.pointer
        let total = loss.batchKernel(
            prediction: output, target: targets.pointer, gradient: deltas.last!.pointer, rows: rows, columns: width)
        let correct = loss.correctCount(prediction: output, target: targets.pointer, rows: rows, columns: width)
        return (total, correct)
    }

    /// Backward pass from ∂L/∂a⁽ᴸ⁾ (already in δ⁽ᴸ⁾):
    /// δ⁽ˡ⁾ = ∂L/∂a⁽ˡ⁾ ⊙ f′(z⁽ˡ⁾), ∂L/∂W⁽ˡ⁾ = δ⁽ˡ⁾ᵀa⁽ˡ⁻¹⁾ (= Σ over samples of δ a ᵀ), ∂L/∂b⁽ˡ⁾ = Σ rows of δ⁽ˡ⁾,
    /// ∂L/∂a⁽ˡ⁻¹⁾ = δ⁽ˡ⁾W⁽ˡ⁾ (the rows form of W⁽ˡ⁾ᵀδ⁽ˡ⁾); the input gradient of layer 1 is never computed.
    func backward(_ layers: [Dense<Scalar>]) {
        for index in layers.indices.reversed() {
            let layer = layers[index]
            let n = layer.outputCount, k = layer.inputCount
            let delta = deltas[index].pointer
            layer.activation.backwardKernel(
                z: preactivations[index].pointer, a: activations[index + 1].pointer, gradient: delta,
                count: rows * n, columns: n)
            Scalar.gemm(
                true, false, m: n, n: k, k: rows, alpha: 1, a: delta, lda: n,
                b: activations[index].pointer, ldb: k, beta: 0, c: weightGradients[index].pointer, ldc: k)
            Workspace.columnSums(delta, rows: rows, columns: n, into: biasGradients[index].pointer)
            if index > 0 {
                layer.weights.elements.withUnsafeBufferPointer { w in
                    Scalar.gemm(
                        false, false, m: rows, n: k, k: n, alpha: 1, a: delta, lda: n,
                        b: w.baseAddress!, ldb: k, beta: 0, c: deltas[index - 1].pointer, ldc: k)
                }
            }
        }
    }

    /// Backward pass with plain SGD folded into the products. The recursion is `backward`'s, but
    /// W⁽ˡ⁾ ← W⁽ˡ⁾ − η·δ⁽ˡ⁾ᵀa⁽ˡ⁻¹⁾ is one gemm (α = −η, β = 1), issued after δ⁽ˡ⁻¹⁾ has used the old
    /// W⁽ˡ⁾, so ∂L/∂W⁽ˡ⁾ is never written out and re-read; then b⁽ˡ⁾ ← b⁽ˡ⁾ − η·Σ rows of δ⁽ˡ⁾.
    @specialized(where Scalar == Float)
    @specialized(where Scalar == Double)
    func backwardFusingSGD(_ layers: inout [Dense<Scalar>], learningRate eta: Scalar) {
        for index in layers.indices.reversed() {
            let n = layers[index].outputCount, k = layers[index].inputCount
            let delta = deltas[index].pointer
            layers[index].activation.backwardKernel(
                z: preactivations[index].pointer, a: activations[index + 1].pointer, gradient: delta,
                count: rows * n, columns: n)
            let input = activations[index].pointer, rows = rows
            let previousDelta = index > 0 ? deltas[index - 1].pointer : nil
            layers[index].weights.elements.withUnsafeMutableBufferPointer { w in
                if let previousDelta {
                    Scalar.gemm(
                        false, false, m: rows, n: k, k: n, alpha: 1, a: delta, lda: n,
                        b: w.baseAddress!, ldb: k, beta: 0, c: previousDelta, ldc: k)
                }
                Scalar.gemm(
                    true, false, m: n, n: k, k: rows, alpha: -eta, a: delta, lda: n,
                    b: input, ldb: k, beta: 1, c: w.baseAddress!, ldc: k)
            }
            let biasGradient = biasGradients[index].pointer
            Workspace.columnSums(delta, rows: rows, columns: n, into: biasGradient)
            layers[index].bias.withUnsafeMutableBufferPointer { b in
                for j in 0..<n { b[j] -= eta * biasGradient[j] }
            }
        }
    }

    @specialized(where Scalar == Float)
    @specialized(where Scalar == Double)
    static func columnSums(_ m: UnsafePointer<Scalar>, rows: Int, columns: Int, into sums: UnsafeMutablePointer<Scalar>)
    {
        sums.update(repeating: 0, count: columns)
        for i in 0..<rows {
            let row = m + i * columns
            for j in 0..<columns { sums[j] += row[j] }
        }
    }
}
