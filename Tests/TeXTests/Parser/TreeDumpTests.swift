import LitmusDiagnostics
import TeX
import Testing

/// The shapes later stages rely on, checked through the compact dump (`@line:column` = start).
@Suite struct TreeDumpTests {
    static let cases: [(latex: String, dump: String)] = [
        ("\\sigma'", "row@1:1[sup@1:1(id(σ)@1:1; primes 1)]"),
        ("f''(x)", "row@1:1[sup@1:1(id(f)@1:1; primes 2) paren(@1:4[id(x)@1:5])]"),
        ("b^\\prime", "row@1:1[sup@1:1(id(b)@1:1; ^ord(′)@1:3)]"),
        ("X^\\top", "row@1:1[sup@1:1(id(X)@1:1; ^ord(⊤)@1:3)]"),
        ("X^T", "row@1:1[sup@1:1(id(X)@1:1; ^id(T)@1:3)]"),
        ("W^{(l)}", "row@1:1[sup@1:1(id(W)@1:1; ^{paren(@1:4[id(l)@1:5])}@1:3)]"),
        ("w_{ij}", "row@1:1[sub@1:1(id(w)@1:1; _{id(i)@1:4 id(j)@1:5}@1:3)]"),
        ("x^{(i)}_j", "row@1:1[subsup@1:1(id(x)@1:1; _id(j)@1:9; ^{paren(@1:4[id(i)@1:5])}@1:3)]"),
        ("e^{-x}", "row@1:1[sup@1:1(id(e)@1:1; ^{bin(−)@1:4 id(x)@1:5}@1:3)]"),
        ("\\hat{y}_i", "row@1:1[sub@1:1(hat@1:1({id(y)@1:6}@1:5); _id(i)@1:9)]"),
        ("x^10", "row@1:1[sup@1:1(id(x)@1:1; ^num(1)@1:3) num(0)@1:4]"),
        ("\\frac12", "row@1:1[frac@1:1(num(1)@1:6; num(2)@1:7)]"),
        ("0.01 \\cdot 2", "row@1:1[num(0.01)@1:1 bin(⋅)@1:6 num(2)@1:12]"),
        ("\\mathbb{R^5}", "row@1:1[doubleStruck@1:1({sup@1:9(id(R)@1:9; ^num(5)@1:11)}@1:8)]"),
        (
            "\\mathbb{R}^{m \\times n}",
            "row@1:1[sup@1:1(doubleStruck@1:1({id(R)@1:9}@1:8); ^{id(m)@1:13 bin(×)@1:15 id(n)@1:22}@1:12)]"
        ),
        ("\\mathbf{W}x", "row@1:1[bold@1:1({id(W)@1:9}@1:8) id(x)@1:11]"),
        ("a := b", "row@1:1[id(a)@1:1 rel(:=)@1:3 id(b)@1:6]"),
        (
            "\\theta \\leftarrow \\theta - \\eta \\nabla L",
            "row@1:1[id(θ)@1:1 rel(←)@1:8 id(θ)@1:19 bin(−)@1:26 id(η)@1:28 ord(∇)@1:33 id(L)@1:40]"
        ),
        (
            "\\sum_{j} e^{x_j}",
            "row@1:1[sub@1:1(bigop(∑ limits)@1:1; _{id(j)@1:7}@1:6) sup@1:10(id(e)@1:10; ^{sub@1:13(id(x)@1:13; _id(j)@1:15)}@1:12)]"
        ),
        ("\\max_x f", "row@1:1[sub@1:1(fn(max limits)@1:1; _id(x)@1:6) id(f)@1:8]"),
        ("\\operatorname{ReLU}(x)", "row@1:1[fn(ReLU)@1:1 paren(@1:20[id(x)@1:21])]"),
        ("\\text{if } x", "row@1:1[text(\"if \")@1:1 id(x)@1:12]"),
        ("\\left[ a \\right]", "row@1:1[left[@1:1[id(a)@1:8]]]"),
        ("\\left. x \\right|", "row@1:1[left.@1:1[id(x)@1:8]|]"),
        ("\\sqrt[3]{x}", "row@1:1[sqrt@1:1(row@1:7[num(3)@1:7]; {id(x)@1:10}@1:9)]"),
        (
            "(y-\\hat{y})^{2}",
            "row@1:1[sup@1:1(paren(@1:1[id(y)@1:2 bin(−)@1:3 hat@1:4({id(y)@1:9}@1:8)]); ^{num(2)@1:14}@1:13)]"
        ),
        ("\\|W\\|_F^2", "row@1:1[subsup@1:1(paren‖@1:1[id(W)@1:3]‖; _id(F)@1:7; ^num(2)@1:9)]"),
        ("\\langle x, y \\rangle", "row@1:1[paren⟨@1:1[id(x)@1:9 punct(,)@1:10 id(y)@1:12]⟩]"),
        ("P(A|B)", "row@1:1[id(P)@1:1 paren(@1:2[id(A)@1:3 divider(|)@1:4 id(B)@1:5])]"),
        ("[0, 1)", "row@1:1[open([)@1:1 num(0)@1:2 punct(,)@1:3 num(1)@1:5 close())@1:6]"),
        ("\\{x\\}", "row@1:1[paren{@1:1[id(x)@1:3]}]"),
        ("σ(η ∂ŷ)", "row@1:1[id(σ)@1:1 paren(@1:3[id(η)@1:4 ord(∂)@1:7 id(ŷ)@1:10])]"),
        ("a \\in \\mathbb{R}", "row@1:1[id(a)@1:1 rel(∈)@1:3 doubleStruck@1:7({id(R)@1:15}@1:14)]"),
        (
            "\\begin{cases} x & \\text{if } x \\geq 0 \\\\ \\alpha x & \\text{if } x < 0 \\end {cases}",
            "row@1:1[cases@1:1[id(x)@1:15 & text(\"if \")@1:19 id(x)@1:30 rel(≥)@1:32 num(0)@1:37 \\\\ "
                + "id(α)@1:42 id(x)@1:49 & text(\"if \")@1:53 id(x)@1:64 rel(<)@1:66 num(0)@1:68]]"
        ),
        (
            "\\underbrace{a+b}_{n}",
            "row@1:1[sub@1:1(underbrace@1:1({id(a)@1:13 bin(+)@1:14 id(b)@1:15}@1:12); _{id(n)@1:19}@1:18)]"
        ),
        ("\\binom{n}{k}", "row@1:1[binom@1:1({id(n)@1:8}@1:7; {id(k)@1:11}@1:10)]"),
        ("\\displaystyle x", "row@1:1[displaystyle@1:1(row@1:15[id(x)@1:15])]"),
        ("\\big( x \\big)", "row@1:1[big1(()@1:1 id(x)@1:7 big1())@1:9]"),
        ("\\sum\\limits_i", "row@1:1[sub@1:1(bigop(∑ limits)@1:1; _id(i)@1:13)]"),
        ("\\int_0^1", "row@1:1[subsup@1:1(bigop(∫)@1:1; _num(0)@1:6; ^num(1)@1:8)]"),
        ("\\color{red} x", "row@1:1[color red@1:1(row@1:13[id(x)@1:13])]"),
        ("\\not\\in", "row@1:1[rel(∉)@1:1]"),
    ]

