import LitmusDiagnostics
import TeX
import Testing

/// Pathological nesting gives a diagnostic, never a stack overflow — when building, writing,
/// linting or destroying the tree.
@Suite(.timeLimit(.minutes(5))) struct DeepNestingTests {
    static let depth = 10_000

    /// Each input, and whether it is wrong LaTeX (deep but valid nesting is only cut at the limit).
    static let inputs: [(name: String, latex: String)] = [
        ("braces", String(repeating: "{", count: depth) + "x" + String(repeating: "}", count: depth)),
        ("fractions", String(repeating: "\\frac{", count: depth) + "1" + String(repeating: "}{2}", count: depth)),
        ("bare fractions", String(repeating: "\\frac", count: depth) + "12"),
        ("superscripts", String(repeating: "x^{", count: depth) + "x" + String(repeating: "}", count: depth)),
        ("left right", String(repeating: "\\left(", count: depth) + "x" + String(repeating: "\\right)", count: depth)),
        ("parentheses", String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth)),
        ("roots", String(repeating: "\\sqrt{", count: depth) + "x" + String(repeating: "}", count: depth)),
        ("accents", String(repeating: "\\hat", count: depth) + "x"),
        ("styles", String(repeating: "\\displaystyle x", count: depth)),
        (
            "matrices",
            String(repeating: "\\begin{pmatrix}", count: depth) + "x"
                + String(repeating: "\\end{pmatrix}", count: depth)
        ),
        ("unclosed braces", String(repeating: "{", count: depth)),
        ("unmatched closes", String(repeating: "}", count: depth)),
    ]

    @Test(arguments: inputs)
    func deepInputGivesDiagnostics(name: String, latex: String) {
        let result = TeX.parse(latex, display: true)
        // Plain parentheses nest freely: past the limit they stay flat, with no error.
        let hasErrors = result.hasErrors
        #expect(hasErrors == (name != "parentheses"))
        #expect(isBalancedXML(result.mathML))
        // The cap holds for the tree itself, which is what bounds recursive visits and deinit.
        #expect(Self.height(of: result.root) <= 4 * TeXParser.maximumDepth)
        #expect(!TeXTreeDumper().dump(result.root).isEmpty)
    }

    @Test func tooDeepIsReportedOnceAtTheFirstSkippedGroup() {
        let depth = TeXParser.maximumDepth
        let latex = String(repeating: "{", count: depth + 5) + "x" + String(repeating: "}", count: depth + 5)
        let result = TeX.parse(latex, display: false)
        #expect(result.diagnostics.map(\.id) == [.texTooDeep])
        #expect(result.diagnostics.first?.location == LitmusDiagnostics.SourceLocation(line: 1, column: depth + 1))
    }

    @Test func nestingUpToTheLimitIsFine() {
        let depth = TeXParser.maximumDepth - 2
        let latex = String(repeating: "{", count: depth) + "x" + String(repeating: "}", count: depth)
        #expect(TeX.parse(latex, display: false).diagnostics.isEmpty)
    }

    /// The number of nodes on the longest path from `root` down, counted without recursion.
    static func height(of root: TeXNode) -> Int {
        var stack = [(root, 1)]
        var height = 0
        while let (node, level) = stack.popLast() {
            height = max(height, level)
            stack += node.children.map { ($0, level + 1) }
        }
        return height
    }
}
