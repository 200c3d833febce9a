// MARK: - Batched kernels used by Dense (no allocation; loops written for the vectoriser)
//
// Each kernel is compiled for Float and Double (`@specialized`, SE-0460), and generic callers such as
// `Network.train` reach those concrete loops through the specialisations' type check, so the hot
// path never goes through protocol witnesses per element.

extension Activation {
    /// Fused bias + activation over a batch: zᵢⱼ ← zᵢⱼ + bⱼ, aᵢⱼ ← f(zᵢⱼ). (rows, columns) in place.
    @specialized(where T == Float)
    @specialized(where T == Double)
    func forwardKernel<T: NeuralScalar>(
        z: UnsafeMutablePointer<T>, a: UnsafeMutablePointer<T>, bias: UnsafePointer<T>, rows: Int, columns: Int
    ) {
        switch self {
        case .identity: Activation.fused(z, a, bias, rows, columns) { $0 }
        case .sigmoid: Activation.fused(z, a, bias, rows, columns) { Sigmoid().value($0) }
        case .tanh: Activation.fused(z, a, bias, rows, columns) { T.tanh($0) }
        case .relu: Activation.fused(z, a, bias, rows, columns) { $0 > 0 ? $0 : 0 }
        case .leakyReLU(let alpha):
            let f = LeakyReLU(alpha: alpha)
            Activation.fused(z, a, bias, rows, columns) { f.value($0) }
        case .elu(let alpha):
            let f = ELU(alpha: alpha)
            Activation.fused(z, a, bias, rows, columns) { f.value($0) }
        case .softplus: Activation.fused(z, a, bias, rows, columns) { Softplus().value($0) }
        case .gelu: Activation.fused(z, a, bias, rows, columns) { GELU().value($0) }
        case .geluTanh: Activation.fused(z, a, bias, rows, columns) { GELUTanh().value($0) }
        case .swish(let beta):
            let f = Swish(beta: beta)
            Activation.fused(z, a, bias, rows, columns) { f.value($0) }
        case .logSigmoid: Activation.fused(z, a, bias, rows, columns) { LogSigmoid().value($0) }
        case .selu: Activation.fused(z, a, bias, rows, columns) { SELU().value($0) }
        case .celu(let alpha):
            let f = CELU(alpha: alpha)
            Activation.fused(z, a, bias, rows, columns) { f.value($0) }
        case .softsign: Activation.fused(z, a, bias, rows, columns) { Softsign().value($0) }
        case .hardSigmoid(let slope):
            let f = HardSigmoid(slope: slope)
            Activation.fused(z, a, bias, rows, columns) { f.value($0) }
        case .hardTanh: Activation.fused(z, a, bias, rows, columns) { HardTanh().value($0) }
        case .relu6: Activation.fused(z, a, bias, rows, columns) { ReLU6().value($0) }
        case .softmax:
            Activation.fused(z, a, bias, rows, columns) { $0 }
            for i in 0..<rows {
                Softmax.apply(in: UnsafeMutableBufferPointer(start: a + i * columns, count: columns))
            }
        }
    }

    /// Backward through the activation: g ← g ⊙ f′(z) elementwise, or gᵢ ← sᵢ ⊙ (gᵢ − ⟨gᵢ, sᵢ⟩) per row
    /// for softmax (with s = a). `g` holds ∂L/∂a on entry and ∂L/∂z on return.
    @specialized(where T == Float)
    @specialized(where T == Double)
    func backwardKernel<T: NeuralScalar>(
        z: UnsafePointer<T>, a: UnsafePointer<T>, gradient g: UnsafeMutablePointer<T>, count: Int, columns: Int
    ) {
        switch self {
        case .identity: return
        case .sigmoid: for i in 0..<count { g[i] *= a[i] * (1 - a[i]) }
        case .tanh: for i in 0..<count { g[i] *= 1 - a[i] * a[i] }
        case .relu:
            // Multiplying by a 0/1 select (not a conditional store) lets the loop vectorise.
            for i in 0..<count { g[i] *= z[i] > 0 ? 1 : 0 }
        case .leakyReLU(let alpha):
            let f = LeakyReLU(alpha: alpha)
            for i in 0..<count { g[i] *= f.derivative(z[i]) }
        case .elu(let alpha):
            let f = ELU(alpha: alpha)
            for i in 0..<count { g[i] *= f.derivative(z[i]) }
        case .softplus: for i in 0..<count { g[i] *= Softplus().derivative(z[i]) }
        case .gelu: for i in 0..<count { g[i] *= GELU().derivative(z[i]) }
        case .geluTanh: for i in 0..<count { g[i] *= GELUTanh().derivative(z[i]) }
        case .swish(let beta):
            let f = Swish(beta: beta)
            for i in 0..<count { g[i] *= f.derivative(z[i]) }
        case .logSigmoid: for i in 0..<count { g[i] *= LogSigmoid().derivative(z[i]) }
        case .selu: for i in 0..<count { g[i] *= SELU().derivative(z[i]) }
        case .celu(let alpha):
            let f = CELU(alpha: alpha)
            for i in 0..<count { g[i] *= f.derivative(z[i]) }
        case .softsign: for i in 0..<count { g[i] *= Softsign().derivative(z[i]) }
        case .hardSigmoid(let slope):
            let f = HardSigmoid(slope: slope)
            for i in 0..<count { g[i] *= f.derivative(z[i]) }
        case .hardTanh: for i in 0..<count { g[i] *= HardTanh().derivative(z[i]) }
        case .relu6: for i in 0..<count { g[i] *= ReLU6().derivative(z[i]) }
        case .softmax:
            for start in stride(from: 0, to: count, by: columns) {
                var dot: T = 0
                for j in start..<(start + columns) { dot += g[j] * a[j] }
                for j in start..<(start + columns) { g[j] = a[j] * (g[j] - dot) }
            }
        }
    }

    @inline(__always)
    private static func fused<T: NeuralScalar>(
        _ z: UnsafeMutablePointer<T>, _ a: UnsafeMutablePointer<T>, _ bias: UnsafePointer<T>,
        _ rows: Int, _ columns: Int, _ f: (T) -> T
    ) {
        for i in 0..<rows {
            let zRow = z + i * columns, aRow = a + i * columns
            for j in 0..<columns {
                let v = zRow[j] + bias[j]
                zRow[j] = v
                aRow[j] = f(v)
            }
        }
    }
}
