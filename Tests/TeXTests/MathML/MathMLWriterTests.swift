import TeX
import Testing

/// The parts of the MathML that matter to a reader, checked one by one.
@Suite struct MathMLWriterTests {
    @Test func wrapperCarriesDisplayAndTheSourceAsAnnotation() {
        let inline = TeX.mathML("a<b & \"c\"", display: false)
        #expect(
            inline.hasPrefix("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"inline\"><semantics><mrow>"))
        #expect(
            inline.hasSuffix(
                "</mrow><annotation encoding=\"application/x-tex\">a&lt;b &amp; &quot;c&quot;</annotation></semantics></math>"
            ))
        #expect(TeX.mathML("x", display: true).contains("display=\"block\""))
    }

    @Test func textIsEscaped() {
        let mathML = TeX.mathML("\\text{a<b & \"c\"}", display: false)
        #expect(mathML.contains("<mtext>a&lt;b\u{A0}&amp;\u{A0}&quot;c&quot;</mtext>"))
    }

    @Test func sumLimitsMoveInlineAndStayBelowInDisplay() {
        #expect(
            TeX.mathML("\\sum_{j} x_j", display: false)
                .contains("<munder><mo movablelimits=\"true\">∑</mo><mi>j</mi></munder>"))
        #expect(
            TeX.mathML("\\sum_{j=1}^{n} x_j", display: true)
                .contains(
                    "<munderover><mo movablelimits=\"false\">∑</mo><mrow><mi>j</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover>"
                ))
        #expect(TeX.mathML("\\int_0^1", display: true).contains("<msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup>"))
    }

    @Test func operatorForms() {
        #expect(
            TeX.mathML("a = -b", display: false)
                == TeX.mathML("a = -b", display: false))
        #expect(TeX.mathML("a = -b", display: false).contains("<mo>=</mo><mo form=\"prefix\">−</mo><mi>b</mi>"))
        #expect(TeX.mathML("a - b", display: false).contains("<mi>a</mi><mo>−</mo><mi>b</mi>"))
        // A named operator is set off by TeX's thin space from what it applies to and from an
        // ordinary atom before it, but not from an opening parenthesis.
        #expect(
            TeX.mathML("\\log x", display: false)
                .contains("<mi>log</mi><mo>\u{2061}</mo><mspace width=\"0.1667em\"/><mi>x</mi>"))
        #expect(
            TeX.mathML("t \\log p", display: false)
                .contains(
                    "<mi>t</mi><mspace width=\"0.1667em\"/><mi>log</mi><mo>\u{2061}</mo><mspace width=\"0.1667em\"/><mi>p</mi>"
                ))
        #expect(TeX.mathML("\\max(a)", display: false).contains("<mi>max</mi><mo>\u{2061}</mo><mrow><mo fence"))
        #expect(TeX.mathML("a = \\sin x", display: false).contains("<mo>=</mo><mi>sin</mi>"))
        #expect(
            TeX.mathML("(x)", display: false)
                .contains(
                    "<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"false\">(</mo><mi>x</mi>"
                        + "<mo fence=\"true\" form=\"postfix\" stretchy=\"false\">)</mo></mrow>"))
        #expect(TeX.mathML("\\left( x \\right)", display: false).contains("stretchy=\"true\">(</mo>"))
    }

    @Test func matricesAreTablesInStretchyFences() {
        let mathML = TeX.mathML("\\begin{bmatrix} a & b \\\\ c & d \\end{bmatrix}", display: false)
        #expect(
            mathML.contains(
                "<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">[</mo><mtable displaystyle=\"false\">"
                    + "<mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr>"
                    + "</mtable><mo fence=\"true\" form=\"postfix\" stretchy=\"true\">]</mo></mrow>"))
    }

    @Test func fontsUseMathematicalAlphanumerics() {
        #expect(TeX.mathML("\\mathbf{W}", display: false).contains("<mi>𝐖</mi>"))
        #expect(TeX.mathML("\\mathbb{R}", display: false).contains("<mi>ℝ</mi>"))
        #expect(TeX.mathML("\\mathcal{L}", display: false).contains("<mi>ℒ</mi>"))
        #expect(TeX.mathML("\\boldsymbol{\\theta}", display: false).contains("<mi>𝜽</mi>"))
        #expect(TeX.mathML("\\mathrm{d}", display: false).contains("<mi mathvariant=\"normal\">d</mi>"))
        #expect(TeX.mathML("\\Sigma", display: false).contains("<mi mathvariant=\"normal\">Σ</mi>"))
    }

    @Test func outputIsDeterministic() {
        let latex = "\\frac{\\partial L}{\\partial W^{(2)}} = \\sum_{j} \\max(0, z_j) \\cdot \\hat{y}_i"
        let outputs = Set((0..<20).map { _ in TeX.mathML(latex, display: true) })
        #expect(outputs.count == 1)
    }

    @Test func primesAndAccents() {
        // A prime stands beside its base (its glyph is already raised), scripts after it.
        #expect(
            TeX.mathML("\\sigma'", display: false).contains(
                "<mrow><mi>σ</mi><mo lspace=\"0em\" rspace=\"0em\">′</mo></mrow>"))
        #expect(
            TeX.mathML("f''_k", display: false)
                .contains("<msub><mrow><mi>f</mi><mo lspace=\"0em\" rspace=\"0em\">′′</mo></mrow><mi>k</mi></msub>"))
        #expect(
            TeX.mathML("\\hat{y}", display: false)
                .contains("<mover accent=\"true\"><mi>y</mi><mo stretchy=\"false\">^</mo></mover>"))
    }
}
