import Formulas
import Foundation
import NeuralCore

/// The rules of NeuralCore's optimizers, schedules and initialisations, each drawing its points
/// by running the engine: an optimizer's step (`Optimizer.step`), a schedule's rate
/// (`LearningRateSchedule.rate(at:)`), an initialisation's variance.
extension EngineRule {
    public static let neuralCore: [EngineRule] = optimizerRules + scheduleRules

    // MARK: - Hints

    private static let parameter: Set<String> = ["θ", "Θ", "w", "W", "x", "p", "b", "ω", "ϑ", "β", "φ"]
    private static let gradient: Set<String> = ["g", "G", "∇", "dw", "dW", "dθ", "gt"]
    private static let learningRate: Set<String> = ["η", "α", "γ", "lr", "ε"]
    private static let coefficient: Set<String> = ["μ", "β", "γ", "ρ", "α", "m"]
    private static let epsilon: Set<String> = ["ε", "ϵ", "δ"]
    private static let decay: Set<String> = ["λ", "ν", "κ", "wd", "α"]
    private static let velocity: Set<String> = ["v", "V", "u", "z", "m", "b", "Δθ", "Δw", "Δ"]
    private static let sumOfSquares: Set<String> = ["G", "s", "r", "h", "n", "v", "a", "S"]
    private static let average: Set<String> = ["s", "v", "r", "E", "S", "u", "n"]

    // MARK: - Drawing

    static func real(_ g: inout SplitMix64) -> Double {
        let magnitude = Double.random(in: 0.1...2, using: &g)
        return Bool.random(using: &g) ? magnitude : -magnitude
    }
    static func positive(_ g: inout SplitMix64) -> Double { Double.random(in: 0.05...2, using: &g) }
    static func rate(_ g: inout SplitMix64) -> Double { Double.random(in: 0.01...0.5, using: &g) }
    static func fraction(_ g: inout SplitMix64) -> Double { Double.random(in: 0.5...0.95, using: &g) }
    /// ε: small enough that where a lesson puts it (inside the root or outside) does not show.
    static func tiny(_ g: inout SplitMix64) -> Double { Double.random(in: 1e-10...1e-9, using: &g) }
    static func step(_ g: inout SplitMix64) -> Int { Int.random(in: 1...8, using: &g) }
    /// A schedule's step t = 0, 1, …
    static func scheduleStep(_ g: inout SplitMix64) -> Int { Int.random(in: 0...30, using: &g) }

    /// One step of `kind` from scalar w, g and state, at step t.
    static func step(
        _ kind: OptimizerKind, _ values: [String: Double], w: Double, g: Double, first: Double = 0,
        second: Double = 0, t: Int = 1
    ) -> (w: Double, first: Double, second: Double) {
        let optimizer = kind.make(values)
        let next = optimizer.step(w, gradient: g, state: OptimizerMoments(first: [first], second: [second]), at: t)
        return (next.weight, next.state.first[0], next.state.second[0])
    }

    // MARK: - Optimizers

