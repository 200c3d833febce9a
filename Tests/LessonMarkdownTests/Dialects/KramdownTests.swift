import LitmusDiagnostics
import Testing

@testable import LessonMarkdown

/// kramdown's math as Jekyll course sites write it: `\\(…\\)`, `\\[…\\]` and `$$…$$`, which is
/// display math only when it stands alone in its paragraph.
struct KramdownTests {
    private func parse(_ source: MarkedSource, dialect: MathDialect? = nil) -> Lesson {
        LessonParser.parse(markdown: source.text, path: "lesson.md", dialect: dialect)
    }

    @Test func doubleBackslashPairsAreMathAndTheDialectIsDetected() {
        let source = MarkedSource("The weights 1️⃣\\\\(W \\in \\mathbb{R}^{n}\\\\) and 2️⃣\\\\[ y = Wx \\\\] here.\n")
        let lesson = parse(source)
        #expect(lesson.dialect == .kramdown)
        #expect(lesson.dialectSource == .detected)
        #expect(lesson.math.map(\.latex) == ["W \\in \\mathbb{R}^{n}", " y = Wx "])
        #expect(lesson.math.map(\.delimiter) == [.doubleBackslashParenthesis, .doubleBackslashBracket])
        #expect(lesson.math.map(\.isDisplay) == [false, true])
        #expect(lesson.math.map(\.range.start) == [source["1"], source["2"]])
        #expect(lesson.diagnostics.isEmpty)
    }

    @Test func doubleDollarsAreInlineInsideTextAndDisplayAlone() {
        let source = MarkedSource(
            "So 1️⃣$$a = b$$ holds.\n\n2️⃣$$ c\n= d\n$$\n\nAnd \\\\(x\\\\) too.\n")
        let lesson = parse(source)
        #expect(lesson.math.map(\.latex) == ["a = b", " c\n= d\n", "x"])
        #expect(lesson.math.map(\.isDisplay) == [false, true, false])
        #expect(lesson.math.map(\.range.start).prefix(2) == [source["1"], source["2"]])
    }

    @Test func singleBackslashPairsAreEscapesAndAWarningSaysSo() throws {
        let source = MarkedSource("Here 1️⃣\\(a\\) and \\(b\\), but \\\\(c\\\\).\n")
        let lesson = parse(source, dialect: .kramdown)
        #expect(lesson.dialectSource == .course)
        #expect(lesson.math.map(\.latex) == ["c"])
        let warning = try #require(lesson.diagnostics.first)
        #expect(warning.id.rawValue == "math.unread-delimiter")
        #expect(warning.location == source["1"])
        #expect(warning.message.contains("2 pairs"))
        #expect(warning.notes.first?.message.contains("dialect=jupyter") == true)
    }

    @Test func theJupyterDialectWarnsAboutDoubleBackslashPairsItLeavesAsText() throws {
        // Both kinds of pair: kramdown would drop the single ones, so it is not detected.
        let source = MarkedSource("A \\(x\\) and 1️⃣\\\\(y\\\\) and \\\\(z\\\\).\n")
        let lesson = parse(source)
        #expect(lesson.dialect == .jupyter)
        #expect(lesson.math.map(\.latex) == ["x"])
        let warning = try #require(lesson.diagnostics.first { $0.id.rawValue == "math.unread-delimiter" })
        #expect(warning.location == source["1"])
        #expect(warning.message.contains("2 pairs left as text"))
        #expect(warning.notes.first?.message.contains("dialect: kramdown") == true)
        #expect(lesson.document.plainText(math: lesson.math).contains("\\(y\\)"))
    }

    @Test func aMatrixRowSpacingIsNotAPair() {
        let lesson = parse(MarkedSource("$$\\begin{matrix} a \\\\[2pt] b \\end{matrix}$$\n"))
        #expect(lesson.dialect == .jupyter)
        #expect(lesson.math.count == 1)
        #expect(lesson.diagnostics.isEmpty)
    }

    @Test func frontMatterIsNotContent() {
        let source = MarkedSource("---\nlayout: page\ntitle: $x$\n---\n\nText 1️⃣\\\\(a\\\\).\n")
        let lesson = parse(source)
        #expect(lesson.math.map(\.latex) == ["a"])
        #expect(lesson.math.first?.range.start == source["1"])
        #expect(lesson.document.children.count == 1)
    }
}
