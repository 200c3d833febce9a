// MARK: - Looking losses up by the names lessons use

extension Loss {
    /// The loss a lesson names, case-, space- and punctuation-insensitively: `MSE`/`mean squared error`,
    /// `SSE`/`sum squared error`, `BCE`/`binary cross entropy`, `BCE with logits`, `cross entropy`/
    /// `categorical cross entropy`, `softmax cross entropy`. Nil for anything else.
    public init?(named name: String) {
        switch name.lowercased().filter({ $0.isLetter || $0.isNumber }) {
        case "mse", "meansquarederror": self = .meanSquaredError
        case "sse", "sumsquarederror", "sumofsquarederrors": self = .sumSquaredError
        case "bce", "binarycrossentropy": self = .binaryCrossEntropy
        case "bcewithlogits", "binarycrossentropywithlogits": self = .binaryCrossEntropyWithLogits
        case "crossentropy", "categoricalcrossentropy", "cce": self = .crossEntropy
        case "softmaxcrossentropy", "softmaxcrossentropywithlogits": self = .softmaxCrossEntropy
        default: return nil
        }
    }
}
