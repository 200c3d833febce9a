import NeuralCore

/// Generates lesson-like LaTeX formulas (activations, softmax, matrices, cases, gradients,
/// update rules, norms, sums) from a seed, so every run measures the same inputs.
public struct TeXFormulaGenerator {
    private var random: SplitMix64

    /// A generator whose formulas depend only on `seed`.
    public init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// `count` formulas, each with whether it is display math.
    public mutating func formulas(_ count: Int) -> [(latex: String, display: Bool)] {
        (0..<count).map { _ in (formula(), next() % 3 == 0) }
    }

    // MARK: - Templates

    private mutating func formula() -> String {
        let l = pick(["l", "1", "2", "L", "l-1"])
        let w = pick(["W", "\\mathbf{W}", "V", "\\Theta"])
        let x = pick(["x", "\\mathbf{x}", "a", "h", "z"])
        let f = pick(["\\sigma", "\\tanh", "\\operatorname{ReLU}", "f", "g", "\\text{softmax}"])
        switch next() % 12 {
        case 0: return "\(f)(\(x)) = \\frac{1}{1 + e^{-\(x)}}"
        case 1: return "\\sigma(\(x)_i) = \\frac{e^{\(x)_i}}{\\sum_{j=1}^{\(pick(["n", "K", "C"]))} e^{\(x)_j}}"
        case 2: return "\(x)^{(\(l))} = \(f)(\(w)^{(\(l))} \(x)^{(\(l)-1)} + \\mathbf{b}^{(\(l))})"
        case 3: return matrix()
        case 4:
            return "\\text{Leaky ReLU}(\(x)) = \\begin{cases} \(x) & \\text{if } \(x) \\geq 0 \\\\ "
                + "\\alpha \(x) & \\text{if } \(x) < 0 \\end{cases}"
        case 5:
            return "\\frac{\\partial L}{\\partial \(w)^{(\(l))}} = \\frac{\\partial L}{\\partial y} \\cdot "
                + "\\frac{\\partial y}{\\partial \(w)^{(\(l))}} = 2(y - \\hat{y}) \\cdot "
                + "\\sigma'(\(w)^{(\(l))}\(x) + b^{(\(l))})"
        case 6:
            return "\(w)^{(\(l))} \\leftarrow \(w)^{(\(l))} - \\eta "
                + "\\frac{\\partial \\mathcal{L}}{\\partial \(w)^{(\(l))}}"
        case 7:
            return "L = -\\frac{1}{N} \\sum_{i=1}^{N} \\left[ y_i \\log \\hat{y}_i "
                + "+ (1 - y_i) \\log (1 - \\hat{y}_i) \\right]"
        case 8: return "\\| \(x) \\|_2 = \\sqrt{\\sum_{i} \(x)_i^2}, \\quad \(w) \\in \\mathbb{R}^{m \\times n}"
        case 9: return "\\theta_{t+1} = \\theta_t - \\frac{\\eta}{\\sqrt{\\hat{v}_t} + \\epsilon} \\hat{m}_t"
        case 10:
            return "\\text{MSE} = \\frac{1}{n} \\sum_{i=1}^{n} (y_i - \\hat{y}_i)^2 "
                + "\\approx \(next() % 100).\(next() % 100)"
        default:
            return "\\begin{aligned} z &= \(w) \(x) + b \\\\ a &= \(f)(z) \\\\ "
                + "\\frac{\\partial a}{\\partial z} &= \(f)'(z) \\end{aligned}"
        }
    }

    private mutating func matrix() -> String {
        let rows = Int(next() % 6) + 1
        let columns = Int(next() % 5) + 1
        let name = pick(["pmatrix", "bmatrix", "vmatrix", "matrix"])
        let letter = pick(["w", "a", "x", "\\theta"])
        var body: [String] = []
        for row in 1...rows {
            body.append((1...columns).map { "\(letter)_{\(row)\($0)}" }.joined(separator: " & "))
        }
        return "\\begin{\(name)}\n" + body.joined(separator: " \\\\\n") + "\n\\end{\(name)}"
    }

    private mutating func pick(_ choices: [String]) -> String {
        choices[Int(next() % UInt64(choices.count))]
    }

    private mutating func next() -> UInt64 {
        random.next()
    }
}
