import Checks
import Testing

/// Where the prose names an optimizer with a rule for a quantity, only that optimizer's rules
/// verify it: Adam's `v_t` written as a moving average of the gradient (not of its square) holds
/// for an averaged momentum, which the prose does not speak of, and is a mismatch against Adam.
@Suite struct NamedFamilyTests {
    @Test func anotherFamilysRuleDoesNotVerifyWhatTheNamedOneDoesNot() throws {
        let wrong = Marked(
            "# Adam\n\nAdam keeps two moving averages, 1️⃣$v_t = \\beta_2 v_{t-1} + (1 - \\beta_2) g_t$ among them.\n")
        let verdict = try #require(wrong.verdict("1️⃣", in: Lessons.check(wrong.text)))
        #expect(verdict.status == .mismatch, "\(verdict.message)")
        #expect(verdict.message.contains("Adam's second moment"), "\(verdict.message)")
        let both = Marked(
            "# Adam\n\nLike momentum, Adam keeps 1️⃣$v_t = \\beta_2 v_{t-1} + (1 - \\beta_2) g_t$.\n")
        let either = try #require(both.verdict("1️⃣", in: Lessons.check(both.text)))
        #expect(either.status == .verified, "\(either.message)")
        let right = Marked(
            "# Adam\n\nAdam keeps two moving averages, 1️⃣$v_t = \\beta_2 v_{t-1} + (1 - \\beta_2) g_t^2$ among them.\n")
        let held = try #require(right.verdict("1️⃣", in: Lessons.check(right.text)))
        #expect(held.status == .verified, "\(held.message)")
        #expect(held.message.contains("Adam's second moment"), "\(held.message)")
        let momentum = Marked(
            "# Momentum\n\nMomentum keeps a moving average, 1️⃣$v_t = \\beta v_{t-1} + (1 - \\beta) g_t$.\n")
        let averaged = try #require(momentum.verdict("1️⃣", in: Lessons.check(momentum.text)))
        #expect(averaged.status == .verified, "\(averaged.message)")
    }
}

/// Definitions have scope: a symbol an earlier section defined in a way that cannot be evaluated
/// on its own (a batch's `y_i`, whose sums run to an unknown `m`) is a later section's own.
@Suite struct SectionScopeTests {
    static let lesson = """
        # Two examples

        ## Batch normalisation

        The batch mean is $\\mu_B = \\frac{1}{m}\\sum_{i=1}^{m} x_i$, and each output is $y_i = \\gamma (x_i - \\mu_B) + \\beta$.

        ## Squared error

        The squared error of a prediction $\\hat{y}$ against $y$ is $L = (\\hat{y} - y)^2$, and
        1️⃣$\\frac{\\partial L}{\\partial \\hat{y}} = 2(\\hat{y} - y)$.
        """

    @Test func aLaterSectionReadsTheSymbolAsItsOwn() throws {
        let marked = Marked(Self.lesson)
        let verdict = try #require(marked.verdict("1️⃣", in: Lessons.check(marked.text)))
        #expect(verdict.status == .verified, "\(verdict.message)")
        #expect(verdict.message.contains("y read as this section's own"), "\(verdict.message)")
        let wrong = Marked(Self.lesson.replacingOccurrences(of: "= 2(\\hat{y} - y)$", with: "= (\\hat{y} - y)$"))
        let flagged = try #require(wrong.verdict("1️⃣", in: Lessons.check(wrong.text)))
        #expect(flagged.status == .mismatch, "\(flagged.message)")
    }
}
