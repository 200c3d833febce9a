import Checks
import Testing

/// Functions a lesson defines by name (`H(p) = …`, `D_{KL}(t \| p) = …`), one name for two
/// numbers of arguments, and identities between them checked at sampled distributions.
@Suite struct InformationTheoryTests {
    static let lesson = """
        A distribution $p$ with $\\sum_{k} p_k = 1$ and another, $t$, with $\\sum_{k} t_k = 1$.

        1️⃣$H(p) = -\\sum_{k} p_k \\log p_k$

        2️⃣$H(t, p) = -\\sum_{k} t_k \\log p_k$, and 3️⃣$H(t, t) = H(t)$.

        4️⃣$D_{KL}(t \\| p) = \\sum_{k} t_k \\log \\frac{t_k}{p_k}$

        5️⃣$H(t, p) = H(t) + D_{KL}(t \\| p)$
        """

    @Test func functionsAreDefinedNotMultiplied() throws {
        let marked = Marked(Self.lesson)
        let report = Lessons.check(marked.text)
        let crossEntropy = try #require(marked.verdict("2️⃣", in: report))
        #expect(crossEntropy.status == .definition, "\(crossEntropy.message)")
        #expect(crossEntropy.message.contains("defines the function"), "\(crossEntropy.message)")
        // The entropy and the KL divergence are the engine's: verified, and defined for what follows.
        for (marker, engine) in [("1️⃣", "NeuralCore Entropy"), ("4️⃣", "NeuralCore KLDivergence")] {
            let verdict = try #require(marked.verdict(marker, in: report))
            #expect(verdict.status == .verified, "\(marker): \(verdict.message)")
            #expect(verdict.against == engine, "\(verdict.message)")
        }
    }

    @Test(arguments: ["3️⃣", "5️⃣"])
    func identitiesHoldAtSampledDistributions(marker: String) throws {
        let marked = Marked(Self.lesson)
        let verdict = try #require(marked.verdict(marker, in: Lessons.check(marked.text)))
        #expect(verdict.status == .verified, "\(verdict.message)")
    }

    @Test(arguments: [
        ("= H(t) + D_{KL}", "= H(t) - D_{KL}"),
        ("= H(t) + D_{KL}(t \\| p)", "= H(p) + D_{KL}(t \\| p)"),
        ("\\log \\frac{t_k}{p_k}", "\\log \\frac{p_k}{t_k}"),
    ])
    func aWrongIdentityIsAMismatch(right: String, wrong: String) throws {
        let text = Marked(Self.lesson).text
        #expect(text.contains(right))
        let report = Lessons.check(text.replacingOccurrences(of: right, with: wrong))
        let last = try #require(report.formulas.last)
        #expect(last.verdict.status == .mismatch, "\(last.verdict.message)")
    }
}
