import LitmusDiagnostics
import Testing

@testable import TeX

/// The parser lints each row as it finishes it; a walk over the finished tree finds the same
/// lints, in the same order, at the same places.
@Suite struct LetterLinterTests {
    @Test(arguments: TestCorpus.allCases)
    func theParsersLintsAreAWalksLints(_ part: TestCorpus) {
        let letterIDs: Set<DiagnosticID> = [.texFunctionAsLetters, .texMisspeltName, .texGluedGroup]
        for formula in part.formulas {
            let result = formula.parse()
            let walked = LetterLinter().lint(result.tree, latex: formula.latex)
            let found = result.diagnostics.filter { letterIDs.contains($0.id) }
            // The parser's diagnostics are sorted by position; the walk's are in tree order.
            let sorted = walked.sorted { ($0.location, $0.id.rawValue) < ($1.location, $1.id.rawValue) }
            if sorted != found {
                Issue.record("\(formula)\n  walked \(sorted)\n  parsed \(found)")
            }
        }
    }

    @Test(arguments: LintTests.clean)
    func cleanInputs(_ latex: String) {
        #expect(LetterLinter().lint(TeX.parse(latex, display: false).tree, latex: latex).isEmpty)
    }

    @Test func messagesAndRanges() {
        let latex = "RelU(z) = max(0,z) + W{(2)}"
        let diagnostics = LetterLinter().lint(TeX.parse(latex, display: false).tree, latex: latex)
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
