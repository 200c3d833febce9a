/// A fully connected layer a = f(Wx + b), in the lessons' notation
/// z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾, a⁽ˡ⁾ = f(z⁽ˡ⁾).
///
/// W is stored as the lessons write it, (n_out, n_in) = n_l × n_{l−1}, and b has n_out entries.
/// A single sample is a column (`forward(column:)`); a batch is rows, (batch, n_in) → (batch, n_out),
/// computed as Z = A·Wᵀ + 1bᵀ with the transpose read in place by `gemm`.
public struct Dense<Scalar: NeuralScalar>: Sendable, Equatable {
    /// W⁽ˡ⁾, shape (outputs, inputs).
    public var weights: Matrix<Scalar>
    /// b⁽ˡ⁾, `outputs` entries.
    public var bias: [Scalar]
    /// f, applied to z⁽ˡ⁾.
    public var activation: Activation

    /// Number of inputs n_{l−1}.
    public var inputCount: Int { weights.columns }
    /// Number of outputs n_l.
    public var outputCount: Int { weights.rows }

    /// A layer with the given weights (outputs, inputs), bias and activation.
    public init(weights: Matrix<Scalar>, bias: [Scalar], activation: Activation) {
        precondition(
            bias.count == weights.rows,
            "Dense: weights \(weights.shapeText) need \(weights.rows) biases, got \(bias.count)")
        self.weights = weights
        self.bias = bias
        self.activation = activation
    }

    /// A layer `inputs → outputs` with weights drawn by `initialization` from `rng` and zero biases.
    public init(
        _ inputs: Int, _ outputs: Int, activation: Activation,
        init initialization: WeightInitialization = .xavier, rng: inout SeededGenerator
    ) {
        precondition(inputs > 0 && outputs > 0, "Dense(\(inputs), \(outputs)): sizes must be positive")
        self.init(
            weights: initialization.weights(inputs: inputs, outputs: outputs, rng: &rng),
            bias: Array(repeating: 0, count: outputs), activation: activation)
    }

    /// z = Wx + b for one column sample x: n_in → n_out.
    public func preactivation(column x: [Scalar]) -> [Scalar] {
        precondition(
            x.count == inputCount,
            "Dense.forward: W is \(weights.shapeText), x is (\(x.count), 1)")
        return (0..<outputCount).map { i in
            var total = bias[i]
            for j in 0..<inputCount { total += weights[i, j] * x[j] }
            return total
        }
    }

    /// a = f(Wx + b) for one column sample x: n_in → n_out.
    public func forward(column x: [Scalar]) -> [Scalar] {
        activation.vectorValue(preactivation(column: x))
    }

    /// A = f(X·Wᵀ + 1bᵀ) for a batch of rows: (batch, inputs) → (batch, outputs).
    public func forward(_ inputs: Matrix<Scalar>) -> Matrix<Scalar> {
        precondition(
            inputs.columns == inputCount,
            "Dense.forward: inputs \(inputs.shapeText) but W is \(weights.shapeText) (needs (batch, \(inputCount)))")
        var z = inputs.product(weights, transposingOther: true)
        var a = z
        z.elements.withUnsafeMutableBufferPointer { zp in
            a.elements.withUnsafeMutableBufferPointer { ap in
                bias.withUnsafeBufferPointer { bp in
                    activation.forwardKernel(
                        z: zp.baseAddress!, a: ap.baseAddress!, bias: bp.baseAddress!,
                        rows: inputs.rows, columns: outputCount)
                }
            }
        }
        return a
    }
}
