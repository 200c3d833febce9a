// MARK: - Batched loss + gradient in one pass (used by the training step)

extension Loss {
    /// Writes ∂(mean batch loss)/∂ŷ into `g` and returns the summed (not yet averaged) batch loss.
    /// All buffers are (rows, columns) row-major. The squared errors and the fused softmax
    /// cross-entropy run without allocating; the others go through the per-sample functions.
    @specialized(where T == Float)
    @specialized(where T == Double)
    func batchKernel<T: NeuralScalar>(
        prediction p: UnsafePointer<T>, target y: UnsafePointer<T>, gradient g: UnsafeMutablePointer<T>,
        rows: Int, columns: Int
    ) -> Double {
        let invBatch = 1 / T(rows)
        var total: T = 0
        switch self {
        case .sumSquaredError, .meanSquaredError:
            let perSample: T = self == .meanSquaredError ? 1 / T(columns) : 1
            for i in 0..<(rows * columns) {
                let d = p[i] - y[i]
                total += d * d * perSample
                g[i] = 2 * d * perSample * invBatch
            }
        case .softmaxCrossEntropy:
            for i in 0..<rows {
                let z = p + i * columns, t = y + i * columns, gr = g + i * columns
                var m = z[0]
                for j in 1..<columns where z[j] > m { m = z[j] }
                var sum: T = 0, mass: T = 0, dot: T = 0
                for j in 0..<columns {
                    let e = T.exp(z[j] - m)
                    gr[j] = e
                    sum += e
                    mass += t[j]
                    dot += t[j] * z[j]
                }
                // L = Σ y (lse − z) = mass·lse − ⟨y, z⟩ with lse = m + log Σ e^{z − m}.
                total += mass * (m + T.log(sum)) - dot
                let scale = mass / sum * invBatch
                for j in 0..<columns { gr[j] = gr[j] * scale - t[j] * invBatch }
            }
        default:
            for i in 0..<rows {
                let prediction = Array(UnsafeBufferPointer(start: p + i * columns, count: columns))
                let target = Array(UnsafeBufferPointer(start: y + i * columns, count: columns))
                total += value(prediction: prediction, target: target)
                let gradient = self.gradient(prediction: prediction, target: target)
                for j in 0..<columns { g[i * columns + j] = gradient[j] * invBatch }
            }
        }
        return Double(total)
    }

    /// Number of rows whose prediction is right: argmax match for several outputs; for one output,
    /// ŷ and y on the same side of ½ (or of 0 for logits against targets in {0, 1}).
    @specialized(where T == Float)
    @specialized(where T == Double)
    func correctCount<T: NeuralScalar>(
        prediction p: UnsafePointer<T>, target y: UnsafePointer<T>, rows: Int, columns: Int
    ) -> Int {
        var correct = 0
        if columns == 1 {
            let threshold: T = takesLogits ? 0 : T(0.5)
            for i in 0..<rows where (p[i] > threshold) == (y[i] > T(0.5)) { correct += 1 }
            return correct
        }
        for i in 0..<rows {
            var best = 0, bestTarget = 0
            for j in 1..<columns {
                if p[i * columns + j] > p[i * columns + best] { best = j }
                if y[i * columns + j] > y[i * columns + bestTarget] { bestTarget = j }
            }
            if best == bestTarget { correct += 1 }
        }
        return correct
    }
}
