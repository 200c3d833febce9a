import TeX
import Testing

/// A megabyte of LaTeX reads in linear time (a quadratic reading would take hours; the limit is
/// a guard against that, loose enough for a debug build under AddressSanitizer with other suites
/// running beside it).
@Suite(.timeLimit(.minutes(5))) struct LargeInputTests {
    @Test func oneMegabyteOfFormulas() {
        let formula =
            "\\frac{\\partial L}{\\partial W^{(2)}} = 2(y - \\hat{y}) \\cdot \\sigma'(W^{(2)}a^{(1)} + b^{(2)}) \\\\\n"
        let latex =
            "\\begin{aligned}" + String(repeating: formula, count: 1_048_576 / formula.utf8.count + 1)
            + "\\end{aligned}"
        #expect(latex.utf8.count > 1_048_576)
        let result = TeX.parse(latex, display: true)
        #expect(result.diagnostics.isEmpty)
        guard case .row(let nodes) = result.root.kind, case .environment(let aligned) = nodes.first?.kind else {
            Issue.record("no aligned environment")
            return
        }
        #expect(aligned.rows.count == 1_048_576 / formula.utf8.count + 1)
        #expect(result.mathML.utf8.count > latex.utf8.count)
    }

    @Test func oneMegabyteOfOneRow() {
        let latex = String(repeating: "x + ", count: 262_144) + "1"
        let result = TeX.parse(latex, display: false)
        #expect(result.diagnostics.isEmpty)
        guard case .row(let nodes) = result.root.kind else { return }
        #expect(nodes.count == 2 * 262_144 + 1)
    }
}
