import Foundation
import LessonMarkdown
import LitmusDiagnostics
import Site
import Testing

struct SiteBuilderTests {
    @Test func textIsEscapedEverywhere() {
        let lesson = """
            # A <b>bold</b> & "quoted" title

            Prose with 5 < 6 & "quotes" and 'apostrophes', and $a < b \\& c$.

            ```swift
            let s = "<tag> & \\"q\\""
            ```
            """
        let output = SiteFixtures.build(
            [("a.md", lesson)], marks: ["a.md": [0: FormulaMark(.mismatch, "at a=1: <left> & \"right\" differ")]])
        let page = SiteFixtures.page(output, "a.html")
        let reader = XMLReader(page, collect: ["annotation", "p", "code"])
        #expect(reader.error == nil)
        #expect(reader.texts["annotation"] == ["a < b \\& c"])
        #expect(reader.texts["p"]?.contains { $0.contains("5 < 6 & \"quotes\" and 'apostrophes'") } == true)
        #expect(reader.texts["code"]?.contains("let s = \"<tag> & \\\"q\\\"\"\n") == true)
        #expect(page.contains("data-verdict=\"mismatch: at a=1: &lt;left&gt; &amp; &quot;right&quot; differ\""))
        // Raw HTML in a heading stays markup; the text around it is escaped.
        #expect(page.contains("<h1 id=\"a-bold--quoted-title\">A <b>bold</b> &amp; &quot;quoted&quot; title"))
    }

    @Test func scriptsHandlersAndScriptURLsNeverReachThePage() {
        let lesson = """
            <script>alert("x")</script>

            Text <iframe src="https://example.com"></iframe> and <a href="javascript:alert(1)" onclick="steal()">a link</a>.

            [inline](javascript:alert(1)), [reference][evil], <javascript:alert(1)>, [entity](javascript&colon;alert(1)),
            [spaced](<java script:alert(1)>), ![image](javascript:alert(1)) and [fine](https://example.com).

            [evil]: JAVASCRIPT:alert(1)

            <style>body { display: none }</style>
            """
        let page = SiteFixtures.page(SiteFixtures.build([("a.md", lesson)]), "a.html")
        let reader = XMLReader(page)
        #expect(reader.error == nil)
        #expect(!reader.elements.contains("script"))
        #expect(!reader.elements.contains("iframe"))
        #expect(reader.elements.filter { $0 == "style" }.isEmpty)
        #expect(!page.contains("onclick"))
        let values = reader.attributes.flatMap { $0.attributes.values }.map { $0.lowercased() }
        #expect(!values.contains { $0.contains("javascript") || $0.contains("java script") })
        #expect(page.contains("<a href=\"https://example.com\">fine</a>"))
        // The refused links keep their text; the autolink shows its URL as plain text.
        #expect(page.contains("<p>inline, reference, javascript:alert(1), entity,"))
    }

