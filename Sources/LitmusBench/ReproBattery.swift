import NeuralCore

/// The `Double` computations whose bits `litmus-bench repro` reports: every public NeuralCore
/// path a lesson can reach (products of many shapes with transposed operands and α, β; every
/// activation and derivative, batched and per sample; every loss and vector reduction; batch and
/// layer normalisation; seeded training with every optimizer and learning-rate schedules; each
/// weight initialisation; the autodiff tape; the elementary functions), each section hashed on its
/// own so a mismatch names what differs. The lists come from the engine's own catalogues
/// (`Activation.all`, `Loss.allCases`, …), so a new entry joins by itself. Sized to run in about a
/// second in a debug build.
enum ReproBattery {
    /// Each section's name and digest, in a fixed order.
    static func run() -> [(name: String, digest: BitDigest)] {
        [
            ("products", products()), ("elementary", elementary()), ("activations", activations()),
            ("losses", losses()), ("normalisation", normalisation()), ("initialisation", initialisation()),
            ("training", training()), ("tape", tape()),
        ]
    }

    // MARK: - Sections

    static func products() -> BitDigest {
        var digest = BitDigest()
        var rng = SeededGenerator(seed: 11)
        let shapes = [(1, 1, 1), (2, 3, 4), (7, 5, 3), (16, 16, 16), (33, 17, 29), (9, 70, 40), (64, 48, 56)]
        let scalings: [(alpha: Double, beta: Double)] = [(1, 0), (-0.7, 1), (1.5, -0.25)]
        for (m, k, n) in shapes {
            for opA in [MatrixOperand.plain, .transposed] {
                for opB in [MatrixOperand.plain, .transposed] {
                    let a = uniform(opA == .plain ? m : k, opA == .plain ? k : m, &rng)
                    let b = uniform(opB == .plain ? k : n, opB == .plain ? n : k, &rng)
                    for (alpha, beta) in scalings {
                        var c = uniform(m, n, &rng)
                        c.assignProduct(a, opA, b, opB, alpha: alpha, beta: beta)
                        digest.add(c)
                    }
                }
            }
            digest.add(uniform(m, k, &rng) * uniform(k, n, &rng))
        }
        // Large enough for OpenBLAS to split the work between threads.
        digest.add(uniform(120, 130, &rng) * uniform(130, 110, &rng))
        return digest
    }

    static func elementary() -> BitDigest {
        var digest = BitDigest()
        var rng = SeededGenerator(seed: 12)
        for _ in 0..<12_000 {
            digest.add(Double.exp(-750 + 1470 * rng.nextUniform()))
            digest.add(Double.exp(-2 + 4 * rng.nextUniform()))
            digest.add(Double.log(Double(bitPattern: rng.next() >> 1 | 1)))
            digest.add(Double.log(0.5 + 1.5 * rng.nextUniform()))
            digest.add(Double.log1p(-1 + 11 * rng.nextUniform()))
            digest.add(Double.log1p(-0.3 + 0.7 * rng.nextUniform()))
            digest.add(Double.tanh(-25 + 50 * rng.nextUniform()))
            digest.add(Double.tanh(-1.5 + 3 * rng.nextUniform()))
            digest.add(Double.erf(-7 + 14 * rng.nextUniform()))
            digest.add(Double.erf(-1 + 2 * rng.nextUniform()))
            digest.add(rng.nextNormal())
        }
        return digest
    }

    static func activations() -> BitDigest {
        var digest = BitDigest()
        var rng = SeededGenerator(seed: 13)
        let points = (0..<4000).map { _ in -12 + 24 * rng.nextUniform() }
        let inputs = uniform(48, 8, &rng)
        let kinds = Activation.all + [.leakyReLU(alpha: 0.2), .elu(alpha: 0.5)]
        for activation in kinds {
            if activation != .softmax {
                for x in points {
                    digest.add(activation.value(x))
                    digest.add(activation.derivative(x))
                }
            }
            let vector = Array(points.prefix(12))
            digest.add(activation.vectorValue(vector))
            digest.add(activation.vectorJacobianProduct(vector, upstream: Array(points.suffix(12))))
            var layerRNG = SeededGenerator(seed: 14)
            let layer = Dense<Double>(8, 16, activation: activation, init: .xavier, rng: &layerRNG)
            digest.add(layer.forward(inputs))
            digest.add(layer.forward(column: inputs.row(0)))
        }
        digest.add(Softmax().jacobian(Array(points.prefix(9))))
        return digest
    }

