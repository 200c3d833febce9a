import Foundation
import NeuralCore

/// A generated corpus of lessons dense in mathematics: prose, inline math (with and without
/// inner spaces, some across lines), display math with matrices, lists, tables with math in
/// cells, and Swift cells with outputs. Seeded, so every run measures the same bytes.
struct LessonCorpus {
    /// A small deterministic generator (SplitMix64), so the corpus does not depend on the platform.
    struct Generator {
        var random: SplitMix64

        mutating func next() -> UInt64 { random.next() }

        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    static let words = [
        "the", "network", "layer", "weights", "bias", "activation", "gradient", "loss", "input", "output",
        "neuron", "training", "batch", "epoch", "learning", "rate", "matrix", "vector", "forward", "backward",
        "pass", "function", "derivative", "chain", "rule", "error", "softmax", "probability", "label", "model",
    ]

    static let inline = [
        "x \\in \\mathbb{R}^{n}", " \\sigma(z) = \\frac{1}{1 + e^{-z}} ", "W^{(l)}", "b^{(l)}",
        " a^{(l)} = f(z^{(l)}) ",
        "\\hat{y}_i", "\\frac{\\partial L}{\\partial W^{(2)}}", "\\eta", "\\tanh(x)", " \\text{ReLU}(x) = \\max(0, x) ",
        "\\mathbf{z}^{(l)} = \\mathbf{W}^{(l)} \\mathbf{a}^{(l-1)} + \\mathbf{b}^{(l)}", "\\|w\\|_2^2", "p_k - t_k",
        "L = -\\sum_{k} t_k \\log p_k", "\\delta^{(l)} = (W^{(l+1)})^\\top \\delta^{(l+1)} \\odot f'(z^{(l)})",
    ]

    static let display = [
        "\\frac{\\partial L}{\\partial W^{(1)}} = \\left[ 2(y - \\hat{y}) \\cdot \\sigma'(z^{(2)}) \\cdot W^{(2)} \\right] \\cdot \\sigma'(z^{(1)}) \\cdot x",
        "W = \n\\begin{pmatrix}\nw_{11} & w_{12} & w_{13} \\\\\nw_{21} & w_{22} & w_{23}\n\\end{pmatrix}",
        "\\text{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_{j=1}^{K} e^{z_j}}",
        "f(x) = \\begin{cases} x & \\text{if } x \\geq 0 \\\\ \\alpha x & \\text{otherwise} \\end{cases}",
        "W^{(l)} \\leftarrow W^{(l)} - \\eta \\frac{1}{N} \\sum_{n=1}^{N} \\frac{\\partial L_n}{\\partial W^{(l)}}",
    ]

    /// Lessons of about `bytesPerLesson` bytes each.
    static func generate(lessons: Int, bytesPerLesson: Int, seed: UInt64 = 42) -> [String] {
        var generator = Generator(random: SplitMix64(seed: seed))
        return (0..<lessons).map { index in lesson(number: index, bytes: bytesPerLesson, generator: &generator) }
    }

    private static func sentence(_ generator: inout Generator) -> String {
        var parts: [String] = []
        for _ in 0..<(8 + generator.below(10)) {
            if generator.below(5) == 0 {
                parts.append("$" + generator.pick(inline) + "$")
            } else {
                parts.append(generator.pick(words))
            }
        }
        if generator.below(4) == 0 { parts.insert("*" + generator.pick(words) + "*", at: 1) }
        return parts.joined(separator: " ").capitalizedFirst + "."
    }

    private static func lesson(number: Int, bytes: Int, generator: inout Generator) -> String {
        var out = "# Lesson \(number): \(generator.pick(words)) and \(generator.pick(words))\n\n"
        var section = 1
        while out.utf8.count < bytes {
            switch generator.below(7) {
            case 0:
                out += "## \(section). The \(generator.pick(words)) of $\(generator.pick(inline))$\n\n"
                section += 1
            case 1:
                out += "$$\n" + generator.pick(display) + "\n$$\n\n"
            case 2:
                out += (0..<3).map { _ in "- " + sentence(&generator) }.joined(separator: "\n") + "\n\n"
            case 3:
                out += "| symbol | meaning |\n|---|---|\n"
                for _ in 0..<3 { out += "| $\(generator.pick(inline))$ | \(generator.pick(words)) |\n" }
                out += "\n"
            case 4:
                out += "```swift\nlet z = layer.forward(x)\nprint(z.shape)\n```\n\n```output\n(4, 1)\n```\n\n"
            default:
                out += (0..<3).map { _ in sentence(&generator) }.joined(separator: " ") + "\n\n"
            }
        }
        return out
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