    static var optimizerRules: [EngineRule] {
        var rules: [EngineRule] = []
        let theta = Role("θ before the step", hints: parameter, time: .before)
        let thetaOptional = Role("θ", hints: parameter, time: .before, optional: true)
        let g = Role("the gradient g", hints: gradient, isGradient: true)
        let eta = Role("the learning rate η", hints: learningRate)
        let lambda = Role("the weight decay λ", hints: decay, optional: true)
        let eps = Role("ε", hints: epsilon, optional: true)
        let output = Role("θ after the step", hints: parameter, time: .after)

        // Gradient descent, with L2 weight decay.
        rules.append(
            EngineRule(
                family: .sgd, name: "the gradient-descent step θ ← θ − η(g + λθ)", engineName: "NeuralCore SGD",
                output: output, roles: [theta, g, eta, lambda], isRecurrence: true
            ) { generator, present in
                let w = real(&generator), gradient = real(&generator), eta = rate(&generator)
                let lambda = present[3] ? rate(&generator) : 0
                let next = step(.sgd, ["learningRate": eta, "weightDecay": lambda], w: w, g: gradient)
                return Point(inputs: [w, gradient, eta, lambda], output: next.w, gradientPoint: w)
            })

        // Momentum: the velocity's rule in each convention, then the step that uses it.
        let conventions: [(OptimizerKind, String, String, Bool)] = [
            (.momentum, "classical momentum", "v ← μv − ηg", true),
            (.accumulatedMomentum, "accumulated momentum", "v ← μv + g", false),
            (.averagedMomentum, "averaged momentum", "v ← βv + (1 − β)g", false),
        ]
        for (kind, name, rule, usesRate) in conventions {
            let quantity = "the velocity of \(name)"
            let coefficientName = kind == .averagedMomentum ? "β" : "μ"
            let hyper = kind == .averagedMomentum ? "momentum" : "momentum"
            var coefficientRole = Role("the coefficient \(coefficientName)", hints: coefficient)
            coefficientRole.usual = [coefficientName]
            var roles = [Role("\(quantity) before the step", hints: velocity, time: .before), g, coefficientRole]
            if usesRate { roles.append(eta) }
            roles += [lambda, thetaOptional]
            let rateIndex = usesRate ? 3 : nil
            let decayIndex = roles.count - 2
            rules.append(
                EngineRule(
                    family: .momentum, name: "\(name)'s velocity \(rule)", engineName: "NeuralCore Momentum",
                    output: Role(quantity, hints: velocity, time: .after, quantity: quantity), roles: roles,
                    isRecurrence: true
                ) { generator, present in
                    let v = real(&generator), gradient = real(&generator), mu = fraction(&generator)
                    let eta = rate(&generator)
                    let lambda = present[decayIndex] ? rate(&generator) : 0
                    let w = real(&generator)
                    let next = step(
                        kind, ["learningRate": eta, hyper: mu, "weightDecay": lambda], w: w, g: gradient, first: v)
                    var inputs = [v, gradient, mu]
                    if rateIndex != nil { inputs.append(eta) }
                    return Point(inputs: inputs + [lambda, w], output: next.first, gradientPoint: w)
                })
            if kind == .momentum {
                // The same convention with the velocity's sign reversed: v ← μv + ηg, θ ← θ − v.
                let reversed = "the velocity of classical momentum, written with the opposite sign"
                rules.append(
                    EngineRule(
                        family: .momentum, name: "classical momentum's velocity v ← μv + ηg (the sign reversed)",
                        engineName: "NeuralCore Momentum",
                        output: Role(reversed, hints: velocity, time: .after, quantity: reversed),
                        roles: [Role(reversed, hints: velocity, time: .before), g, roles[2], eta], isRecurrence: true
                    ) { generator, _ in
                        let v = real(&generator), gradient = real(&generator), mu = fraction(&generator)
                        let eta = rate(&generator)
                        let next = step(kind, ["learningRate": eta, "momentum": mu], w: 0, g: gradient, first: -v)
                        return Point(inputs: [v, gradient, mu, eta], output: -next.first)
                    })
                rules.append(
                    EngineRule(
                        family: .momentum, name: "classical momentum's step θ ← θ − v (the velocity's sign reversed)",
                        engineName: "NeuralCore Momentum", output: output,
                        roles: [theta, Role(reversed, hints: velocity, time: .after, quantity: reversed)],
                        isRecurrence: true
                    ) { generator, _ in
                        let w = real(&generator), v = real(&generator)
                        // With no gradient the velocity after the step is μ times the one before.
                        let next = step(kind, ["learningRate": 0.1, "momentum": 0.5], w: w, g: 0, first: -v / 0.5)
                        return Point(inputs: [w, v], output: next.w)
                    })
            }
            var stepRoles = [
                theta, Role(quantity + " after the step", hints: velocity, time: .after, quantity: quantity),
            ]
            if !usesRate { stepRoles.append(eta) }
            rules.append(
                EngineRule(
                    family: .momentum, name: "\(name)'s step " + (usesRate ? "θ ← θ + v" : "θ ← θ − ηv"),
                    engineName: "NeuralCore Momentum", output: output, roles: stepRoles, isRecurrence: true
                ) { generator, _ in
                    let w = real(&generator), v = real(&generator), eta = rate(&generator)
                    // With no gradient, the velocity after the step is μ times the one before.
                    let next = step(kind, ["learningRate": eta, hyper: 0.5], w: w, g: 0, first: v / 0.5)
                    return Point(inputs: usesRate ? [w, v] : [w, v, eta], output: next.w)
                })
        }

        // Nesterov: the velocity takes the gradient at the look-ahead point θ + μv.
        let nesterovVelocity = "the velocity of Nesterov momentum"
        rules.append(
            EngineRule(
                family: .nesterov, name: "Nesterov's velocity v ← μv − η∇L(θ + μv)", engineName: "NeuralCore Nesterov",
                output: Role(nesterovVelocity, hints: velocity, time: .after, quantity: nesterovVelocity),
                roles: [
                    Role(nesterovVelocity + " before the step", hints: velocity, time: .before), g,
                    Role("the coefficient μ", hints: coefficient), eta, thetaOptional,
                ], isRecurrence: true
            ) { generator, _ in
                let v = real(&generator), gradient = real(&generator), mu = fraction(&generator)
                let eta = rate(&generator), w = real(&generator)
                var ahead = 0.0
                let next = Nesterov(learningRate: eta, momentum: mu).lookaheadStep([w], velocity: [v]) { point in
                    ahead = point[0]
                    return [gradient]
                }
                return Point(inputs: [v, gradient, mu, eta, w], output: next.velocity[0], gradientPoint: ahead)
            })
        rules.append(
            EngineRule(
                family: .nesterov, name: "Nesterov's step θ ← θ + v", engineName: "NeuralCore Nesterov",
                output: output,
                roles: [
                    theta,
                    Role(
                        nesterovVelocity + " after the step", hints: velocity, time: .after, quantity: nesterovVelocity),
                ], isRecurrence: true
            ) { generator, _ in
                let w = real(&generator), v = real(&generator)
                let next = Nesterov(learningRate: 0.1, momentum: 0.5).lookaheadStep([w], velocity: [v / 0.5]) { _ in
                    [0]
                }
                return Point(inputs: [w, v], output: next.parameters[0])
            })

        // AdaGrad and RMSProp: a sum or an average of squared gradients, and the step it scales.
        let adaptive: [(OptimizerKind, EngineRule.Family, String, Set<String>, String)] = [
            (.adagrad, .adagrad, "AdaGrad's sum of squared gradients", sumOfSquares, "G ← G + g²"),
            (.rmsprop, .rmsprop, "RMSProp's average of squared gradients", average, "E ← ρE + (1 − ρ)g²"),
        ]
        for (kind, family, quantity, hints, rule) in adaptive {
            let decays = kind == .rmsprop
            var roles = [Role(quantity + " before the step", hints: hints, time: .before), g]
            if decays { roles.append(Role("the decay rate ρ", hints: coefficient)) }
            rules.append(
                EngineRule(
                    family: family, name: "\(quantity) \(rule)", engineName: "NeuralCore \(kind.name)",
                    output: Role(quantity, hints: hints, time: .after, quantity: quantity), roles: roles,
                    isRecurrence: true
                ) { generator, _ in
                    let s = positive(&generator), gradient = real(&generator), rho = fraction(&generator)
                    let next = step(kind, decays ? ["rho": rho] : [:], w: 0, g: gradient, first: s)
                    return Point(inputs: decays ? [s, gradient, rho] : [s, gradient], output: next.first)
                })
            rules.append(
                EngineRule(
                    family: family, name: "\(kind.name)'s step θ ← θ − ηg/(√s + ε)",
                    engineName: "NeuralCore \(kind.name)", output: output,
                    roles: [
                        theta, Role(quantity + " after the step", hints: hints, time: .after, quantity: quantity), g,
                        eta, eps,
                    ], isRecurrence: true
                ) { generator, present in
                    let w = real(&generator), before = positive(&generator), gradient = real(&generator)
                    let eta = rate(&generator), epsilon = present[4] ? tiny(&generator) : 0
                    let next = step(
                        kind, ["learningRate": eta, "epsilon": epsilon].merging(decays ? ["rho": 0.9] : [:]) { $1 },
                        w: w, g: gradient, first: before)
                    return Point(inputs: [w, next.first, gradient, eta, epsilon], output: next.w, gradientPoint: w)
                })
        }

        // Adam: two moving averages, their bias corrections, and the step.
        let moments: [(String, String, Set<String>, String)] = [
            ("Adam's first moment", "β₁", ["m"], "m ← β₁m + (1 − β₁)g"),
            ("Adam's second moment", "β₂", ["v", "s", "r", "u", "n"], "v ← β₂v + (1 − β₂)g²"),
        ]
        for (index, (quantity, beta, hints, rule)) in moments.enumerated() {
            let betaHints: Set<String> = index == 0 ? ["β_1", "β1", "γ_1"] : ["β_2", "β2", "γ_2"]
            rules.append(
                EngineRule(
                    family: .adam, name: "\(quantity) \(rule)", engineName: "NeuralCore Adam",
                    output: Role(quantity, hints: hints, time: .after, quantity: quantity),
                    roles: [
                        Role(quantity + " before the step", hints: hints, time: .before), g,
                        Role(beta, hints: betaHints.union(["β", "ρ"])),
                    ], isRecurrence: true
                ) { generator, _ in
                    let before = index == 0 ? real(&generator) : positive(&generator)
                    let gradient = real(&generator), b = fraction(&generator)
                    let next = step(
                        .adam, [index == 0 ? "beta1" : "beta2": b], w: 0, g: gradient,
                        first: index == 0 ? before : 0, second: index == 0 ? 0 : before)
                    return Point(inputs: [before, gradient, b], output: index == 0 ? next.first : next.second)
                })
            let corrected = quantity.replacingOccurrences(of: "Adam's", with: "Adam's bias-corrected")
            rules.append(
                EngineRule(
                    family: .adam, name: "\(corrected) \(hints.sorted()[0])̂ = \(hints.sorted()[0])/(1 − \(beta)ᵗ)",
                    engineName: "NeuralCore Adam",
                    output: Role(corrected, hints: Set(hints.map { $0 + "^hat" }), time: .after, quantity: corrected),
                    roles: [
                        Role(quantity, hints: hints, time: .after, quantity: quantity),
                        Role(beta, hints: betaHints.union(["β", "ρ"])),
                        Role("the step t", hints: ["t", "k", "n", "i"], isStep: true),
                    ], isRecurrence: false
                ) { generator, _ in
                    let moment = index == 0 ? real(&generator) : positive(&generator)
                    let b = fraction(&generator), t = step(&generator)
                    // As NeuralCore's Adam corrects its moments at step t (OptimizerKind.adam.updateRule).
                    return Point(inputs: [moment, b, Double(t)], output: moment / (1 - pow(b, Double(t))))
                })
        }
        let correctedFirst = "Adam's bias-corrected first moment",
            correctedSecond = "Adam's bias-corrected second moment"
        for (kind, family) in [(OptimizerKind.adam, EngineRule.Family.adam), (.adamW, .adamW)] {
            var roles = [
                theta, Role(correctedFirst, hints: ["m^hat"], time: .after, quantity: correctedFirst),
                Role(
                    correctedSecond, hints: ["v^hat", "s^hat", "r^hat", "u^hat", "n^hat"], time: .after,
                    quantity: correctedSecond),
                eta, eps,
            ]
            if kind == .adamW { roles.append(Role("the weight decay λ", hints: decay)) }
            rules.append(
                EngineRule(
                    family: family,
                    name: kind == .adam ? "Adam's step θ ← θ − ηm̂/(√v̂ + ε)" : "AdamW's step θ ← θ − η(m̂/(√v̂ + ε) + λθ)",
                    engineName: "NeuralCore \(kind.name)", output: output, roles: roles, isRecurrence: true
                ) { generator, present in
                    let w = real(&generator), m = real(&generator), v = positive(&generator)
                    let eta = rate(&generator), epsilon = present[4] ? tiny(&generator) : 0
                    let lambda = rate(&generator), t = step(&generator), b1 = 0.9, b2 = 0.999
                    // With no gradient the moments after the step are β times the ones before.
                    var values = ["learningRate": eta, "epsilon": epsilon, "beta1": b1, "beta2": b2]
                    if kind == .adamW { values["weightDecay"] = lambda }
                    let next = step(kind, values, w: w, g: 0, first: m / b1, second: v / b2, t: t)
                    let mHat = next.first / (1 - pow(b1, Double(t))), vHat = next.second / (1 - pow(b2, Double(t)))
                    return Point(inputs: [w, mHat, vHat, eta, epsilon, lambda], output: next.w)
                })
        }
        return rules
    }

