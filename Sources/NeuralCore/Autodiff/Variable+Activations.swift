// MARK: - Activations and losses rebuilt from the tape's primitives (the independent reference)

extension Variable {
    /// σ(x) = 1 / (1 + e⁻ˣ), from exp, + and ÷.
    public func sigmoid() -> Variable { 1 / ((-self).exp() + 1) }

    /// max(0, x) as mask ⊙ x.
    public func relu() -> Variable { masked { $0 > 0 } }

    /// The activation `activation` applied elementwise (row-wise for softmax), built from primitives.
    public func applying(_ activation: Activation) -> Variable {
        switch activation {
        case .identity: return self
        case .sigmoid: return sigmoid()
        case .tanh: return tanh()
        case .relu: return relu()
        case .leakyReLU(let alpha): return masked { $0 >= 0 } + alpha * (masked { $0 < 0 })
        case .elu(let alpha): return masked { $0 > 0 } + alpha * (exp() + -1).masked(over: self) { $0 <= 0 }
        case .softplus: return (exp() + 1).log()
        case .gelu: return self * ((1 / Double(2).squareRoot() * self).erf() + 1).scaled(0.5)
        case .geluTanh:
            let cube = self * self * self
            let inner = (2 / Double.pi).squareRoot() * (self + GELUTanh.cubic * cube)
            return self * (inner.tanh() + 1).scaled(0.5)
        case .swish(let beta): return self * (beta * self).sigmoid()
        case .logSigmoid: return -((-self).exp() + 1).log()
        case .selu:
            let negative = (SELU.lambda * SELU.alpha) * (exp() + -1).masked(over: self) { $0 <= 0 }
            return SELU.lambda * masked { $0 > 0 } + negative
        case .celu(let alpha):
            return masked { $0 > 0 } + alpha * ((1 / alpha * self).exp() + -1).masked(over: self) { $0 <= 0 }
        case .softsign:
            return self / (magnitude() + 1)
        case .hardSigmoid(let slope):
            let ramp = (slope * self + 0.5).masked(over: self) { (slope * $0 + 0.5) > 0 && (slope * $0 + 0.5) < 1 }
            return ramp + constant { slope * $0 + 0.5 >= 1 ? 1 : 0 }
        case .hardTanh:
            return masked { $0 > -1 && $0 < 1 } + constant { $0 >= 1 ? 1 : $0 <= -1 ? -1 : 0 }
        case .relu6: return masked { $0 > 0 && $0 < 6 } + constant { $0 >= 6 ? 6 : 0 }
        case .softmax:
            let e = exp()
            return e / e.rowSums().broadcastColumn(to: value.columns)
        }
    }

    /// |x| as sign(x) ⊙ x, valid away from 0.
    public func magnitude() -> Variable { masked { $0 > 0 } - masked { $0 < 0 } }

    /// c·x, named (reads better in chains than `c * x`).
    public func scaled(_ c: Double) -> Variable { c * self }

    /// A constant (no gradient) of this variable's shape, computed from its values: the flat parts of
    /// clipped activations.
    func constant(_ entry: (Double) -> Double) -> Variable { tape.constant(value.map(entry)) }

    /// mask ⊙ self with the mask taken from `other`'s values.
    func masked(over other: Variable, _ keep: (Double) -> Bool) -> Variable {
        let mask = other.value.map { keep($0) ? 1 : 0 }
        return tape.record(value.hadamard(mask), [(index, { $0.hadamard(mask) })])
    }

    /// The batch-mean loss of predictions `self` (b, n) against constant targets `y` (b, n), from primitives.
    public func loss(_ loss: Loss, targets y: Matrix<Double>) -> Variable {
        precondition(value.shape == y.shape, "loss: predictions \(value.shapeText), targets \(y.shapeText)")
        let t = tape.constant(y)
        let batch = Double(value.rows), n = Double(value.columns)
        let perBatch: Variable
        switch loss {
        case .sumSquaredError: perBatch = ((self - t) * (self - t)).sum()
        case .meanSquaredError: perBatch = ((self - t) * (self - t)).sum().scaled(1 / n)
        case .binaryCrossEntropy:
            perBatch = -(t * log() + (-t + 1) * (-self + 1).log()).sum()
        case .binaryCrossEntropyWithLogits:
            let p = sigmoid()
            perBatch = -(t * p.log() + (-t + 1) * (-p + 1).log()).sum()
        case .crossEntropy: perBatch = -(t * log()).sum()
        case .softmaxCrossEntropy: perBatch = -(t * applying(.softmax).log()).sum()
        case .meanAbsoluteError: perBatch = (self - t).magnitude().sum().scaled(1 / n)
        case .huber(let delta):
            let a = self - t
            let quadratic = (a * a).scaled(0.5).masked(over: a) { $0.magnitude <= delta }
            let linear = delta * (a.magnitude() + -delta / 2).masked(over: a) { $0.magnitude > delta }
            perBatch = (quadratic + linear).sum().scaled(1 / n)
        case .hinge:
            let slack = -(t * self) + 1
            perBatch = slack.masked(over: slack) { $0 > 0 }.sum()
        case .multiclassHinge(let margin):
            let correct = (t * self).rowSums().broadcastColumn(to: value.columns)
            let margins = self - correct + margin
            perBatch = (tape.constant(y.map { 1 - $0 }) * margins).masked(over: margins) { $0 > 0 }.sum()
        case .klDivergence:
            let targetEntropy = y.elements.reduce(0) { $0 + ($1 > 0 ? $1 * Double.log($1) : 0) }
            perBatch = -(t * log()).sum() + targetEntropy
        case .negativeLogLikelihood: perBatch = -(t * self).sum()
        }
        return perBatch.scaled(1 / batch)
    }
}
