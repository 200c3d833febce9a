import Checks
import Testing

/// A derivative with respect to the entries of a vector the lesson defined (`z = Wx + b`) is
/// with respect to that vector itself, as it is for a defined scalar; its indices run over its
/// size.
@Suite struct DefinedVectorDerivativeTests {
    static let lesson = """
        # A layer and its softmax

        Let $\\mathbf{x} \\in \\mathbb{R}^{3}$, $\\mathbf{W} \\in \\mathbb{R}^{2 \\times 3}$, $\\mathbf{b} \\in \\mathbb{R}^{2}$
        and $\\mathbf{z} = \\mathbf{W}\\mathbf{x} + \\mathbf{b}$.

        The softmax's Jacobian is
        1️⃣$\\frac{\\partial \\operatorname{softmax}(\\mathbf{z})_i}{\\partial z_j} = \\operatorname{softmax}(\\mathbf{z})_i (\\delta_{ij} - \\operatorname{softmax}(\\mathbf{z})_j)$.
        """

    @Test func theJacobianOfASoftmaxOfADefinedVectorIsChecked() throws {
        let marked = Marked(Self.lesson)
        let verdict = try #require(marked.verdict("1️⃣", in: Lessons.check(marked.text)))
        #expect(verdict.status == .verified, "\(verdict.message)")
        let wrong = Marked(Self.lesson.replacingOccurrences(of: "(\\delta_{ij} - ", with: "(\\delta_{ij} + "))
        let flagged = try #require(wrong.verdict("1️⃣", in: Lessons.check(wrong.text)))
        #expect(flagged.status == .mismatch, "\(flagged.message)")
    }
}
