import Foundation

/// A distribution a lesson states for a symbol (`X \sim \mathcal{N}(\mu, \sigma^2)`), whose
/// parameters are expressions evaluated at each point.
public enum RandomLaw: Hashable, Sendable {
    /// 𝒩(mean, variance).
    case normal(mean: Expression, variance: Expression)
    /// Bernoulli(p): 1 with probability p, else 0.
    case bernoulli(Expression)
    /// 𝒰(a, b): uniform on [a, b].
    case uniform(Expression, Expression)

    /// Its parameters, as written.
    public var parameters: [Expression] {
        switch self {
        case .normal(let mean, let variance): [mean, variance]
        case .bernoulli(let p): [p]
        case .uniform(let a, let b): [a, b]
        }
    }

    /// The law a call to a distribution reads as (`\mathcal{N}(0, 1)`, `\mathrm{Bernoulli}(p)`,
    /// `U(a, b)`), or `nil`.
    public static func reading(_ expression: Expression) -> RandomLaw? {
        guard case .call(let name, 0, let arguments) = expression else { return nil }
        switch (name.key.lowercased(), arguments.count) {
        case ("n", 2), ("normal", 2), ("gaussian", 2): return .normal(mean: arguments[0], variance: arguments[1])
        case ("bernoulli", 1), ("bern", 1): return .bernoulli(arguments[0])
        case ("u", 2), ("uniform", 2), ("unif", 2): return .uniform(arguments[0], arguments[1])
        default: return nil
        }
    }
}

extension Evaluator {
    /// `\mathbb{E}[body]`: the mean of `body` over the random symbols it depends on, by Gauss
    /// quadrature of each stated law (exact for polynomials of degree up to 39 in a normal
    /// variable, exact for a Bernoulli one), over at most three of them.
    mutating func expectation(of body: Expression) throws(EvaluationFailure) -> Tensor {
        let random = laws.keys.filter { symbol in
            body.freeSymbols.contains(symbol) || body.freeSymbols.contains { depends($0, on: symbol) }
        }
        .sorted { $0.description < $1.description }
        guard !random.isEmpty else {
            throw .unsupported(
                .expectation, "of \(ExpressionPrinter().print(body)), which nothing random is stated for")
        }
        guard random.count <= 3 else { throw .unsupported(.expectation, "over \(random.count) random symbols") }
        var rules: [[(value: Dual, weight: Dual)]] = []
        for symbol in random {
            rules.append(try quadrature(laws[symbol]!))
        }
        let savedLocals = locals
        let savedCache = cache
        defer {
            locals = savedLocals
            cache = savedCache
        }
        var total: Tensor? = nil
        var choice = Array(repeating: 0, count: random.count)
        while true {
            var weight = Dual(1)
            for (position, symbol) in random.enumerated() {
                let node = rules[position][choice[position]]
                locals[symbol] = Tensor(node.value)
                weight = weight * node.weight
            }
            cache = [:]
            let term = try value(of: body).map { $0 * weight }
            total = try total.map { sum throws(EvaluationFailure) in try Tensor.add(sum, term) } ?? term
            // The next combination of nodes.
            var position = 0
            while position < choice.count {
                choice[position] += 1
                if choice[position] < rules[position].count { break }
                choice[position] = 0
                position += 1
            }
            if position == choice.count { break }
        }
        return total!
    }

    /// The nodes and weights of a law at this point.
    private mutating func quadrature(_ law: RandomLaw) throws(EvaluationFailure) -> [(value: Dual, weight: Dual)] {
        switch law {
        case .normal(let mean, let variance):
            let mu = try single(value(of: mean)), v = try single(value(of: variance))
            guard v.value > 0 else { throw .unsupported(.expectation, "of a normal law with variance \(v.value)") }
            let sigma = v.power(Dual(0.5))
            return Self.hermite.map { node in (mu + sigma * Dual(node.x), Dual(node.w)) }
        case .bernoulli(let probability):
            let p = try single(value(of: probability))
            return [(Dual(1), p), (Dual(0), Dual(1) - p)]
        case .uniform(let lower, let upper):
            let a = try single(value(of: lower)), b = try single(value(of: upper))
            return Self.legendre.map { node in (a + (b - a) * Dual((node.x + 1) / 2), Dual(node.w / 2)) }
        }
    }

    private func single(_ tensor: Tensor) throws(EvaluationFailure) -> Dual {
        guard tensor.isSingle else { throw .shape("a distribution's parameter is a \(tensor.shapeText) matrix") }
        return tensor.entries[0]
    }

    /// Nodes x and weights w with Σ w f(x) = E[f(Z)] for Z standard normal (Gauss–Hermite, 20 points).
    static let hermite: [(x: Double, w: Double)] = {
        let n = 20
        var nodes: [(Double, Double)] = []
        // Physicists' Hermite polynomials by their recurrence; roots by Newton from the usual guesses.
        var z = 0.0
        for i in 0..<(n / 2) {
            switch i {
            case 0: z = (2.0 * Double(n) + 1).squareRoot() - 1.85575 * pow(2.0 * Double(n) + 1, -0.16667)
            case 1: z -= 1.14 * pow(Double(n), 0.426) / z
            case 2: z = 1.86 * z - 0.86 * nodes[0].0
            case 3: z = 1.91 * z - 0.91 * nodes[1].0
            default: z = 2.0 * z - nodes[i - 2].0
            }
            var derivative = 0.0
            for _ in 0..<100 {
                var p1 = 1 / pow(Double.pi, 0.25), p2 = 0.0
                for j in 1...n {
                    let p3 = p2
                    p2 = p1
                    p1 = z * (2.0 / Double(j)).squareRoot() * p2 - (Double(j - 1) / Double(j)).squareRoot() * p3
                }
                derivative = (2.0 * Double(n)).squareRoot() * p2
                let step = p1 / derivative
                z -= step
                if abs(step) < 1e-15 { break }
            }
            nodes.append((z, 2 / (derivative * derivative)))
        }
        // x = √2 z for a standard normal; the weights over √π.
        let half = nodes.map { (x: $0.0 * 2.0.squareRoot(), w: $0.1 / Double.pi.squareRoot()) }
        return half + half.map { (x: -$0.x, w: $0.w) }
    }()

    /// Gauss–Legendre nodes and weights on [−1, 1] (20 points).
    static let legendre: [(x: Double, w: Double)] = {
        let n = 20
        var out: [(x: Double, w: Double)] = []
        for i in 1...n {
            var x = cos(Double.pi * (Double(i) - 0.25) / (Double(n) + 0.5))
            var derivative = 0.0
            for _ in 0..<100 {
                var p1 = 1.0, p2 = 0.0
                for j in 1...n {
                    let p3 = p2
                    p2 = p1
                    p1 = ((2 * Double(j) - 1) * x * p2 - (Double(j) - 1) * p3) / Double(j)
                }
                derivative = Double(n) * (x * p1 - p2) / (x * x - 1)
                let step = p1 / derivative
                x -= step
                if abs(step) < 1e-15 { break }
            }
            out.append((x, 2 / ((1 - x * x) * derivative * derivative)))
        }
        return out
    }()
}
