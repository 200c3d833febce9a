import LitmusDiagnostics
import TeX
import Testing

/// Each lint fires as a warning at the marked column, and only there.
@Suite struct LintTests {
    static let cases: [(marked: String, ids: [DiagnosticID])] = [
        ("b1️⃣^(l)", [.texParenthesizedScript]),
        ("\\sigma'(W1️⃣{(2)}a^{(1)} + b^{(2)})", [.texGluedGroup]),
        ("1️⃣RelU(z) = 2️⃣max(0,z)", [.texMisspeltName, .texFunctionAsLetters]),
        ("1️⃣tanh(z) = \\frac{e^z-e^{-z}}{e^z+e^{-z}}", [.texFunctionAsLetters]),
        ("y = 1️⃣exp(x) + 2️⃣log(x)", [.texFunctionAsLetters, .texFunctionAsLetters]),
        ("1️⃣softmax(z)_i", [.texFunctionAsLetters]),
        ("y1️⃣max(a, b)", [.texFunctionAsLetters]),
        ("2 1️⃣sin(x) 2️⃣cos(x) 3️⃣ln(x) 4️⃣min(a,b) 5️⃣sigmoid(x)", Array(repeating: .texFunctionAsLetters, count: 5)),
        ("1️⃣\\text{Relu}(x)", [.texMisspeltName]),
        ("1️⃣\\left( x", [.texUnbalancedLeftRight]),
        ("x 1️⃣\\right)", [.texUnbalancedLeftRight]),
        ("1️⃣\\frac{1}", [.texFractionArgument]),
        ("a 1️⃣\\\\ b", [.texLineBreakOutsideEnvironment]),
        ("f1️⃣(x = 2️⃣(a + b", [.texUnbalancedBracket, .texUnbalancedBracket]),
        ("x1️⃣) + y2️⃣]", [.texUnbalancedBracket, .texUnbalancedBracket]),
        ("1️⃣\\{ a", [.texUnbalancedBracket]),
        ("a 1️⃣\\} b", [.texUnbalancedBracket]),
        (
            "\\text{ELU}(x) = \\begin{cases} x & x > 0 \\\\ \\alpha1️⃣(\\exp(x) - 1 & x \\leq 0 \\end{cases}",
            [.texUnbalancedBracket]
        ),
        ("{1️⃣(a} + b2️⃣)", [.texUnbalancedBracket, .texUnbalancedBracket]),
    ]

    @Test(arguments: cases)
    func warningAtMarkers(marked: String, ids: [DiagnosticID]) {
        let source = MarkedSource(marked)
        let result = TeX.parse(source.text, display: false)
        #expect(result.diagnostics.map(\.id) == ids)
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
        let expected = MarkedSource.markers.prefix(ids.count).map { source[$0] }
        #expect(result.diagnostics.map(\.location) == expected)
    }

    static let clean: [String] = [
        "b^{(l)}", "W^{(2)}", "\\max(0, z)", "\\tanh(z)", "\\text{ReLU}(z)", "\\operatorname{ReLU}(z)",
        "ax + b", "m a x", "\\exp(x)", "\\left( x \\right)", "\\frac{1}{2}", "\\begin{cases} a \\\\ b \\end{cases}",
        "x_{max}", "{(a)}", "W {(2)}",
        // Half-open intervals are not unbalanced brackets; `\left` and `\right` may differ.
        "[0, 1) \\cup (2, 3]", "]0, 1[", "\\left( x \\right]", "b^{(l)} + (x)^2",
    ]

    @Test(arguments: clean)
    func noWarning(_ latex: String) {
        #expect(TeX.parse(latex, display: false).diagnostics.isEmpty)
    }

    @Test func messagesAndFixIts() {
        let script = TeX.parse("b^(l)", display: false).diagnostics[0]
        #expect(script.message == "superscript `^(` takes only `(`; write `^{(…)}`")
        #expect(script.range == SourceRange(start: .init(line: 1, column: 2), end: .init(line: 1, column: 4)))
        #expect(script.fixIts.map(\.replacement) == ["{"])
        let glued = TeX.parse("W{(2)}", display: false).diagnostics[0]
        #expect(glued.message == "braced group glued to `W`; did you mean `W^{…}`?")
        #expect(glued.fixIts == [Diagnostic.FixIt(range: SourceRange(at: .init(line: 1, column: 2)), replacement: "^")])
        let letters = TeX.parse("max(0,z)", display: false).diagnostics[0]
        #expect(letters.message == "`max` is written as letters, which multiply; write `\\max`")
        #expect(letters.range == SourceRange(start: .init(line: 1, column: 1), end: .init(line: 1, column: 4)))
        let spelling = TeX.parse("RelU", display: false).diagnostics[0]
        #expect(spelling.message == "`RelU` looks like a misspelling of `ReLU`")
    }
}