    static func losses() -> BitDigest {
        var digest = BitDigest()
        var rng = SeededGenerator(seed: 15)
        let logits = uniform(32, 5, &rng, scale: 6)
        let probabilities = logits.map { Sigmoid().value($0) }
        let targets = Matrix<Double>(rows: 32, columns: 5) { i, j in (i * 7 + j) % 5 == 0 ? 1 : 0 }
        for loss in Loss.allCases {
            let predictions =
                loss.takesLogits || loss == .sumSquaredError || loss == .meanSquaredError
                ? logits : probabilities
            digest.add(loss.value(predictions: predictions, targets: targets))
            digest.add(loss.gradient(predictions: predictions, targets: targets))
            var networkRNG = SeededGenerator(seed: 16)
            let network = Network<Double>(layers: [
                Dense(5, 7, activation: .tanh, init: .xavierNormal, rng: &networkRNG),
                Dense(7, 5, activation: loss.takesLogits ? .identity : .sigmoid, init: .xavier, rng: &networkRNG),
            ])
            let pass = network.backwardPass(inputs: logits, targets: targets, loss: loss)
            digest.add(pass.loss)
            for l in 1...network.depth {
                digest.add(pass.delta(l))
                digest.add(pass.weightGradient(l))
                digest.add(pass.biasGradient(l))
            }
        }
        for reduction in Reduction.all {
            let x =
                reduction == .entropy
                ? probabilities.row(0).map { $0 / probabilities.row(0).reduce(0, +) } : logits.row(1)
            digest.add(reduction.function.value(x))
            digest.add(reduction.function.gradient(x))
        }
        return digest
    }

    static func normalisation() -> BitDigest {
        var digest = BitDigest()
        var rng = SeededGenerator(seed: 23)
        let x = uniform(24, 6, &rng, scale: 3), upstream = uniform(24, 6, &rng)
        var batch = BatchNormalization<Double>(features: 6)
        let batchPass = batch.trainingForward(x)
        let layerPass = LayerNormalization<Double>(features: 6).forward(x)
        for pass in [batchPass, layerPass] {
            digest.add(pass.output)
            digest.add(pass.inverseStandardDeviation)
        }
        let gradients = [
            batch.backward(upstream, through: batchPass),
            LayerNormalization(features: 6).backward(upstream, through: layerPass),
        ]
        for gradient in gradients {
            digest.add(gradient.input)
            digest.add(gradient.gamma)
            digest.add(gradient.beta)
        }
        digest.add(batch.inference(x))
        return digest
    }

    static func initialisation() -> BitDigest {
        var digest = BitDigest()
        for initialization in WeightInitialization.allCases {
            var rng = SeededGenerator(seed: 17)
            digest.add(initialization.weights(inputs: 30, outputs: 20, rng: &rng, as: Double.self))
        }
        return digest
    }

    /// Seeded runs with every optimizer (default hyper-parameters), a diverging one (η = 20) that
    /// amplifies any difference, and scheduled ones.
    static func training() -> BitDigest {
        var digest = BitDigest()
        var data = SeededGenerator(seed: 18)
        let inputs = uniform(160, 3, &data, scale: 2)
        let classes = (0..<inputs.rows).map { i in inputs[i, 0] * inputs[i, 1] > inputs[i, 2] ? 1 : 0 }
        let oneHot = Matrix<Double>(rows: inputs.rows, columns: 2) { i, j in classes[i] == j ? 1 : 0 }
        let schedules: [LearningRateSchedule] = [
            .cosineAnnealing(initial: 0.5, minimum: 0.01, period: 50),
            .exponentialDecay(initial: 0.5, factor: 0.7, every: 9),
        ]
        let optimizers: [any Optimizer] =
            OptimizerKind.allCases.map { $0.make() } + [SGD(learningRate: 20), Adam(learningRate: 0.01)]
            + schedules.map { ScheduledOptimizer(SGD(learningRate: 0.5), schedule: $0) }
        for schedule in schedules { digest.add(schedule.rates(count: 200)) }
        for optimizer in optimizers {
            for (hidden, loss) in [(Activation.tanh, Loss.softmaxCrossEntropy), (.gelu, .meanSquaredError)] {
                var rng = SeededGenerator(seed: 19)
                var network = Network<Double>(layers: [
                    Dense(3, 12, activation: hidden, init: .xavier, rng: &rng),
                    Dense(12, 2, activation: loss.takesLogits ? .identity : .softplus, init: .xavierNormal, rng: &rng),
                ])
                let history = network.train(
                    inputs: inputs, targets: oneHot, loss: loss, optimizer: optimizer, epochs: 12, batchSize: 16,
                    rng: &rng)
                digest.add(history.losses)
                digest.add(history.accuracies)
                for layer in network.layers {
                    digest.add(layer.weights)
                    digest.add(layer.bias)
                }
                digest.add(network.predict(inputs))
            }
        }
        return digest
    }

    static func tape() -> BitDigest {
        var digest = BitDigest()
        var rng = SeededGenerator(seed: 20)
        let tape = Tape()
        let x = tape.constant(uniform(6, 4, &rng))
        let w1 = tape.variable(uniform(4, 5, &rng))
        let w2 = tape.variable(uniform(5, 3, &rng))
        let hidden = x.matmul(w1).tanh().applying(.gelu)
        let output = hidden.matmul(w2).applying(.softmax)
        let loss = output.loss(.crossEntropy, targets: Matrix(rows: 6, columns: 3) { i, j in i % 3 == j ? 1 : 0 })
        let gradients = tape.gradients(of: loss)
        digest.add(loss.scalar)
        digest.add(gradients[w1])
        digest.add(gradients[w2])
        return digest
    }

    // MARK: - Inputs

    /// A (rows, columns) matrix of values uniform in [−scale, scale).
    static func uniform(_ rows: Int, _ columns: Int, _ rng: inout SeededGenerator, scale: Double = 1)
        -> Matrix<Double>
    {
        Matrix(rows: rows, columns: columns) { _, _ in scale * (2 * rng.nextUniform() - 1) }
    }
}
