import Checks
import Testing

/// Values the prose states just before a formula (`When $t = 1$ only $L = -\log p$ is left`)
/// are the case that formula is checked in; a formula wrong in that case is a mismatch.
@Suite struct StatedCaseTests {
    static let lesson = """
        Let $p = \\sigma(z)$ and $t \\in \\{0, 1\\}$.

        $$
        L = -\\left( t \\log p + (1 - t) \\log(1 - p) \\right)
        $$

        When 1️⃣$t = 1$ only 2️⃣$L = -\\log p$ is left; when $t = 0$ only 3️⃣$L = -\\log(1 - p)$. At the extreme
        $p = 0$, $t = 1$ the gradient is 4️⃣$p - t = -1$.
        """

    @Test(arguments: ["2️⃣", "3️⃣", "4️⃣"])
    func formulasAreCheckedInTheStatedCase(marker: String) throws {
        let marked = Marked(Self.lesson)
        let verdict = try #require(marked.verdict(marker, in: Lessons.check(marked.text)))
        #expect(verdict.status == .verified, "\(verdict.message)")
        #expect(verdict.message.contains("as stated just before"), "\(verdict.message)")
    }

    @Test func aStatedValueIsADefinitionOfTheCase() throws {
        let marked = Marked(Self.lesson)
        let verdict = try #require(marked.verdict("1️⃣", in: Lessons.check(marked.text)))
        #expect(verdict.status == .definition)
    }

    @Test(arguments: [
        ("only $L = -\\log p$", "only $L = -\\log(1 - p)$"),
        ("$p - t = -1$", "$p - t = 1$"),
    ])
    func aFormulaWrongInTheStatedCaseIsAMismatch(right: String, wrong: String) throws {
        let text = Marked(Self.lesson).text
        #expect(text.contains(right))
        let report = Lessons.check(text.replacingOccurrences(of: right, with: wrong))
        #expect(
            report.formulas.contains { $0.verdict.status == .mismatch },
            "\(report.formulas.map { "\($0.latex): \($0.verdict.status) \($0.verdict.message)" })")
    }

    @Test func aValueStatedAgainKeepsTheRunOfStatedValues() throws {
        // S was stated before; stating it again with the others still states the case of the
        // formula after them, with every value of the run.
        let marked = Marked(
            """
            Padding $P = (F - 1)/2$ when the stride is $S = 1$ keeps sizes.

            Take $W = 10$, $P = 0$, $F = 3$ and $S = 2$: then 1️⃣$(W - F + 2P)/S + 1 = (10 - 3 + 0)/2 + 1 = 4.5$.
            """)
        let verdict = try #require(marked.verdict("1️⃣", in: Lessons.check(marked.text)))
        #expect(verdict.status == .verified, "\(verdict.message)")
        #expect(verdict.message.contains("S = 2, W = 10, as stated just before"), "\(verdict.message)")
    }

    @Test func theHattedSymbolIsThePrediction() {
        let report = Lessons.check("$L = (\\hat{y} - y)^{2}$\n")
        #expect(
            report.formulas[0].verdict.message.contains("prediction ŷ and target y"),
            "\(report.formulas[0].verdict.message)")
    }
}
