// MARK: - Looking activations up by the names lessons use

extension Activation {
    /// The activation a lesson names, case- and punctuation-insensitively: `sigmoid` (also `logistic`, `σ`),
    /// `tanh`, `ReLU`, `leaky ReLU` (α = `leakyAlpha`), `ELU` (α = 1), `softplus`, `GELU`, `GELU tanh`
    /// (also `approximate GELU`), `swish`/`SiLU` (β = 1), `log-sigmoid`, `SELU`, `CELU` (α = 1),
    /// `softsign`, `hard sigmoid` (slope 1/6), `hard tanh`, `ReLU6`, `softmax`, `identity`/`linear`.
    /// Nil for anything else: an unknown name is never guessed.
    public init?(named name: String, leakyAlpha: Double = 0.01) {
        let key = name.lowercased().filter { $0.isLetter || $0.isNumber }
        switch key {
        case "identity", "linear": self = .identity
        case "sigmoid", "logistic", "σ": self = .sigmoid
        case "tanh": self = .tanh
        case "relu": self = .relu
        case "leakyrelu", "lrelu": self = .leakyReLU(alpha: leakyAlpha)
        case "elu": self = .elu(alpha: 1)
        case "softplus": self = .softplus
        case "gelu": self = .gelu
        case "gelutanh", "approximategelu", "geluapproximate", "gelutanhapproximation": self = .geluTanh
        case "swish", "silu": self = .swish
        case "logsigmoid": self = .logSigmoid
        case "selu": self = .selu
        case "celu": self = .celu(alpha: 1)
        case "softsign": self = .softsign
        case "hardsigmoid": self = .hardSigmoid(slope: 1.0 / 6)
        case "hardtanh": self = .hardTanh
        case "relu6": self = .relu6
        case "softmax": self = .softmax
        default: return nil
        }
    }
}
