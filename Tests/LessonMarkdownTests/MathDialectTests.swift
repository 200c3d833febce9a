import LitmusDiagnostics
import Testing

@testable import LessonMarkdown

/// The lesson dialect's math rules (DESIGN.md), each with positions marked in the input.
struct MathDialectTests {
    private func parse(_ marked: MarkedSource) -> Lesson {
        LessonParser.parse(markdown: marked.text, path: "test.md")
    }

    @Test func inlineDollarsAllowInnerSpacesAndSpanLines() {
        let source = MarkedSource("Let 1️⃣$ x = \n y $ hold, and 2️⃣$z$.\n")
        let lesson = parse(source)
        #expect(lesson.math.map(\.latex) == [" x = \n y ", "z"])
        #expect(lesson.math.map(\.range.start) == [source["1"], source["2"]])
        #expect(lesson.math.allSatisfy { !$0.isDisplay })
    }

    @Test func mathInAGFMTableCellMayContainPipes() throws {
        let source = MarkedSource("| norm | value |\n|---|---|\n| 1️⃣$|x|$ | 2️⃣$\\|W\\|_2$ |\n")
        let lesson = parse(source)
        #expect(lesson.math.map(\.latex) == ["|x|", "\\|W\\|_2"])
        #expect(lesson.math.map(\.range.start) == [source["1"], source["2"]])
        let table = try #require(lesson.document.children.first)
        guard case .table(let alignments) = table.kind else {
            Issue.record("expected a table, got \(table.kind)")
            return
        }
        #expect(alignments.count == 2)
        #expect(table.children.count == 2)
        #expect(table.children[1].children.count == 2)
    }

    @Test func displayMathWithAListLineAndABlankLineInside() {
        let source = MarkedSource("Text\n\n1️⃣$$\na\n- b\n\nc\n$$\n\nAfter.\n")
        let lesson = parse(source)
        #expect(lesson.math.count == 1)
        #expect(lesson.math.first?.latex == "\na\n- b\n\nc\n")
        #expect(lesson.math.first?.range.start == source["1"])
        #expect(lesson.math.first?.isDisplay == true)
        let kinds = lesson.document.children.map(\.kind)
        #expect(!kinds.contains { if case .list = $0 { true } else { false } }, "the '- b' line became a list")
        #expect(LessonOutline(lesson).blocks.map(\.kind) == ["paragraph", "math", "paragraph"])
    }

    @Test func displayMathInsideAParagraphAndAListItem() {
        let source = MarkedSource("So, 1️⃣$$ a = b $$ holds.\n\n* 2️⃣$$W \\rightarrow W$$\n")
        let lesson = parse(source)
        #expect(lesson.math.map(\.latex) == [" a = b ", "W \\rightarrow W"])
        #expect(lesson.math.map(\.range.start) == [source["1"], source["2"]])
        #expect(lesson.math.allSatisfy { $0.isDisplay })
    }

    @Test func escapedDollarsAreDollarSigns() {
        let lesson = parse(MarkedSource("It costs \\$5 and \\$10, not $x$.\n"))
        #expect(lesson.math.map(\.latex) == ["x"])
        #expect(lesson.document.plainText(math: lesson.math).contains("$5 and $10"))
        #expect(lesson.diagnostics.isEmpty)
    }

