import LitmusDiagnostics
import Testing

@testable import TeX

/// The flat linter finds what `LetterLinter` finds, in the same order, at the same places.
@Suite struct SyntaxLetterLinterTests {
    @Test(arguments: FlatCorpus.allCases)
    func sameDiagnosticsAsTheTreeLinter(_ part: FlatCorpus) {
        for formula in part.formulas {
            let root = formula.parse().root
            let tree = SyntaxTree(root, latex: formula.latex)
            let expected = LetterLinter().lint(root)
            let actual = SyntaxLetterLinter().lint(tree, latex: formula.latex)
            if actual != expected {
                Issue.record("\(formula)\n  expected \(expected)\n  actual   \(actual)")
            }
        }
    }

    @Test func handBuiltTrees() {
        for root in SyntheticTrees.trees {
            let diagnostics = SyntaxLetterLinter().lint(SyntaxTree(root, latex: ""), latex: "")
            #expect(diagnostics == LetterLinter().lint(root), "\(TeXTreeDumper().dump(root))")
        }
        let all = SyntheticTrees.trees.flatMap { LetterLinter().lint($0) }.map(\.id)
        #expect(all.contains(.texMisspeltName) && all.contains(.texFunctionAsLetters) && all.contains(.texGluedGroup))
    }

    /// `LintTests`' inputs: the letter lints at their markers, the other warnings (which the
    /// parser reports, not the linter) absent.
    @Test(arguments: LintTests.cases)
    func lintTestsInputs(marked: String, ids: [DiagnosticID]) {
        let source = MarkedSource(marked)
        let root = TeX.parse(source.text, display: false).root
        let diagnostics = SyntaxLetterLinter().lint(
            SyntaxTree(root, latex: source.text), latex: source.text)
        #expect(diagnostics == LetterLinter().lint(root))
        let letterIDs: Set<DiagnosticID> = [.texFunctionAsLetters, .texMisspeltName, .texGluedGroup]
        let expected = zip(ids, MarkedSource.markers).filter { letterIDs.contains($0.0) }
        #expect(diagnostics.map(\.id) == expected.map(\.0))
        #expect(diagnostics.map(\.location) == expected.map { source[$0.1] })
    }

    @Test(arguments: LintTests.clean)
    func cleanInputs(_ latex: String) {
        let root = TeX.parse(latex, display: false).root
        #expect(
            SyntaxLetterLinter().lint(SyntaxTree(root, latex: latex), latex: latex).isEmpty)
    }

    @Test func messagesAndRanges() {
        let latex = "RelU(z) = max(0,z) + W{(2)}"
        let root = TeX.parse(latex, display: false).root
        let diagnostics = SyntaxLetterLinter().lint(
            SyntaxTree(root, latex: latex), latex: latex)
        #expect(
            diagnostics.map(\.message) == [
                "`RelU` looks like a misspelling of `ReLU`",
                "`max` is written as letters, which multiply; write `\\max`",
                "braced group glued to `W`; did you mean `W^{…}`?",
            ])
        #expect(
            diagnostics.map(\.range) == [
                SourceRange(start: .init(line: 1, column: 1), end: .init(line: 1, column: 5)),
                SourceRange(start: .init(line: 1, column: 11), end: .init(line: 1, column: 14)),
                SourceRange(start: .init(line: 1, column: 23), end: .init(line: 1, column: 28)),
            ])
    }
}
