import Checks
import Testing

/// The matrix form of backpropagation written for any layer l, checked at every layer of networks
/// of two and three layers of random widths:
/// the output error, the δ recursion through `(W^{(l+1)})^\top`, and the gradients of W and b.
@Suite struct MatrixBackpropagationTests {
    static let lesson = """
        Each layer computes $z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)}$ and $a^{(l)} = f(z^{(l)})$, from
        $a^{(0)} = x$ to $\\hat{y} = a^{(L)}$, with $L = \\sum_i (\\hat{y}_i - y_i)^{2}$ and the error
        $\\delta^{(l)} = \\frac{\\partial L}{\\partial z^{(l)}}$.

        1️⃣$\\delta^{(L)} = 2(\\hat{y} - y) \\odot f'(z^{(L)})$, where 2️⃣$\\odot$ multiplies entry by entry.

        3️⃣$\\delta^{(l)} = \\left( (W^{(l+1)})^{\\top} \\delta^{(l+1)} \\right) \\odot f'(z^{(l)})$

        4️⃣$\\frac{\\partial L}{\\partial W^{(l)}} = \\delta^{(l)} (a^{(l-1)})^{\\top}$ and
        5️⃣$\\frac{\\partial L}{\\partial b^{(l)}} = \\delta^{(l)}$ on a 6️⃣$3 \\to 4 \\to 2$ network.
        """

    @Test(arguments: ["1️⃣", "3️⃣", "4️⃣", "5️⃣"])
    func theMatrixFormIsVerifiedOnASmallNetwork(marker: String) throws {
        let marked = Marked(Self.lesson)
        let verdict = try #require(marked.verdict(marker, in: Lessons.check(marked.text)))
        #expect(verdict.status == .verified, "\(verdict.message)")
    }

    @Test func theOperatorAndTheLayerWidthsAreMentions() throws {
        let marked = Marked(Self.lesson)
        let report = Lessons.check(marked.text)
        #expect(try #require(marked.verdict("2️⃣", in: report)).status == .mention)
        let widths = try #require(marked.verdict("6️⃣", in: report))
        #expect(widths.status == .mention)
        #expect(widths.message.contains("3 → 4 → 2"))
    }

    @Test(arguments: [
        ("(W^{(l+1)})^{\\top} \\delta^{(l+1)}", "W^{(l+1)} \\delta^{(l+1)}"),
        ("\\delta^{(l)} (a^{(l-1)})^{\\top}$ and", "(a^{(l-1)})^{\\top} \\delta^{(l)}$ and"),
        ("\\delta^{(l)} (a^{(l-1)})^{\\top}$ and", "\\delta^{(l)} (a^{(l)})^{\\top}$ and"),
        ("\\partial b^{(l)}} = \\delta^{(l)}", "\\partial b^{(l)}} = 2 \\delta^{(l)}"),
        ("2(\\hat{y} - y) \\odot", "(\\hat{y} - y) \\odot"),
    ])
    func plantedMatrixMistakesAreMismatches(right: String, wrong: String) throws {
        let text = Marked(Self.lesson).text
        #expect(text.contains(right))
        let report = Lessons.check(text.replacingOccurrences(of: right, with: wrong))
        #expect(
            report.formulas.contains { $0.verdict.status == .mismatch },
            "\(report.formulas.map { "\($0.latex): \($0.verdict.status) \($0.verdict.message)" })")
    }
}
