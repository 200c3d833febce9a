import Checks
import Testing

/// The softmax lesson's index notation: free indices drawn as entries, the case the prose states
/// (`for $j \neq k$`), entrywise definitions (`p_k = …` defines the vector p), the Kronecker
/// delta and sums over an index with a one-hot target written as cases.
@Suite struct SoftmaxJacobianTests {
    static let lesson = """
        For the right class $c$ the target is

        $$
        t_k = \\begin{cases} 1 & \\text{if } k = c \\\\ 0 & \\text{otherwise} \\end{cases}
        $$

        $$
        p_k = \\frac{e^{z_k}}{\\sum_{j} e^{z_j}}
        $$

        $$
        L = -\\sum_{k} t_k \\log p_k
        $$

        so 1️⃣$L = -\\log p_c$ and 2️⃣$\\sum_{k} t_k = 1$. For 3️⃣$j \\neq k$,

        4️⃣$$
        \\frac{\\partial p_k}{\\partial z_j} = -p_k p_j
        $$

        5️⃣$\\frac{\\partial p_k}{\\partial z_j} = p_k (\\delta_{kj} - p_j)$ and
        6️⃣$\\frac{\\partial L}{\\partial z_j} = \\sum_{k} \\frac{\\partial L}{\\partial p_k} \\frac{\\partial p_k}{\\partial z_j} = p_j - t_j$.
        """

    @Test(arguments: ["1️⃣", "2️⃣", "4️⃣", "5️⃣", "6️⃣"])
    func theLessonsStepsAreVerified(marker: String) throws {
        let marked = Marked(Self.lesson)
        let verdict = try #require(marked.verdict(marker, in: Lessons.check(marked.text)))
        #expect(verdict.status == .verified, "\(verdict.message)")
    }

    @Test func aCaseOfTheIndicesHoldsForTheNextFormulaOnly() throws {
        let marked = Marked(Self.lesson)
        let verdict = try #require(marked.verdict("3️⃣", in: Lessons.check(marked.text)))
        #expect(verdict.status == .definition)
        #expect(verdict.message.contains("j ≠ k"))
        // Without the case, the off-diagonal entry is wrong on the diagonal.
        let unstated = Marked(Self.lesson.replacingOccurrences(of: "For 3️⃣$j \\neq k$,", with: "Then"))
        let off = try #require(unstated.verdict("4️⃣", in: Lessons.check(unstated.text)))
        #expect(off.status == .mismatch, "\(off.message)")
    }

    @Test(arguments: [
        ("p_k (\\delta_{kj} - p_j)", "p_k (p_j - \\delta_{kj})"),
        ("p_k (\\delta_{kj} - p_j)", "p_j (\\delta_{kj} - p_k) + 1"),
        ("= p_j - t_j", "= t_j - p_j"),
        ("L = -\\log p_c", "L = -\\log p_k"),
    ])
    func plantedIndexMistakesAreMismatches(right: String, wrong: String) throws {
        let marked = Marked(Self.lesson.replacingOccurrences(of: right, with: wrong))
        let report = Lessons.check(marked.text)
        #expect(
            report.formulas.contains { $0.verdict.status == .mismatch },
            "\(report.formulas.map { "\($0.latex): \($0.verdict.status) \($0.verdict.message)" })")
    }

    @Test func theKroneckerDeltaWrittenByCasesIsChecked() {
        let right = Lessons.check(
            "$\\delta_{kj} = \\begin{cases} 1 & \\text{if } k = j \\\\ 0 & \\text{otherwise} \\end{cases}$\n")
        #expect(right.formulas[0].verdict.status == .verified, "\(right.formulas[0].verdict.message)")
        let swapped = Lessons.check(
            "$\\delta_{kj} = \\begin{cases} 0 & \\text{if } k = j \\\\ 1 & \\text{otherwise} \\end{cases}$\n")
        #expect(swapped.formulas[0].verdict.status == .mismatch, "\(swapped.formulas[0].verdict.message)")
    }
}
