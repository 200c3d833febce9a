import LitmusDiagnostics
import TeX
import Testing

/// The commands KaTeX renders that lessons write, each read into the tree (not merely
/// tolerated): its dump and the MathML that carries it.
@Suite struct KaTeXCoverageTests {
    static let cases: [(latex: String, dump: String, mathML: String)] = [
        (
            "\\mathop{\\mathrm{argmax}}_{\\theta} P",
            "row@1:1[sub@1:1(fn(argmax limits)@1:1; _{id(θ)@1:27}@1:26) id(P)@1:35]",
            "<munder><mo form=\"prefix\" movablelimits=\"true\">argmax</mo><mi>θ</mi></munder>"
        ),
        ("\\mathop{\\mathbb{E}}_{x} f", "row@1:1[sub@1:1(fn(𝔼 limits)@1:1; _{id(x)@1:22}@1:21) id(f)@1:25]", ">𝔼</mo>"),
        ("\\mathop{\\sum}_i x", "row@1:1[sub@1:1(bigop(∑ limits)@1:1; _id(i)@1:15) id(x)@1:17]", "<munder>"),
        (
            "\\operatorname*{arg\\,min}_x f", "row@1:1[sub@1:1(fn(arg min limits)@1:1; _id(x)@1:26) id(f)@1:28]",
            "<munder>"
        ),
        ("\\argmax_y f", "row@1:1[sub@1:1(fn(arg max limits)@1:1; _id(y)@1:9) id(f)@1:11]", ">arg max</mo>"),
        (
            "{n \\choose k}", "row@1:1[{binom@1:2(row@1:2[id(n)@1:2]; row@1:12[id(k)@1:12])}@1:1]",
            "<mfrac linethickness=\"0\"><mi>n</mi><mi>k</mi></mfrac>"
        ),
        ("\\binom{n}{k}", "row@1:1[binom@1:1({id(n)@1:8}@1:7; {id(k)@1:11}@1:10)]", "<mfrac linethickness=\"0\">"),
        (
            "{a \\over b}", "row@1:1[{frac@1:2(row@1:2[id(a)@1:2]; row@1:10[id(b)@1:10])}@1:1]",
            "<mfrac><mi>a</mi><mi>b</mi></mfrac>"
        ),
        (
            "{a \\atop b}", "row@1:1[{atop@1:2(row@1:2[id(a)@1:2]; row@1:10[id(b)@1:10])}@1:1]",
            "<mfrac linethickness=\"0\"><mi>a</mi>"
        ),
        (
            "\\left( a \\middle| b \\right)", "row@1:1[left(@1:1[id(a)@1:8 divider middle(|)@1:10 id(b)@1:19])]",
            "<mi>a</mi><mo fence=\"true\" stretchy=\"true\">|</mo><mi>b</mi>"
        ),
        (
            "P(A|B)", "row@1:1[id(P)@1:1 paren(@1:2[id(A)@1:3 divider(|)@1:4 id(B)@1:5])]",
            "<mi>A</mi><mo stretchy=\"false\">|</mo><mi>B</mi>"
        ),
        (
            "\\{ x \\mid x > 0 \\}",
            "row@1:1[paren{@1:1[id(x)@1:4 divider(∣)@1:6 id(x)@1:11 rel(>)@1:13 num(0)@1:15]}]",
            "<mi>x</mi><mo>∣</mo><mi>x</mi>"
        ),
        ("a \\mid b", "row@1:1[id(a)@1:1 rel(∣)@1:3 id(b)@1:8]", "<mo>∣</mo>"),
        (
            "(|x| + |y|)",
            "row@1:1[paren(@1:1[fence(|)@1:2 id(x)@1:3 fence(|)@1:4 bin(+)@1:6 fence(|)@1:8 id(y)@1:9 fence(|)@1:10])]",
            "|"
        ),
        (
            "x = 1 \\tag{3.1} \\label{eq:x}",
            "row@1:1[id(x)@1:1 rel(=)@1:3 num(1)@1:5 tag(3.1)@1:7 label(eq:x)@1:17]",
            "<mrow><mi>x</mi><mo>=</mo><mn>1</mn></mrow>"
        ),
        ("x \\tag*{A} \\nonumber", "row@1:1[id(x)@1:1 tag*(A)@1:3 nonumber@1:12]", "<mrow><mi>x</mi></mrow>"),
        (
            "\\eqref{eq:x} \\ref{sec}", "row@1:1[eqref(eq:x)@1:1 ref(sec)@1:14]",
            "<mtext>(eq:x)</mtext><mtext>sec</mtext>"
        ),
        (
            "a \\lessapprox b \\gtrsim c \\lt d",
            "row@1:1[id(a)@1:1 rel(⪅)@1:3 id(b)@1:15 rel(≳)@1:17 id(c)@1:25 rel(<)@1:27 id(d)@1:31]", "<mo>⪅</mo>"
        ),
        ("\\DeclareMathOperator{\\tr}{tr} \\tr A", "row@1:1[fn(tr)@1:31 id(A)@1:35]", "<mi>tr</mi><mo>\u{2061}</mo>"),
        (
            "\\overset{!}{=} \\underset{x}{\\min}",
            "row@1:1[overset@1:1({rel(=)@1:13}@1:12; {close(!)@1:10}@1:9) underset@1:16({fn(min limits)@1:29}@1:28; {id(x)@1:26}@1:25)]",
            "<mover><mo>=</mo><mo stretchy=\"false\">!</mo></mover>"
        ),
        (
            "\\overbrace{a}^{n}", "row@1:1[sup@1:1(overbrace@1:1({id(a)@1:12}@1:11); ^{id(n)@1:16}@1:15)]",
            "<mover><mover><mi>a</mi>"
        ),
        (
            "\\underbrace{c}_{m}", "row@1:1[sub@1:1(underbrace@1:1({id(c)@1:13}@1:12); _{id(m)@1:17}@1:16)]",
            "<munder><munder><mi>c</mi>"
        ),
        ("\\boxed{x}", "row@1:1[box@1:1({id(x)@1:8}@1:7)]", "<menclose notation=\"box\""),
        ("\\cancel{y}", "row@1:1[cancel@1:1({id(y)@1:9}@1:8)]", "<menclose notation=\"updiagonalstrike\""),
        (
            "\\color{red} x", "row@1:1[color red@1:1(row@1:13[id(x)@1:13])]",
            "<mstyle mathcolor=\"red\"><mi>x</mi></mstyle>"
        ),
        ("\\substack{i \\\\ j}", "row@1:1[substack@1:1[id(i)@1:11 \\\\ id(j)@1:16]]", "<mtable"),
        ("\\smash{w}", "row@1:1[smash@1:1({id(w)@1:8}@1:7)]", "<mpadded height=\"0\" depth=\"0\"><mi>w</mi></mpadded>"),
        ("\\phantom{x}", "row@1:1[phantom@1:1({id(x)@1:10}@1:9)]", "<mphantom><mi>x</mi></mphantom>"),
        (
            "{\\small x}", "row@1:1[{size 0.9@1:2(row@1:9[id(x)@1:9])}@1:1]",
            "<mstyle mathsize=\"0.9em\"><mi>x</mi></mstyle>"
        ),
        (
            "\\xrightarrow[n]{p}", "row@1:1[underset@1:1(rel(→)@1:1; {id(p)@1:17}@1:16; row@1:14[id(n)@1:14])]",
            "<munderover><mo>→</mo><mi>n</mi><mi>p</mi></munderover>"
        ),
        (
            "\\mathrel{:=} \\mathbin{\\star}", "row@1:1[rel(:=)@1:1 bin(⋆)@1:14]",
            "<mo>:=</mo><mo form=\"prefix\">⋆</mo>"
        ),
        ("\\R^n", "row@1:1[sup@1:1(id(ℝ)@1:1; ^id(n)@1:4)]", "<mi>ℝ</mi>"),
    ]

