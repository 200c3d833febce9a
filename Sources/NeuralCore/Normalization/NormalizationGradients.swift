/// The gradients of a normalisation's backward pass: ∂L/∂x, ∂L/∂γ and ∂L/∂β.
public struct NormalizationGradients<T: NeuralScalar>: Sendable, Equatable {
    /// ∂L/∂x: (batch, features).
    public var input: Matrix<T>
    /// ∂L/∂γ, one per feature.
    public var gamma: [T]
    /// ∂L/∂β, one per feature.
    public var beta: [T]
}

extension NormalizationGradients {
    /// The backward pass of a normalisation with scale γ and shift β per feature, for `upstream` =
    /// ∂L/∂y (batch, features) through `pass`. Each group of values normalised together (a
    /// feature's column over the batch for batch normalisation, a sample's row for layer
    /// normalisation) gets ∂L/∂x = (1/(σ·m))·(m·gγ − Σ gγ − x̂·Σ gγx̂) over its m values.
    init(_ upstream: Matrix<T>, through pass: NormalizationForward<T>, gamma: [T], groupsAreColumns: Bool) {
        let n = upstream.rows, d = upstream.columns
        let g = upstream.elements, xHat = pass.normalized.elements
        let (groups, members) = groupsAreColumns ? (d, n) : (n, d)
        var dx = [T](repeating: 0, count: n * d)
        var dGamma = [T](repeating: 0, count: d), dBeta = [T](repeating: 0, count: d)
        for group in 0..<groups {
            var sum: T = 0, dot: T = 0
            for member in 0..<members {
                let (i, j) = groupsAreColumns ? (member, group) : (group, member)
                let k = i * d + j
                dBeta[j] += g[k]
                dGamma[j] += g[k] * xHat[k]
                sum += g[k] * gamma[j]
                dot += g[k] * gamma[j] * xHat[k]
            }
            let scale = pass.inverseStandardDeviation[group] / T(members)
            for member in 0..<members {
                let (i, j) = groupsAreColumns ? (member, group) : (group, member)
                let k = i * d + j
                dx[k] = scale * (T(members) * g[k] * gamma[j] - sum - xHat[k] * dot)
            }
        }
        self.init(input: Matrix(rows: n, columns: d, elements: dx), gamma: dGamma, beta: dBeta)
    }
}