    @Test(arguments: cases)
    func dump(latex: String, dump expected: String) {
        let result = TeX.parse(latex, display: false)
        #expect(TeXTreeDumper().dump(result.root) == expected)
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.message))")
    }

    @Test func pmatrixOfSixRowsOfFiveCells() throws {
        let rows = (1...6).map { i in (1...5).map { j in "w_{\(i)\(j)}" }.joined(separator: " & ") + " \\\\" }
        let latex = "W = \n\\begin{pmatrix}\n" + rows.joined(separator: "\n") + "\n\\end{pmatrix}\n"
        let result = TeX.parse(latex, display: false)
        #expect(result.diagnostics.isEmpty)
        guard case .row(let nodes) = result.root.kind, case .environment(let matrix) = nodes.last?.kind else {
            Issue.record("no environment in \(TeXTreeDumper().dump(result.root))")
            return
        }
        #expect(matrix.name == "pmatrix")
        #expect(matrix.rows.count == 6)
        #expect(matrix.rows.allSatisfy { $0.count == 5 })
        #expect(nodes.last?.range == SourceRange(start: .init(line: 2, column: 1), end: .init(line: 9, column: 14)))
        let cell = matrix.rows[5][4]
        #expect(TeXTreeDumper().dump(cell) == "row@8:37[sub@8:37(id(w)@8:37; _{num(65)@8:40}@8:39)]")
    }

    @Test func rangesSpanTheirSource() {
        let result = TeX.parse("\\frac{\\partial L}{\\partial W^{(2)}}", display: true)
        guard case .row(let nodes) = result.root.kind, let fraction = nodes.first else {
            Issue.record("empty tree")
            return
        }
        #expect(fraction.range == SourceRange(start: .init(line: 1, column: 1), end: .init(line: 1, column: 36)))
        #expect(result.root.range.end == .init(line: 1, column: 36))
    }
}