    @Test(arguments: cases)
    func readIntoTheTree(latex: String, dump: String, mathML: String) {
        let result = TeX.parse(latex, display: false)
        #expect(TeXTreeDumper().dump(result.root) == dump)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.mathML.contains(mathML), "\(result.mathML)")
    }

    @Test func anEquationReferenceShowsTheNumberItResolvesTo() {
        let mathML = TeX.parse("\\eqref{eq:loss} \\ref{eq:loss} \\eqref{other}", display: false)
            .mathML(references: ["eq:loss": "3"])
        #expect(mathML.contains("<mtext>(3)</mtext><mtext>3</mtext><mtext>(other)</mtext>"))
    }

    /// A command KaTeX renders but Litmus does not read is a warning and shows as written; one
    /// KaTeX does not know either is an error.
    @Test func unknownCommandsFollowKaTeX() {
        let unread = TeX.parse("\\pmod{n}", display: false)
        #expect(unread.diagnostics.map(\.id) == [.texUnreadCommand])
        #expect(unread.diagnostics.map(\.severity) == [.warning])
        let unknown = TeX.parse("\\frobnicate x", display: false)
        #expect(unknown.diagnostics.map(\.id) == [.texUnknownCommand])
        #expect(unknown.hasErrors)
    }

    @Test func aSecondInfixFractionInOneGroupIsAnError() {
        let result = TeX.parse("a \\over b \\over c", display: false)
        #expect(result.diagnostics.map(\.id) == [.texAmbiguousInfix])
        #expect(result.diagnostics.first?.location == SourceLocation(line: 1, column: 11))
    }
}
