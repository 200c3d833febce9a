import Foundation
import NeuralCore
import Testing

/// f(θ) = ½ Σᵢ aᵢ(θᵢ − cᵢ)², an ill-conditioned bowl with its minimum at c; ∇f = a ⊙ (θ − c).
enum Quadratic {
    static let curvature = [1.0, 4.0, 0.5], centre = [1.0, -2.0, 0.5], start = [0.0, 0.0, 3.0]

    static func gradient(_ theta: [Double]) -> [Double] {
        (0..<3).map { curvature[$0] * (theta[$0] - centre[$0]) }
    }

    static func value(_ theta: [Double]) -> Double {
        var total = 0.0
        for i in 0..<3 {
            let d: Double = theta[i] - centre[i]
            total += curvature[i] * d * d / 2
        }
        return total
    }
}

/// One optimizer against its rule written out as a plain loop (`naive`), on the quadratic.
struct QuadraticCase: Sendable, CustomTestStringConvertible {
    let name: String
    let optimizer: any Optimizer
    /// θ₀ … θ_steps, computed with nothing from NeuralCore but the rule as a lesson writes it.
    let naive: @Sendable (_ steps: Int) -> [[Double]]
    var testDescription: String { name }
}

@Suite struct OptimizerQuadraticTests {
    static let steps = 60

    /// Runs `body(t, θ, g)` for t = 1…steps, the gradient taken at each iterate; body returns θ′.
    static func iterate(_ steps: Int, _ body: (Int, [Double], [Double]) -> [Double]) -> [[Double]] {
        var iterates = [Quadratic.start]
        for t in stride(from: 1, through: steps, by: 1) {
            let theta = iterates[t - 1]
            iterates.append(body(t, theta, Quadratic.gradient(theta)))
        }
        return iterates
    }

