/// Batch normalisation over a batch of rows, per feature (column) j (Ioffe & Szegedy, 2015,
/// "Batch normalization", Algorithm 1 and §3):
///
///     μⱼ = (1/N) Σᵢ xᵢⱼ,   σⱼ² = (1/N) Σᵢ (xᵢⱼ − μⱼ)²,   x̂ᵢⱼ = (xᵢⱼ − μⱼ)/√(σⱼ² + ε),   yᵢⱼ = γⱼx̂ᵢⱼ + βⱼ
///
/// and its backward pass, with gᵢⱼ = ∂L/∂yᵢⱼ and ĝᵢⱼ = gᵢⱼγⱼ:
///
///     ∂L/∂βⱼ = Σᵢ gᵢⱼ,   ∂L/∂γⱼ = Σᵢ gᵢⱼx̂ᵢⱼ,
///     ∂L/∂xᵢⱼ = (1/N)(σⱼ² + ε)^{−½} (N ĝᵢⱼ − Σₖ ĝₖⱼ − x̂ᵢⱼ Σₖ ĝₖⱼx̂ₖⱼ).
///
/// Training normalises with the batch's own (biased) statistics; inference with running averages,
/// updated PyTorch's way: μ_run ← (1 − m)μ_run + mμ and σ²_run ← (1 − m)σ²_run + m·σ²·N/(N − 1)
/// (the unbiased variance, unless `unbiasedRunningVariance` is false), with m = 0.1 and ε = 10⁻⁵ by
/// default. Keras writes the same average with momentum 1 − m. Shapes (batch, features) → (batch,
/// features); every sum runs in a fixed order, so `Double` results are reproducible.
public struct BatchNormalization<T: NeuralScalar>: Sendable, Equatable {
    /// The scale γ, one per feature (1 at the start).
    public var gamma: [T]
    /// The shift β, one per feature (0 at the start).
    public var beta: [T]
    /// ε added to the variance under the square root.
    public var epsilon: Double
    /// The weight m of the new batch in the running averages.
    public var momentum: Double
    /// Whether the running variance takes the batch variance times N/(N − 1) (PyTorch) or as is.
    public var unbiasedRunningVariance: Bool
    /// The running mean used at inference (0 at the start).
    public var runningMean: [T]
    /// The running variance used at inference (1 at the start).
    public var runningVariance: [T]

    /// Batch normalisation of `features` features, γ = 1, β = 0, running mean 0 and variance 1.
    public init(features: Int, epsilon: Double = 1e-5, momentum: Double = 0.1, unbiasedRunningVariance: Bool = true) {
        precondition(features > 0, "BatchNormalization: \(features) features")
        gamma = Array(repeating: 1, count: features)
        beta = Array(repeating: 0, count: features)
        self.epsilon = epsilon
        self.momentum = momentum
        self.unbiasedRunningVariance = unbiasedRunningVariance
        runningMean = Array(repeating: 0, count: features)
        runningVariance = Array(repeating: 1, count: features)
    }

    /// The number of features normalised.
    public var features: Int { gamma.count }

    /// Training-mode forward with the batch's statistics; the running averages are left as they are.
    public func forward(_ x: Matrix<T>) -> NormalizationForward<T> {
        checkWidth(x)
        precondition(x.rows > 0, "BatchNormalization: an empty batch has no statistics")
        let n = x.rows, d = x.columns
        var mean = [T](repeating: 0, count: d), variance = [T](repeating: 0, count: d)
        for j in 0..<d {
            var total: T = 0
            for i in 0..<n { total += x.elements[i * d + j] }
            mean[j] = total / T(n)
            var squares: T = 0
            for i in 0..<n {
                let c = x.elements[i * d + j] - mean[j]
                squares += c * c
            }
            variance[j] = squares / T(n)
        }
        return normalize(x, mean: mean, variance: variance)
    }

    /// Training-mode forward that also moves the running averages towards this batch's statistics.
    public mutating func trainingForward(_ x: Matrix<T>) -> NormalizationForward<T> {
        let pass = forward(x)
        let m = T(momentum), n = T(x.rows)
        let correction: T = unbiasedRunningVariance && x.rows > 1 ? n / (n - 1) : 1
        for j in 0..<features {
            runningMean[j] = (1 - m) * runningMean[j] + m * pass.mean[j]
            runningVariance[j] = (1 - m) * runningVariance[j] + m * pass.variance[j] * correction
        }
        return pass
    }

    /// Inference: yᵢⱼ = γⱼ(xᵢⱼ − μ_run,ⱼ)/√(σ²_run,ⱼ + ε) + βⱼ.
    public func inference(_ x: Matrix<T>) -> Matrix<T> {
        checkWidth(x)
        return normalize(x, mean: runningMean, variance: runningVariance).output
    }

    /// The backward pass for `upstream` = ∂L/∂y (batch, features) through `pass`, a training-mode forward.
    public func backward(_ upstream: Matrix<T>, through pass: NormalizationForward<T>) -> NormalizationGradients<T> {
        precondition(
            upstream.shape == pass.output.shape,
            "BatchNormalization.backward: upstream \(upstream.shapeText), output \(pass.output.shapeText)")
        return NormalizationGradients(upstream, through: pass, gamma: gamma, groupsAreColumns: true)
    }

    private func normalize(_ x: Matrix<T>, mean: [T], variance: [T]) -> NormalizationForward<T> {
        let n = x.rows, d = x.columns
        let inverse = variance.map { 1 / ($0 + T(epsilon)).squareRoot() }
        var xHat = [T](repeating: 0, count: n * d), y = xHat
        for i in 0..<n {
            for j in 0..<d {
                let k = i * d + j
                xHat[k] = (x.elements[k] - mean[j]) * inverse[j]
                y[k] = gamma[j] * xHat[k] + beta[j]
            }
        }
        return NormalizationForward(
            output: Matrix(rows: n, columns: d, elements: y), normalized: Matrix(rows: n, columns: d, elements: xHat),
            mean: mean, variance: variance, inverseStandardDeviation: inverse)
    }

    private func checkWidth(_ x: Matrix<T>) {
        precondition(x.columns == features, "BatchNormalization of \(features) features on a \(x.shapeText) batch")
    }
}
