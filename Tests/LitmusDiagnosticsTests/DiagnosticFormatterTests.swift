import Testing

@testable import LitmusDiagnostics

struct DiagnosticFormatterTests {
    private let lines = SourceLines("first\n  $b^(l)$ : bias\r\nthird")

    @Test func printsTheCompilerFormatWithTheLineAndACaret() {
        let diagnostic = Diagnostic(
            .warning, "tex.superscript-paren", "superscript '^(' takes only '('",
            at: SourceRange(
                start: LitmusDiagnostics.SourceLocation(line: 2, column: 5),
                end: LitmusDiagnostics.SourceLocation(line: 2, column: 7)),
            notes: [Diagnostic.Note("write b^{(l)}")]
        )
        let text = DiagnosticFormatter(path: "notebooks/a.md", lines: lines).format(diagnostic)
        #expect(
            text == """
                notebooks/a.md:2:5: warning: superscript '^(' takes only '('
                  $b^(l)$ : bias
                    ^~
                notebooks/a.md:2:5: note: write b^{(l)}

                """)
    }

    @Test func caretColumnsCountBytesButPrintCharacters() {
        let lines = SourceLines("σ = $x$")
        let diagnostic = Diagnostic(
            .error, "x", "here", at: SourceRange(at: LitmusDiagnostics.SourceLocation(line: 1, column: 6)))
        let text = DiagnosticFormatter(path: "p", lines: lines).format(diagnostic)
        #expect(text.hasSuffix("σ = $x$\n    ^\n"))
    }

    @Test func githubAnnotationsEscapeTheirProperties() {
        let diagnostic = Diagnostic(
            .error, "x", "50% bad\nreally", at: SourceRange(at: LitmusDiagnostics.SourceLocation(line: 3, column: 1)))
        let text = DiagnosticFormatter(path: "a,b:c.md").githubAnnotation(diagnostic)
        #expect(text == "::error file=a%2Cb%3Ac.md,line=3,col=1::50%25 bad%0Areally\n")
    }

    @Test func sourceLinesHandleEveryLineEnd() {
        let lines = SourceLines("a\r\nb\rc\nd")
        #expect(lines.count == 4)
        #expect((1...4).map { lines.line($0) } == ["a", "b", "c", "d"])
        #expect(lines.line(5) == nil)
        #expect(SourceLines("").count == 1)
    }

    @Test func snippetPositionsAreRebasedOntoTheFile() {
        let start = LitmusDiagnostics.SourceLocation(line: 10, column: 7)
        #expect(LitmusDiagnostics.SourceLocation(line: 1, column: 3).rebased(onto: start) == .init(line: 10, column: 9))
        #expect(LitmusDiagnostics.SourceLocation(line: 3, column: 2).rebased(onto: start) == .init(line: 12, column: 2))
    }
}
