import Checks
import Testing

/// Derivations as lessons write them: `aligned` and `align` rows (a row that starts with `&=`
/// carries on the chain above it), `equation` around them, arrows between statements, `\Delta x`
/// as one quantity, and the values an example gives only in words.
@Suite struct DisplayEnvironmentTests {
    static let derivation = """
        # The sigmoid's slope

        1️⃣$$
        \\begin{aligned}
        \\frac{d}{dz}\\sigma(z) &= \\frac{d}{dz}\\left(1 + e^{-z}\\right)^{-1} \\\\
        &= \\left(1 + e^{-z}\\right)^{-2} e^{-z} && \\text{by the chain rule} \\\\
        &= \\sigma(z)\\left(1 - \\sigma(z)\\right)
        \\end{aligned}
        $$
        """

    @Test func anAlignedDerivationIsOneChainChecked() throws {
        let marked = Marked(Self.derivation)
        let verdict = try #require(marked.verdict("1️⃣", in: Lessons.check(marked.text)))
        #expect(verdict.status == .verified, "\(verdict.message)")
        let wrong = Marked(Self.derivation.replacingOccurrences(of: "^{-2} e^{-z}", with: "^{-2} e^{z}"))
        #expect(try #require(wrong.verdict("1️⃣", in: Lessons.check(wrong.text))).status == .mismatch)
    }

    @Test(arguments: ["align", "align*", "equation", "gather"])
    func eachRowOfAnEnvironmentIsAStatement(_ name: String) throws {
        let rows = name == "equation" ? "x + x = 2x" : "x + x &= 2x \\\\ x \\cdot x &= x^2"
        let lesson = "# E\n\n1️⃣$$\\begin{\(name)}\(rows)\\end{\(name)}$$\n"
        let marked = Marked(lesson)
        #expect(try #require(marked.verdict("1️⃣", in: Lessons.check(marked.text))).status == .verified)
        let wrong = Marked(lesson.replacingOccurrences(of: "= 2x", with: "= 3x"))
        #expect(try #require(wrong.verdict("1️⃣", in: Lessons.check(wrong.text))).status == .mismatch)
    }

    @Test func anArrowSeparatesStatements() throws {
        let marked = Marked(
            "# T\n\n1️⃣$$\\tanh(x) = \\frac{e^x - e^{-x}}{e^x + e^{-x}} \\implies \\tanh'(x) = 1 - \\tanh^2(x)$$\n")
        #expect(try #require(marked.verdict("1️⃣", in: Lessons.check(marked.text))).status == .verified)
    }

    @Test func anIncrementIsOneQuantity() throws {
        let marked = Marked(
            "# D\n\nLet 1️⃣$\\Delta \\mathbf{x}_t = \\rho \\Delta \\mathbf{x}_{t-1} + (1 - \\rho) \\mathbf{g}_t^2$.\n")
        let verdict = try #require(marked.verdict("1️⃣", in: Lessons.check(marked.text)))
        #expect(verdict.status == .definition, "\(verdict.message)")
        #expect(verdict.message.contains("Δx"), "\(verdict.message)")
    }

    @Test func aSineOfAHugeArgumentProvesNothing() throws {
        let marked = Marked(
            "# P\n\nWith $\\omega_j = 1/10000^{2j/d}$, 1️⃣$\\sin(i \\omega_j + \\delta \\omega_j) = \\sin((i+\\delta) \\omega_j)$.\n"
        )
        #expect(try #require(marked.verdict("1️⃣", in: Lessons.check(marked.text))).status != .mismatch)
    }

    @Test func aNumberForInputsGivenOnlyInWordsIsUnchecked() throws {
        let lesson = """
            # Costs

            Here $\\Delta y_1 = \\hat{y}_1 - y_1$ is 7 - 2 and $\\Delta y_2 = \\hat{y}_2 - y_2$ is 3 - 8, so the total is
            1️⃣$\\Delta y_1 + \\Delta y_2 = 5 - 5$.

            A number for an expression that does not vary is still read: 2️⃣$\\sin(x)^2 + \\cos(x)^2 = 1$.
            """
        let marked = Marked(lesson)
        let report = Lessons.check(marked.text)
        let total = try #require(marked.verdict("1️⃣", in: report))
        #expect(total.status == .unchecked, "\(total.message)")
        #expect(total.reason?.id == "unchecked.values-in-words")
        #expect(try #require(marked.verdict("2️⃣", in: report)).status == .verified)
    }
}
