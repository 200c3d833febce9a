import Foundation
import Testing

@testable import TeX

/// The flat writer writes, byte for byte, what `MathMLWriter` writes for the same tree.
@Suite struct SyntaxMathMLWriterTests {
    @Test(arguments: FlatCorpus.allCases)
    func sameMathMLAsTheTreeWriter(_ part: FlatCorpus) {
        for formula in part.formulas {
            let root = formula.parse().root
            let tree = SyntaxTree(root, latex: formula.latex)
            // Both modes: `display` changes only the root element and `movablelimits`.
            for display in [formula.display, !formula.display] {
                let expected = MathMLWriter(display: display).write(root, latex: formula.latex)
                let actual = SyntaxMathMLWriter(display: display).write(tree, latex: formula.latex)
                if actual != expected {
                    Issue.record("\(formula), display \(display)\n  expected \(expected)\n  actual   \(actual)")
                }
            }
        }
    }

    /// MathML is written into the string's own storage, sized from the LaTeX; a formula whose
    /// MathML outgrows that (200 prefix minus signs give 25 bytes each) is finished elsewhere.
    @Test(arguments: [String(repeating: "-", count: 200), String(repeating: "+-", count: 300) + "x"])
    func mathMLLongerThanTheFirstEstimate(_ latex: String) {
        let result = TeX.parse(latex, display: false)
        let expected = MathMLWriter(display: false).write(result.root, latex: latex)
        #expect(expected.utf8.count > 512 + latex.utf8.count * 16)
        #expect(result.mathML == expected)
    }

    @Test func handBuiltTrees() {
        for root in SyntheticTrees.trees {
            let tree = SyntaxTree(root, latex: "")
            for display in [false, true] {
                let expected = MathMLWriter(display: display).write(root, latex: "")
                let actual = SyntaxMathMLWriter(display: display).write(tree, latex: "")
                #expect(actual == expected, "\(TeXTreeDumper().dump(root))")
            }
        }
    }

    @Test(arguments: MathMLGoldenTests.formulas)
    func goldenFiles(name: String, latex: String, display: Bool) throws {
        let root = TeX.parse(latex, display: display).root
        let mathML = SyntaxMathMLWriter(display: display).write(SyntaxTree(root, latex: latex), latex: latex)
        let golden = try String(
            contentsOf: mathMLGoldens.directory.appendingPathComponent("\(name).mathml"), encoding: .utf8)
        #expect(mathML + "\n" == golden)
    }

    @Test func emptyTreeAndText() {
        var tree = SyntaxTree()
        var row = SyntaxNode(.row, start: 0, end: 0)
        (row.first, row.second) = tree.appendList([])
        tree.root = tree.add(row)
        #expect(
            SyntaxMathMLWriter(display: false).write(tree, latex: "")
                == "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"inline\"><semantics><mrow></mrow>"
                + "<annotation encoding=\"application/x-tex\"></annotation></semantics></math>")
    }

    static let widths: [(width: Double, em: String)] = [
        (0, "0em"), (1, "1em"), (2, "2em"), (3.0 / 18, "0.1667em"), (-3.0 / 18, "-0.1667em"), (0.05, "0.05em"),
        (0.5, "0.5em"), (1.2, "1.2em"), (12.3456, "12.3456em"), (0.00004, "0em"), (-0.00004, "0em"),
        (100.001, "100.001em"), (0.0001, "0.0001em"), (1_234_567.5, "1234567.5em"),
    ]

    @Test(arguments: widths)
    func widthsInEm(width: Double, expected: String) {
        var out = MathMLBytes(capacity: 16)
        out.appendEm(width)
        #expect(out.string == expected)
        #expect(MathMLWriter.em(width) == expected)
    }

    @Test func escapingMatchesTheStringOutput() {
        let samples = ["", "plain", "a<b & \"c\" > d", "tab\tline\nreturn\r", "\u{0}\u{1}\u{1F}", "é∂ℓ&", "&&&"]
        for sample in samples {
            var bytes = MathMLBytes(capacity: 16)
            bytes.appendEscaped(sample)
            var output = MathMLOutput(capacity: 16)
            output.appendEscaped(sample)
            #expect(bytes.string == output.string, "\(sample.debugDescription)")
            bytes.deallocate()
        }
    }
}
