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
            Function(
                name: "GELU", engineName: "NeuralCore GELU", keys: ["gelu"],
                kind: .scalar(
                    value: Activation.gelu.function, derivative: Activation.gelu.derivativeFunction, kinks: []),
                variants: [activation(.geluTanh, keys: ["gelutanh", "geluapprox"])]),
            parametric(
                "swish", keys: ["swish", "silu"], parameter: ["β", "beta", "b"], defaultValue: 1, kinks: [],
                make: { Activation.swish(beta: $0) }),
            activation(.logSigmoid, keys: ["logsigmoid", "logσ"]),
            Function(
                name: "SELU", engineName: "NeuralCore SELU", keys: ["selu"],
                kind: .scalar(
                    value: Activation.selu.function, derivative: Activation.selu.derivativeFunction, kinks: [0]),
                constants: ["λ": SELU.lambda, "α": SELU.alpha, "lambda": SELU.lambda, "alpha": SELU.alpha]),
            parametric(
                "CELU", keys: ["celu"], parameter: ["α", "alpha"], defaultValue: 1, kinks: [0],
                make: { Activation.celu(alpha: $0) }),
            activation(.softsign, keys: ["softsign"]),
            activation(.relu6, keys: ["relu6"], kinks: [0, 6]),
            activation(.hardTanh, keys: ["hardtanh"], kinks: [-1, 1]),
            parametric(
                "hard sigmoid", keys: ["hardsigmoid", "hardσ"], parameter: ["s", "α", "a"], defaultValue: 1.0 / 6,
                kinks: [], make: { Activation.hardSigmoid(slope: $0) }),
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
            loss(
                .sumSquaredError, "SumSquaredError", "squared error", keys: ["sse"], names: [["squared", "error"]],
                marks: [.square],
                prediction: .real, target: .real),
            loss(
                .meanSquaredError, "MeanSquaredError", "mean squared error", keys: ["mse", "l2loss"],
                names: [["mean", "squared", "error"], ["mse"]], marks: [.square], prediction: .real, target: .real),
            loss(
                .binaryCrossEntropy, "BinaryCrossEntropy", "binary cross-entropy", keys: ["bce"],
                names: [["binary", "cross-entropy"], ["binary", "cross", "entropy"], ["bce"]],
                marks: [.log], prediction: .probability, target: .values([0, 1])),
            loss(
                .crossEntropy, "CrossEntropy", "categorical cross-entropy", keys: ["ce", "crossentropy", "xent"],
                names: [["cross-entropy"], ["cross", "entropy"]], marks: [.log], prediction: .distribution,
                target: .oneHot),
            loss(
                .meanAbsoluteError, "MeanAbsoluteError", "mean absolute error", keys: ["mae", "l1loss"],
                names: [["mean", "absolute", "error"], ["mae"]], marks: [.absolute], prediction: .real, target: .real),
            loss(
                .huber(delta: 1), "Huber", "Huber loss", keys: ["huber", "huberloss"], names: [["huber"]],
                marks: [.cases, .absolute], prediction: .real, target: .real, parameterNames: ["δ", "delta"],
                withParameter: { delta in
                    { p, t in NeuralCore.Loss.huber(delta: delta).value(prediction: p, target: t) }
                }),
            loss(
                .hinge, "Hinge", "hinge loss", keys: ["hinge", "hingeloss"], names: [["hinge"]], marks: [.maximum],
                prediction: .real, target: .values([-1, 1])),
            loss(
                .klDivergence, "KLDivergence", "KL divergence", keys: ["dkl", "kl", "kldivergence", "dkl"],
                names: [["kl", "divergence"], ["kullback"], ["relative", "entropy"]], marks: [.log],
                prediction: .distribution, target: .distribution),
        ],
        reductions: [
            Reduction(
                name: "entropy", engineName: "NeuralCore Entropy", keys: ["entropy"], names: [["entropy"]],
                domain: .distribution, value: { Entropy().value($0) }),
            Reduction(
                name: "log-sum-exp", engineName: "NeuralCore LogSumExp", keys: ["lse", "logsumexp"],
                names: [["log-sum-exp"], ["logsumexp"], ["log", "sum", "exp"]], domain: .real,
                value: { LogSumExp().value($0) }),
        ],
        update: { w, g, eta in SGD(learningRate: eta).updated(w, gradient: g) },
        updateName: "NeuralCore SGD step w ← w − η·∂L/∂w", rules: EngineRule.neuralCore)

    /// A loss of the engine with the names lessons give it.
    private static func loss(
        _ loss: NeuralCore.Loss, _ engineType: String, _ name: String, keys: [String], names: [[String]],
        marks: Set<Loss.Mark>,
        prediction: Domain, target: Domain, parameterNames: [String] = [],
        withParameter: (@Sendable (Double) -> @Sendable ([Double], [Double]) -> Double)? = nil
    ) -> Loss {
        var entry = Loss(
            name: name, engineName: "NeuralCore \(engineType)",
            value: { loss.value(prediction: $0, target: $1) }, batchValue: { batch(loss, $0, $1) },
            predictionDomain: prediction, targetDomain: target)
        entry.keys = keys.map(FunctionName.normalise)
        entry.names = names
        entry.marks = marks
        entry.parameterNames = parameterNames
        entry.withParameter = withParameter
        return entry
    }

    /// The engine's mean loss over N samples of one output each (a column of predictions).
    private static func batch(_ loss: NeuralCore.Loss, _ predictions: [Double], _ targets: [Double]) -> Double {
        loss.value(
            predictions: Matrix(rows: predictions.count, columns: 1, elements: predictions),
            targets: Matrix(rows: targets.count, columns: 1, elements: targets))
    }

    /// A family of activations with one parameter, built by the engine for each value.
    private static func parametric(
        _ name: String, keys: [String], parameter: [String], defaultValue: Double, kinks: [Double],
        make: @escaping @Sendable (Double) -> Activation
    ) -> Function {
        Function(
            name: name, engineName: "NeuralCore \(name)", keys: keys,
            kind: .parametric(
                make: { value in
                    let f = make(value)
                    return (value: f.function, derivative: f.derivativeFunction)
                }, defaultParameter: defaultValue, parameterNames: parameter, kinks: kinks))
    }

    private static func activation(_ activation: Activation, keys: [String], kinks: [Double] = []) -> Function {
        Function(
            name: activation.name, engineName: "NeuralCore \(activation.name)", keys: keys,
            kind: .scalar(value: activation.function, derivative: activation.derivativeFunction, kinks: kinks))
    }
}