    // MARK: - Schedules

    static var scheduleRules: [EngineRule] {
        let output = Role("the learning rate", hints: ["η", "α", "lr", "γ", "ε"], time: .after)
        let initial = Role(
            "the initial rate η₀", hints: ["η_0", "α_0", "lr_0", "η_max", "α_max", "η_init", "η_initial"])
        let t = Role("the step t", hints: ["t", "k", "n", "i", "e", "τ"], isStep: true)
        let factor = Role("the factor γ", hints: ["γ", "β", "α", "λ", "d", "r", "ρ", "q"])
        let every = Role("the period s", hints: ["s", "k", "T", "N", "n", "S", "d", "m", "p"])
        let constant = Role("the decay constant k", hints: ["k", "λ", "γ", "d", "α", "r", "β", "κ"])
        return [
            EngineRule(
                family: .stepDecay, name: "step decay η₀γ^⌊t/s⌋", engineName: "NeuralCore step decay",
                output: output, roles: [initial, factor, every, t], isRecurrence: false
            ) { generator, _ in
                let eta = rate(&generator), gamma = fraction(&generator)
                let s = Int.random(in: 2...6, using: &generator), step = scheduleStep(&generator)
                let value = LearningRateSchedule.stepDecay(initial: eta, factor: gamma, every: s).rate(at: step)
                return Point(inputs: [eta, gamma, Double(s), Double(step)], output: value)
            },
            EngineRule(
                family: .exponentialDecay, name: "exponential decay η₀γ^{t/s}",
                engineName: "NeuralCore exponential decay", output: output, roles: [initial, factor, every, t],
                isRecurrence: false
            ) { generator, _ in
                let eta = rate(&generator), gamma = fraction(&generator)
                let s = Int.random(in: 2...6, using: &generator), step = scheduleStep(&generator)
                let value = LearningRateSchedule.exponentialDecay(initial: eta, factor: gamma, every: s).rate(at: step)
                return Point(inputs: [eta, gamma, Double(s), Double(step)], output: value)
            },
            EngineRule(
                family: .exponentialDecay, name: "exponential decay η₀γᵗ", engineName: "NeuralCore exponential decay",
                output: output, roles: [initial, factor, t], isRecurrence: false
            ) { generator, _ in
                let eta = rate(&generator), gamma = fraction(&generator), step = scheduleStep(&generator)
                let value = LearningRateSchedule.exponentialDecay(initial: eta, factor: gamma, every: 1).rate(at: step)
                return Point(inputs: [eta, gamma, Double(step)], output: value)
            },
            EngineRule(
                family: .exponentialDecay, name: "exponential decay η₀e^{−kt}",
                engineName: "NeuralCore exponential decay", output: output, roles: [initial, constant, t],
                isRecurrence: false
            ) { generator, _ in
                let eta = rate(&generator), k = Double.random(in: 0.01...0.3, using: &generator)
                let step = scheduleStep(&generator)
                let value = LearningRateSchedule.exponentialDecay(initial: eta, factor: exp(-k), every: 1).rate(
                    at: step)
                return Point(inputs: [eta, k, Double(step)], output: value)
            },
            EngineRule(
                family: .inverseTimeDecay, name: "1/t decay η₀/(1 + kt)", engineName: "NeuralCore inverse-time decay",
                output: output, roles: [initial, constant, t], isRecurrence: false
            ) { generator, _ in
                let eta = rate(&generator), k = Double.random(in: 0.01...1, using: &generator)
                let step = scheduleStep(&generator)
                let value = LearningRateSchedule.inverseTimeDecay(initial: eta, rate: k, every: 1).rate(at: step)
                return Point(inputs: [eta, k, Double(step)], output: value)
            },
            EngineRule(
                family: .inverseTimeDecay, name: "1/t decay η₀/(1 + kt/s)", engineName: "NeuralCore inverse-time decay",
                output: output, roles: [initial, constant, every, t], isRecurrence: false
            ) { generator, _ in
                let eta = rate(&generator), k = Double.random(in: 0.01...1, using: &generator)
                let s = Int.random(in: 2...6, using: &generator), step = scheduleStep(&generator)
                let value = LearningRateSchedule.inverseTimeDecay(initial: eta, rate: k, every: s).rate(at: step)
                return Point(inputs: [eta, k, Double(s), Double(step)], output: value)
            },
            EngineRule(
                family: .cosineAnnealing, name: "cosine annealing η_min + ½(η_max − η_min)(1 + cos(πt/T))",
                engineName: "NeuralCore cosine annealing", output: output,
                roles: [
                    initial, Role("the final rate η_min", hints: ["η_min", "α_min", "lr_min", "η_minimum", "η_end"]),
                    Role("the length T", hints: ["T", "N", "S", "K", "n", "T_max"]), t,
                ], isRecurrence: false
            ) { generator, _ in
                let high = Double.random(in: 0.1...1, using: &generator),
                    low = Double.random(in: 0...0.05, using: &generator)
                let period = Int.random(in: 4...40, using: &generator),
                    step = Int.random(in: 0...period, using: &generator)
                let value = LearningRateSchedule.cosineAnnealing(initial: high, minimum: low, period: period).rate(
                    at: step)
                return Point(inputs: [high, low, Double(period), Double(step)], output: value)
            },
            EngineRule(
                family: .warmup, name: "linear warm-up ηt/W", engineName: "NeuralCore linear warm-up",
                output: output,
                roles: [
                    Role("the target rate η", hints: ["η", "α", "η_0", "η_max", "lr"]),
                    Role("the warm-up length W", hints: ["W", "T", "w", "N", "T_w", "T_warmup", "S"]), t,
                ], isRecurrence: false
            ) { generator, _ in
                let eta = rate(&generator), length = Int.random(in: 4...40, using: &generator)
                let step = Int.random(in: 0..<length, using: &generator)
                let value = LearningRateSchedule.linearWarmup(steps: length, start: 0, then: .constant(eta)).rate(
                    at: step)
                return Point(inputs: [eta, Double(length), Double(step)], output: value)
            },
        ]
    }
}