    @Test func nothingInCodeSpansOrCodeBlocksIsMath() {
        let text = """
            Use `$x$` and ``a ` $y$ `` in code, but 1️⃣$z$ is math.

            ```swift
            let price = "$5 and $6"
            ```

                indented $code$ here

            ~~~
            $$ not math $$
            ~~~
            """
        let source = MarkedSource(text)
        let lesson = parse(source)
        #expect(lesson.math.map(\.latex) == ["z"])
        #expect(lesson.math.first?.range.start == source["1"])
        #expect(
            lesson.codeCells.map(\.source) == [
                "let price = \"$5 and $6\"\n", "indented $code$ here\n", "$$ not math $$\n",
            ])
    }

    @Test func nothingInHTMLAttributesOrCommentsIsMath() {
        let source = MarkedSource(
            "<img src=\"a$b$.png\" alt=\"$x$\"> and <!-- $y$ --> then 1️⃣$z$ and <span title='$w$'>2️⃣$v$</span>\n")
        let lesson = parse(source)
        #expect(lesson.math.map(\.latex) == ["z", "v"])
        #expect(lesson.math.map(\.range.start) == [source["1"], source["2"]])
    }

    @Test func markdownPunctuationInsideMathSurvivesExactly() {
        let latex = #"\begin{pmatrix} a_1 \\ b_{*} \end{pmatrix} \{x\} \_ a*b*c _d_ |x| < y & z"#
        let lesson = parse(MarkedSource("$\(latex)$ and *emphasis*\n"))
        #expect(lesson.math.map(\.latex) == [latex])
        var emphasis = 0
        lesson.document.forEachDescendant { if case .emphasis = $0.kind { emphasis += 1 } }
        #expect(emphasis == 1)
    }

    @Test func unterminatedDelimitersWarnAndKeepTheText() throws {
        let source = MarkedSource("Costs 1️⃣$5 today.\n\nA 2️⃣$$ never closed\n")
        let lesson = parse(source)
        #expect(lesson.math.isEmpty)
        let warnings = lesson.diagnostics.filter { $0.id.rawValue == "math.unterminated" }
        #expect(warnings.map(\.location) == [source["1"], source["2"]])
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(lesson.document.plainText(math: lesson.math).contains("Costs $5 today."))
        #expect(lesson.document.plainText(math: lesson.math).contains("A $$ never closed"))
    }

    @Test func inlineMathStopsAtABlankLine() {
        let source = MarkedSource("A 1️⃣$x\n\ny2️⃣$ b\n")
        let lesson = parse(source)
        #expect(lesson.math.isEmpty)
        #expect(lesson.diagnostics.map(\.location) == [source["1"], source["2"]])
    }

    @Test func mathInHeadingsAndListItems() {
        let source = MarkedSource("## The 1️⃣$\\sigma$ function\n\n- item 2️⃣$a^{(1)}$\n  1. nested 3️⃣$b$\n")
        let lesson = parse(source)
        #expect(lesson.math.map(\.range.start) == [source["1"], source["2"], source["3"]])
        #expect(lesson.headings.map(\.text) == ["The $\\sigma$ function"])
    }

    @Test func parenthesisBracketFenceAndBareEnvironment() {
        let text = """
            Inline 1️⃣\\(a+b\\) and display 2️⃣\\[c\\] here.

            3️⃣```math
            \\frac{1}{2}
            ```

            4️⃣\\begin{align}
            x &= 1 \\\\
            y &= 2
            \\end{align}
            """
        let source = MarkedSource(text)
        let lesson = parse(source)
        #expect(
            lesson.math.map(\.latex) == [
                "a+b", "c", "\\frac{1}{2}", "\\begin{align}\nx &= 1 \\\\\ny &= 2\n\\end{align}",
            ])
        #expect(lesson.math.map(\.range.start) == [source["1"], source["2"], source["3"], source["4"]])
        #expect(lesson.math.map(\.isDisplay) == [false, true, true, true])
        #expect(lesson.math.map(\.delimiter) == [.parenthesis, .bracket, .fence, .environment("align")])
    }

    @Test func crlfLineEndingsKeepPositions() {
        let source = MarkedSource("First line\r\nthen 1️⃣$a$\r\n\r\n2️⃣$$\r\nb\r\n$$\r\n")
        let lesson = parse(source)
        #expect(lesson.math.map(\.latex) == ["a", "\nb\n"])
        #expect(lesson.math.map(\.range.start) == [source["1"], source["2"]])
    }

    @Test func aByteOrderMarkIsSkipped() {
        let source = MarkedSource("\u{FEFF}1️⃣$x$ first\n")
        let lesson = parse(source)
        #expect(lesson.math.map(\.latex) == ["x"])
        #expect(lesson.math.first?.range.start == SourceLocation(line: 1, column: 1))
    }

    @Test func columnsCountUTF8BytesAsTheCompilerDoes() {
        let source = MarkedSource("Größe σ 𝑥: 1️⃣$y$\n")
        let lesson = parse(source)
        #expect(lesson.math.first?.range.start == source["1"])
        // G r ö ß e ␠ σ ␠ 𝑥 : ␠ = 1+1+2+2+1+1+2+1+4+1+1 = 17 bytes before the dollar.
        #expect(source["1"].column == 18)
    }

    @Test func spansSeparatedOnlyByWhiteSpaceFormAGroup() {
        let lesson = parse(MarkedSource("$W$ $x =$\n$z$ and $q$\n\n$r$\n"))
        #expect(lesson.math.map(\.group) == [0, 0, 0, 3, 4])
    }

    @Test func aTeXPositionMapsBackIntoTheFile() {
        let source = MarkedSource("> Quote $$a\n> 1️⃣b$$\n")
        let lesson = parse(source)
        #expect(lesson.math.first?.latex == "a\nb")
        #expect(lesson.math.first?.fileLocation(ofLatex: SourceLocation(line: 2, column: 1)) == source["1"])
    }
}
