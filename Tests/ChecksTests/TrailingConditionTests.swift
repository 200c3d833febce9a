import Checks
import Testing

/// A claim the prose restricts right after it (`$\text{ELU}(x) = x$ for $x > 0$`) is not a
/// mismatch for failing where the prose says it does not hold; the same claim with no condition,
/// or with words that are not one, still is.
@Suite struct TrailingConditionTests {
    @Test(arguments: [
        "The ELU is 1️⃣$\\mathrm{ELU}(x) = x$ for $x > 0$ and $e^{x} - 1$ otherwise.",
        "On the right the ReLU is the identity: 1️⃣$\\mathrm{ReLU}(x) = x$ if $x \\geq 0$.",
        "Far to the right, 1️⃣$\\text{softplus}(x) = x$ for $x \\gg 0$.",
    ])
    func aClaimRestrictedRightAfterItIsUncheckedNotAMismatch(_ sentence: String) throws {
        let marked = Marked("# Activations\n\n" + sentence + "\n")
        let verdict = try #require(marked.verdict("1️⃣", in: Lessons.check(marked.text)))
        #expect(verdict.status == .unchecked, "\(verdict.message)")
        #expect(verdict.reason?.id == "unchecked.holds-where", "\(verdict.message)")
    }

    @Test(arguments: [
        "The ELU is 1️⃣$\\mathrm{ELU}(x) = x$ for every input.",
        "The ELU is 1️⃣$\\mathrm{ELU}(x) = x$, and $x > 0$ is where it is linear.",
        "The ReLU is 1️⃣$\\mathrm{ReLU}(x) = x^2$ where $z = 2$.",
    ])
    func withoutAConditionRightAfterItAWrongClaimIsAMismatch(_ sentence: String) throws {
        let marked = Marked("# Activations\n\n" + sentence + "\n")
        let verdict = try #require(marked.verdict("1️⃣", in: Lessons.check(marked.text)))
        #expect(verdict.status == .mismatch, "\(verdict.message)")
    }

    @Test func theSigmoidSatisfiesAnIdentityNotACondition() throws {
        let right = Marked("# S\n\nThe sigmoid satisfies 1️⃣$\\sigma(-x) = 1 - \\sigma(x)$.\n")
        #expect(try #require(right.verdict("1️⃣", in: Lessons.check(right.text))).status == .verified)
        let wrong = Marked("# S\n\nThe sigmoid satisfies 1️⃣$\\sigma(-x) = 1 + \\sigma(x)$.\n")
        #expect(try #require(wrong.verdict("1️⃣", in: Lessons.check(wrong.text))).status == .mismatch)
        let condition = Marked("# S\n\nThe point $x^*$ satisfies 1️⃣$x^2 - 4 = 0$.\n")
        #expect(try #require(condition.verdict("1️⃣", in: Lessons.check(condition.text))).status == .definition)
    }
}
