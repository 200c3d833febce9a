import Checks
import Testing

/// A shape declared for a symbol the section defined is a claim about the shape its definition
/// gives, where the lesson has declared every input and applies only functions of known shape.
@Suite struct DeclaredShapeTests {
    static let lesson = """
        # A batch

        A batch is $X \\in \\mathbb{R}^{B \\times d}$, the weights are $W \\in \\mathbb{R}^{d \\times h}$ and the
        bias is $\\mathbf{b} \\in \\mathbb{R}^{h}$. The layer computes $H = XW + \\mathbf{1}\\mathbf{b}^\\top$, so
        1️⃣$H \\in \\mathbb{R}^{B \\times h}$.
        """

    @Test func aDeclaredShapeOfADefinitionIsChecked() throws {
        let marked = Marked(Self.lesson)
        let verdict = try #require(marked.verdict("1️⃣", in: Lessons.check(marked.text)))
        #expect(verdict.status == .verified, "\(verdict.message)")
        let wrong = Marked(
            Self.lesson.replacingOccurrences(
                of: "W \\in \\mathbb{R}^{d \\times h}", with: "W \\in \\mathbb{R}^{h \\times d}"))
        let flagged = try #require(wrong.verdict("1️⃣", in: Lessons.check(wrong.text)))
        #expect(flagged.status == .mismatch, "\(flagged.message)")
    }

    @Test func anOpenFunctionOrAnInputDeclaredLaterLeavesItADeclaration() throws {
        let open = Marked(
            Self.lesson.replacingOccurrences(
                of: "$H = XW + \\mathbf{1}\\mathbf{b}^\\top$", with: "$H = \\phi(XW + \\mathbf{1}\\mathbf{b}^\\top)$"))
        #expect(try #require(open.verdict("1️⃣", in: Lessons.check(open.text))).status == .definition)
        let later = Marked(
            "# O\n\nThe output is $O = HV$, where 1️⃣$O \\in \\mathbb{R}^{n \\times q}$, $H \\in \\mathbb{R}^{n \\times h}$ "
                + "and $V \\in \\mathbb{R}^{h \\times q}$.\n")
        #expect(try #require(later.verdict("1️⃣", in: Lessons.check(later.text))).status != .mismatch)
    }
}
