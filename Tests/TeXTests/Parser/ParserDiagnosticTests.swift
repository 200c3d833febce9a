import LitmusDiagnostics
import TeX
import Testing

/// Errors name the problem and point at it; the parser always returns a tree.
@Suite struct ParserDiagnosticTests {
    static let cases: [(marked: String, id: DiagnosticID, message: String)] = [
        ("x + 1️⃣\\foo y", .texUnknownCommand, "unknown command `\\foo`"),
        ("1️⃣\\begin{foo} x \\end{foo}", .texUnknownEnvironment, "unknown environment `foo`"),
        ("a 1️⃣{ b", .texUnclosedGroup, "`{` is never closed"),
        ("a 1️⃣} b", .texUnmatchedClose, "unmatched `}`"),
        ("1️⃣\\begin{cases} a", .texMismatchedEnvironment, "`\\begin{cases}` is never closed"),
        (
            "\\begin{pmatrix} a 1️⃣\\end{bmatrix}", .texMismatchedEnvironment,
            "`\\begin{pmatrix}` is closed by `\\end{bmatrix}`"
        ),
        ("x1️⃣^", .texMissingArgument, "`^` needs an argument"),
        ("x^a1️⃣^b", .texDoubleScript, "double superscript; use braces, e.g. `x^{a^b}`"),
        ("a 1️⃣& b", .texMisplacedAlignment, "`&` outside an environment"),
        ("1️⃣\\left x \\right)", .texMissingDelimiter, "`\\left` needs a delimiter such as `(` or `.`"),
        ("1️⃣\\sqrt", .texMissingArgument, "`\\sqrt` needs an argument"),
        ("\\text{a}\n  1️⃣\\bar", .texMissingArgument, "`\\bar` needs an argument"),
    ]

    @Test(arguments: cases)
    func errorAtMarker(marked: String, id: DiagnosticID, message: String) {
        let source = MarkedSource(marked)
        let result = TeX.parse(source.text, display: false)
        let diagnostic = result.diagnostics.first { $0.id == id }
        #expect(diagnostic?.severity == .error)
        #expect(diagnostic?.message == message)
        #expect(diagnostic?.location == source["1️⃣"])
    }

    @Test func unknownCommandIsNeverLetters() {
        let result = TeX.parse("\\relu(x)", display: false)
        #expect(TeXTreeDumper().dump(result.root) == "row@1:1[unknown(\\relu)@1:1 paren(@1:6[id(x)@1:7])]")
        #expect(result.mathML.contains("<merror><mtext>\\relu</mtext></merror>"))
    }

    @Test func diagnosticsRebaseOntoTheFile() {
        let result = TeX.parse("a +\n  \\oops", display: true)
        let rebased = result.diagnostics.map { $0.rebased(onto: .init(line: 10, column: 7)) }
        #expect(rebased.map(\.location) == [LitmusDiagnostics.SourceLocation(line: 11, column: 3)])
    }
}