    static let cases: [QuadraticCase] = [
        QuadraticCase(name: "SGD", optimizer: SGD(learningRate: 0.2)) { steps in
            iterate(steps) { _, theta, g in (0..<3).map { theta[$0] - 0.2 * g[$0] } }
        },
        QuadraticCase(name: "SGD, L2 weight decay", optimizer: SGD(learningRate: 0.2, weightDecay: 0.1)) { steps in
            iterate(steps) { _, theta, g in (0..<3).map { theta[$0] - 0.2 * (g[$0] + 0.1 * theta[$0]) } }
        },
        QuadraticCase(name: "momentum, classical", optimizer: Momentum(learningRate: 0.1, momentum: 0.8)) { steps in
            var v = [0.0, 0, 0]
            return iterate(steps) { _, theta, g in
                v = (0..<3).map { 0.8 * v[$0] - 0.1 * g[$0] }
                return (0..<3).map { theta[$0] + v[$0] }
            }
        },
        QuadraticCase(
            name: "momentum, accumulated",
            optimizer: Momentum(learningRate: 0.1, momentum: 0.8, convention: .accumulated, weightDecay: 0.05)
        ) { steps in
            var v = [0.0, 0, 0]
            return iterate(steps) { _, theta, g in
                v = (0..<3).map { 0.8 * v[$0] + g[$0] + 0.05 * theta[$0] }
                return (0..<3).map { theta[$0] - 0.1 * v[$0] }
            }
        },
        QuadraticCase(
            name: "momentum, exponential average",
            optimizer: Momentum(learningRate: 0.3, momentum: 0.9, convention: .exponentialAverage)
        ) { steps in
            var v = [0.0, 0, 0]
            return iterate(steps) { _, theta, g in
                v = (0..<3).map { 0.9 * v[$0] + 0.1 * g[$0] }
                return (0..<3).map { theta[$0] - 0.3 * v[$0] }
            }
        },
        QuadraticCase(name: "Nesterov", optimizer: Nesterov(learningRate: 0.1, momentum: 0.8)) { steps in
            var u = [0.0, 0, 0]
            return iterate(steps) { _, theta, g in
                u = (0..<3).map { 0.8 * u[$0] + g[$0] }
                return (0..<3).map { theta[$0] - 0.1 * (g[$0] + 0.8 * u[$0]) }
            }
        },
        QuadraticCase(name: "AdaGrad", optimizer: AdaGrad(learningRate: 0.5)) { steps in
            var sum = [0.0, 0, 0]
            return iterate(steps) { _, theta, g in
                sum = (0..<3).map { sum[$0] + g[$0] * g[$0] }
                return (0..<3).map { theta[$0] - 0.5 * g[$0] / (sqrt(sum[$0]) + 1e-10) }
            }
        },
        QuadraticCase(name: "RMSProp", optimizer: RMSProp(learningRate: 0.05, rho: 0.9)) { steps in
            var average = [0.0, 0, 0]
            return iterate(steps) { _, theta, g in
                average = (0..<3).map { 0.9 * average[$0] + 0.1 * g[$0] * g[$0] }
                return (0..<3).map { theta[$0] - 0.05 * g[$0] / (sqrt(average[$0]) + 1e-8) }
            }
        },
        QuadraticCase(name: "Adadelta", optimizer: Adadelta(rho: 0.9, epsilon: 1e-4)) { steps in
            var squares = [0.0, 0, 0], updates = [0.0, 0, 0]
            return iterate(steps) { _, theta, g in
                var next = theta
                for i in 0..<3 {
                    squares[i] = 0.9 * squares[i] + 0.1 * g[i] * g[i]
                    let delta = -sqrt(updates[i] + 1e-4) / sqrt(squares[i] + 1e-4) * g[i]
                    updates[i] = 0.9 * updates[i] + 0.1 * delta * delta
                    next[i] += delta
                }
                return next
            }
        },
        QuadraticCase(name: "Adam", optimizer: Adam(learningRate: 0.1)) { steps in
            var m = [0.0, 0, 0], v = [0.0, 0, 0]
            return iterate(steps) { t, theta, g in
                m = (0..<3).map { 0.9 * m[$0] + 0.1 * g[$0] }
                v = (0..<3).map { 0.999 * v[$0] + 0.001 * g[$0] * g[$0] }
                return (0..<3).map {
                    let mHat = m[$0] / (1 - pow(0.9, Double(t))), vHat = v[$0] / (1 - pow(0.999, Double(t)))
                    return theta[$0] - 0.1 * mHat / (sqrt(vHat) + 1e-8)
                }
            }
        },
        QuadraticCase(name: "AdamW", optimizer: AdamW(learningRate: 0.1, weightDecay: 0.2)) { steps in
            var m = [0.0, 0, 0], v = [0.0, 0, 0]
            return iterate(steps) { t, theta, g in
                m = (0..<3).map { 0.9 * m[$0] + 0.1 * g[$0] }
                v = (0..<3).map { 0.999 * v[$0] + 0.001 * g[$0] * g[$0] }
                return (0..<3).map {
                    let mHat = m[$0] / (1 - pow(0.9, Double(t))), vHat = v[$0] / (1 - pow(0.999, Double(t)))
                    return theta[$0] - 0.1 * (mHat / (sqrt(vHat) + 1e-8) + 0.2 * theta[$0])
                }
            }
        },
        QuadraticCase(name: "AdaMax", optimizer: AdaMax(learningRate: 0.1, epsilon: 0)) { steps in
            var m = [0.0, 0, 0], u = [0.0, 0, 0]
            return iterate(steps) { t, theta, g in
                m = (0..<3).map { 0.9 * m[$0] + 0.1 * g[$0] }
                u = (0..<3).map { max(0.999 * u[$0], abs(g[$0])) }
                return (0..<3).map { theta[$0] - 0.1 / (1 - pow(0.9, Double(t))) * m[$0] / u[$0] }
            }
        },
    ]

    @Test(arguments: cases)
    func iteratesMatchTheNaiveLoopAndDescend(_ row: QuadraticCase) {
        let engine = row.optimizer.trajectory(from: Quadratic.start, steps: Self.steps, gradient: Quadratic.gradient)
        let naive = row.naive(Self.steps)
        for t in 0...Self.steps {
            #expect(
                isApproximatelyEqual(engine[t], naive[t], relativeTolerance: 1e-12, absoluteTolerance: 1e-13),
                "\(row.name), θ_\(t): \(engine[t]) vs \(naive[t])")
        }
        // Every rule here is a descent method on this bowl: the loss falls well below its start.
        #expect(Quadratic.value(engine[Self.steps]) < 0.2 * Quadratic.value(Quadratic.start), "\(row.name)")
    }

    @Test(arguments: cases)
    func floatFollowsDouble(_ row: QuadraticCase) {
        let double = row.optimizer.trajectory(from: Quadratic.start, steps: 10, gradient: Quadratic.gradient)
        let single = row.optimizer.trajectory(from: Quadratic.start.map(Float.init), steps: 10) { theta in
            Quadratic.gradient(theta.map(Double.init)).map(Float.init)
        }
        #expect(
            isApproximatelyEqual(
                single[10].map(Double.init), double[10], relativeTolerance: 1e-4, absoluteTolerance: 1e-5))
    }
}
