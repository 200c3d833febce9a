import Formulas
import NeuralCore

extension Catalog {
    /// The catalog of NeuralCore: its activations (with derivatives), softmax, losses and SGD.
    public static let neuralCore = Catalog(
        functions: [
            activation(.sigmoid, keys: ["σ", "sigmoid", "logistic", "sigm"]),
            activation(.tanh, keys: ["tanh"]),
            activation(.relu, keys: ["relu"], kinks: [0]),
            Function(
                name: "leaky ReLU", engineName: "NeuralCore LeakyReLU", keys: ["leakyrelu", "lrelu", "leaky"],
                kind: .parametric(
                    make: { alpha in
                        let f = LeakyReLU(alpha: alpha)
                        return (value: { f.value($0) }, derivative: { f.derivative($0) })
                    },
                    defaultParameter: 0.01, parameterNames: ["α", "alpha", "a", "λ", "β"], kinks: [0])),
            Function(
                name: "ELU", engineName: "NeuralCore ELU", keys: ["elu"],
                kind: .parametric(
                    make: { alpha in
                        let f = Activation.elu(alpha: alpha)
                        return (value: { f.value($0) }, derivative: { f.derivative($0) })
                    },
                    defaultParameter: 1, parameterNames: ["α", "alpha"], kinks: [0])),
            activation(.softplus, keys: ["softplus"]),
            activation(.gelu, keys: ["gelu"]),
            activation(.swish, keys: ["swish", "silu"]),
            Function(
                name: "softmax", engineName: "NeuralCore Softmax", keys: ["softmax"],
                kind: .vector(
                    value: { Softmax().value($0) },
                    jacobianProduct: { x, v in
                        // The softmax Jacobian is symmetric, so its vector–Jacobian product is J·v.
                        Softmax().vectorJacobianProduct(x, upstream: v)
                    })),
        ],
        losses: [
            Loss(
                name: "squared error", engineName: "NeuralCore SumSquaredError",
                value: { NeuralCore.Loss.sumSquaredError.value(prediction: $0, target: $1) },
                batchValue: { batch(.sumSquaredError, $0, $1) },
                predictionDomain: .real, targetDomain: .real),
            Loss(
                name: "mean squared error", engineName: "NeuralCore MeanSquaredError",
                value: { NeuralCore.Loss.meanSquaredError.value(prediction: $0, target: $1) },
                batchValue: { batch(.meanSquaredError, $0, $1) },
                predictionDomain: .real, targetDomain: .real),
            Loss(
                name: "binary cross-entropy", engineName: "NeuralCore BinaryCrossEntropy",
                value: { NeuralCore.Loss.binaryCrossEntropy.value(prediction: $0, target: $1) },
                batchValue: { batch(.binaryCrossEntropy, $0, $1) },
                predictionDomain: .probability, targetDomain: .values([0, 1])),
            Loss(
                name: "categorical cross-entropy", engineName: "NeuralCore CrossEntropy",
                value: { NeuralCore.Loss.crossEntropy.value(prediction: $0, target: $1) },
                batchValue: { batch(.crossEntropy, $0, $1) },
                predictionDomain: .distribution, targetDomain: .oneHot),
        ],
        update: { w, g, eta in SGD(learningRate: eta).updated(w, gradient: g) },
        updateName: "NeuralCore SGD step w ← w − η·∂L/∂w", rules: EngineRule.neuralCore)

    /// The engine's mean loss over N samples of one output each (a column of predictions).
    private static func batch(_ loss: NeuralCore.Loss, _ predictions: [Double], _ targets: [Double]) -> Double {
        loss.value(
            predictions: Matrix(rows: predictions.count, columns: 1, elements: predictions),
            targets: Matrix(rows: targets.count, columns: 1, elements: targets))
    }

    private static func activation(_ activation: Activation, keys: [String], kinks: [Double] = []) -> Function {
        Function(
            name: activation.name, engineName: "NeuralCore \(activation.name)", keys: keys,
            kind: .scalar(value: activation.function, derivative: activation.derivativeFunction, kinks: kinks))
    }
}
