/// Layer normalisation over the features of each sample (row) i (Ba, Kiros & Hinton, 2016,
/// "Layer normalization", eq. 4):
///
///     μᵢ = (1/D) Σⱼ xᵢⱼ,   σᵢ² = (1/D) Σⱼ (xᵢⱼ − μᵢ)²,   x̂ᵢⱼ = (xᵢⱼ − μᵢ)/√(σᵢ² + ε),   yᵢⱼ = γⱼx̂ᵢⱼ + βⱼ
///
/// and its backward pass, with gᵢⱼ = ∂L/∂yᵢⱼ and ĝᵢⱼ = gᵢⱼγⱼ:
///
///     ∂L/∂βⱼ = Σᵢ gᵢⱼ,   ∂L/∂γⱼ = Σᵢ gᵢⱼx̂ᵢⱼ,
///     ∂L/∂xᵢⱼ = (1/D)(σᵢ² + ε)^{−½} (D ĝᵢⱼ − Σₖ ĝᵢₖ − x̂ᵢⱼ Σₖ ĝᵢₖx̂ᵢₖ).
///
/// The same statistics at training and inference (no running averages); ε = 10⁻⁵ by default.
/// Shapes (batch, features) → (batch, features); sums run in a fixed order.
public struct LayerNormalization<T: NeuralScalar>: Sendable, Equatable {
    /// The scale γ, one per feature (1 at the start).
    public var gamma: [T]
    /// The shift β, one per feature (0 at the start).
    public var beta: [T]
    /// ε added to the variance under the square root.
    public var epsilon: Double

    /// Layer normalisation of `features` features, γ = 1, β = 0.
    public init(features: Int, epsilon: Double = 1e-5) {
        precondition(features > 0, "LayerNormalization: \(features) features")
        gamma = Array(repeating: 1, count: features)
        beta = Array(repeating: 0, count: features)
        self.epsilon = epsilon
    }

    /// The number of features normalised.
    public var features: Int { gamma.count }

    /// The forward pass, each row with its own mean and variance.
    public func forward(_ x: Matrix<T>) -> NormalizationForward<T> {
        precondition(x.columns == features, "LayerNormalization of \(features) features on a \(x.shapeText) batch")
        let n = x.rows, d = x.columns
        var mean = [T](repeating: 0, count: n), variance = mean, inverse = mean
        var xHat = [T](repeating: 0, count: n * d), y = xHat
        for i in 0..<n {
            var total: T = 0
            for j in 0..<d { total += x.elements[i * d + j] }
            mean[i] = total / T(d)
            var squares: T = 0
            for j in 0..<d {
                let c = x.elements[i * d + j] - mean[i]
                squares += c * c
            }
            variance[i] = squares / T(d)
            inverse[i] = 1 / (variance[i] + T(epsilon)).squareRoot()
            for j in 0..<d {
                let k = i * d + j
                xHat[k] = (x.elements[k] - mean[i]) * inverse[i]
                y[k] = gamma[j] * xHat[k] + beta[j]
            }
        }
        return NormalizationForward(
            output: Matrix(rows: n, columns: d, elements: y), normalized: Matrix(rows: n, columns: d, elements: xHat),
            mean: mean, variance: variance, inverseStandardDeviation: inverse)
    }

    /// The backward pass for `upstream` = ∂L/∂y (batch, features) through `pass`.
    public func backward(_ upstream: Matrix<T>, through pass: NormalizationForward<T>) -> NormalizationGradients<T> {
        precondition(
            upstream.shape == pass.output.shape,
            "LayerNormalization.backward: upstream \(upstream.shapeText), output \(pass.output.shapeText)")
        return NormalizationGradients(upstream, through: pass, gamma: gamma, groupsAreColumns: false)
    }
}