    @Test func hiddenCellsAreLeftOutAndSwiftIsHighlighted() {
        let lesson = """
            ```swift hide
            let secret = 1
            ```

            ```swift
            // a comment
            let rate: Double = 0.5
            print("hi")
            ```

            ```output
            hi
            ```
            """
        let page = SiteFixtures.page(SiteFixtures.build([("a.md", lesson)]), "a.html")
        #expect(!page.contains("secret"))
        #expect(page.contains("<span class=\"cm\">// a comment</span>"))
        #expect(
            page.contains(
                "<span class=\"kw\">let</span> rate: <span class=\"ty\">Double</span> = <span class=\"nu\">0.5</span>"))
        #expect(page.contains("<span class=\"st\">&quot;hi&quot;</span>"))
        #expect(page.contains("<pre class=\"output\"><samp>hi\n</samp></pre>"))
    }

    @Test func lessonLinksPointToPagesAndMissingTargetsAreWarnings() throws {
        let lesson = """
            See [the next lesson](02-next.md#top), [a notebook](<./Deep Dive.ipynb>), [gone](missing.md)
            and ![a plot](img/plot.png) ![absent](img/none.png) [web](https://example.com).
            """
        let output = SiteFixtures.build(
            [("01-a.md", lesson), ("02-next.md", "# Next\n")], existing: ["img/plot.png", "Deep Dive.ipynb"])
        let page = SiteFixtures.page(output, "01-a.html")
        #expect(page.contains("href=\"02-next.html#top\""))
        #expect(page.contains("href=\"./Deep%20Dive.html\""))
        #expect(page.contains("src=\"img/plot.png\""))
        #expect(page.contains("href=\"https://example.com\""))
        #expect(output.copies == ["img/plot.png"])
        // In the order of the file, as a compiler lists them.
        let warnings = try #require(output.diagnostics["01-a.md"])
        #expect(
            warnings.map(\.message) == ["broken link: 'missing.md' does not exist", "missing image 'img/none.png'"])
        #expect(
            warnings.map(\.location) == [
                LitmusDiagnostics.SourceLocation(line: 1, column: 75),
                LitmusDiagnostics.SourceLocation(line: 2, column: 29),
            ])
        #expect(warnings.allSatisfy { $0.severity == .warning })
    }

    @Test func pagesHaveContentsAnchorsAndNeighbours() {
        let output = SiteFixtures.build([
            ("01-a.md", "# First\n\n## Part one\n\n## Part one\n"), ("02-b.md", "# Second\n"), ("03-c.md", "# Third\n"),
        ])
        let middle = SiteFixtures.page(output, "02-b.html")
        #expect(middle.contains("<a class=\"previous\" rel=\"prev\" href=\"01-a.html\">← First</a>"))
        #expect(middle.contains("<a class=\"next\" rel=\"next\" href=\"03-c.html\">Third →</a>"))
        let first = SiteFixtures.page(output, "01-a.html")
        #expect(first.contains("<h2 id=\"part-one\">"))
        #expect(first.contains("<h2 id=\"part-one-1\">"))
        #expect(!first.contains("rel=\"prev\""))
    }

    @Test func everyPageListsTheCourseInOrderWithTheCurrentLessonMarked() {
        let output = SiteFixtures.build([
            ("01-a.md", "# First\n"), ("part/02-b.md", "# Second\n"), ("03-c.md", "# Third & last\n"),
        ])
        let middle = SiteFixtures.page(output, "part/02-b.html")
        let reader = XMLReader(middle, collect: ["ol"])
        #expect(reader.error == nil)
        #expect(
            middle.contains(
                """
                <nav class="course" aria-label="Lessons">
                <p class="toc-title"><a href="../index.html">Course</a></p>
                <ol>
                <li><a href="../01-a.html">First</a></li>
                <li class="current"><a href="../part/02-b.html" aria-current="page">Second</a></li>
                <li><a href="../03-c.html">Third &amp; last</a></li>
                </ol>
                """))
        let first = SiteFixtures.page(output, "01-a.html")
        #expect(first.contains("<li class=\"current\"><a href=\"01-a.html\" aria-current=\"page\">First</a></li>"))
        #expect(first.components(separatedBy: "aria-current").count == 2)
    }

    @Test func aFormulaOfSeveralSpansIsListedOnceWithItsCounterexampleCompacted() {
        let matrix =
            "["
            + (1...6).map { row in "[" + (1...5).map { "\(row).\($0)1234" }.joined(separator: ", ") + "]" }
            .joined(separator: ", ") + "]"
        let example = FormulaMark.Counterexample(
            inputs: ["W = " + matrix, "x = (1, 2, 3, 4, 5)ᵀ"], formula: "(1, 2, 3, 4, 5, 6)ᵀ",
            expected: "(0, 0, 0, 0, 0, 0)ᵀ")
        let wrong = "it drops the bias"
        let marks: [Int: FormulaMark] = [
            0: FormulaMark(.mismatch, wrong, counterexample: example, group: 0),
            1: FormulaMark(.mismatch, "part of the formula at 1:1: " + wrong, counterexample: example, group: 0),
            2: FormulaMark(.mismatch, "part of the formula at 1:1: " + wrong, counterexample: example, group: 0),
        ]
        let output = SiteFixtures.build([("a.md", "So $W$ $x =$ $z$ here.\n")], marks: ["a.md": marks])
        let page = SiteFixtures.page(output, "a.html")
        #expect(XMLReader(page).error == nil)
        let summary = page.components(separatedBy: "<section class=\"summary")[1].components(separatedBy: "</section>")[
            0]
        #expect(summary.components(separatedBy: "<li").count == 2)
        #expect(summary.contains("<a href=\"#formula-0\"><code>W x = z</code></a>: it drops the bias"))
        #expect(
            summary.contains(
                "<summary>Counterexample at W = 6×5 [[1.11, 1.21, 1.31, …], …], x = 5 (1, 2, 3, …)ᵀ: the formula gives "
                    + "6 (1, 2, 3, …)ᵀ, expected 6 (0, 0, 0, …)ᵀ</summary>"))
        #expect(summary.contains("<dt>W</dt><dd><pre>1.11234  1.21234  1.31234  1.41234  1.51234\n2.11234"))
        // The matrix appears in full once, in the summary's details, not once per span.
        #expect(page.components(separatedBy: "1.51234").count == 2)
        // One mark, after the last span, that says what it means in words.
        #expect(page.components(separatedBy: "class=\"verdict\"").count == 2)
        #expect(
            page.contains(
                "<span class=\"verdict\"><span aria-hidden=\"true\">✗</span><span class=\"visually-hidden\"> (mismatch: part of"
            ))
    }

    @Test func theIndexListsLessonsInOrderWithTheirCounts() {
        let marks: [String: [Int: FormulaMark]] = [
            "01-a.md": [0: FormulaMark(.verified, "sigmoid"), 1: FormulaMark(.mismatch, "wrong sign")]
        ]
        let output = SiteFixtures.build(
            [("01-a.md", "# Alpha\n\n$x$ and $y$\n"), ("02-b.md", "# Beta\n")], marks: marks)
        let index = SiteFixtures.page(output, "index.html")
        let reader = XMLReader(index, collect: ["li"])
        #expect(reader.error == nil)
        #expect(reader.texts["li"] == ["Alpha 2 formulas: 1 verified, 1 mismatch", "Beta 0 formulas"])
        let page = SiteFixtures.page(output, "01-a.html")
        #expect(page.contains("<section class=\"summary has-mismatch\""))
        #expect(page.contains("<a href=\"#formula-1\"><code>y</code></a>: wrong sign"))
        #expect(page.contains("class=\"formula inline verified\" id=\"formula-0\" tabindex=\"0\""))
    }

    @Test func outputIsDeterministicAndMatchesTheGoldenPage() throws {
        let lesson = """
            # Golden lesson

            The sigmoid $\\sigma(z) = \\frac{1}{1+e^{-z}}$ squashes.

            $$
            W = \\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}
            $$

            | a | b |
            |:--|--:|
            | $|x|$ | ~~old~~ |

            - [x] done
            - [ ] to do

            > quoted *text* with `code`
            """
        let marks: [String: [Int: FormulaMark]] = ["g.md": [0: FormulaMark(.verified, "against NeuralCore sigmoid")]]
        let first = SiteFixtures.page(SiteFixtures.build([("g.md", lesson)], marks: marks), "g.html")
        let second = SiteFixtures.page(SiteFixtures.build([("g.md", lesson)], marks: marks), "g.html")
        #expect(first == second)
        #expect(XMLReader(first).error == nil)
        try goldenFiles.check(first, named: "golden-lesson.html")
    }
}
