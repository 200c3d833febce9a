import LitmusDiagnostics
import Testing

@testable import LessonMarkdown

/// MyST (Jupyter Book and jupytext notebooks): `$$…$$ (label)`, ```` ```{math} ```` with
/// `:label:`, the `{math}` and `{eq}` roles, `(label)=` targets, `%` comments, `+++` cell
/// markers and ```` ```{code-cell} ```` cells.
struct MySTTests {
    private func parse(_ source: MarkedSource) -> Lesson {
        LessonParser.parse(markdown: source.text, path: "lesson.md")
    }

    @Test func labelsAfterDisplayMathAndInTheMathDirective() throws {
        let source = MarkedSource(
            """
            1️⃣(sec-loss)=
            # Loss

            2️⃣$$
            L = (y - \\hat{y})^2
            $$ 3️⃣(eq-loss)

            4️⃣```{math}
            5️⃣:label: eq-grad
            :nowrap: false

            6️⃣\\frac{\\partial L}{\\partial y}
            ```

            From 7️⃣{eq}`eq-loss` and {numref}`the loss <sec-loss>`, with 8️⃣{math}`\\eta > 0`.

            """)
        let lesson = parse(source)
        #expect(lesson.dialect == .myst)
        #expect(lesson.math.map(\.delimiter) == [.doubleDollar, .directive, .role])
        #expect(
            lesson.math.map(\.latex) == ["\nL = (y - \\hat{y})^2\n", "\\frac{\\partial L}{\\partial y}", "\\eta > 0"])
        #expect(lesson.math.map(\.range.start) == [source["2"], source["4"], source["8"]])
        #expect(lesson.math.map(\.isDisplay) == [true, true, false])
        #expect(lesson.math[0].labels.map(\.name) == ["eq-loss"])
        #expect(lesson.math[0].labels.first?.range.start == source["3"])
        #expect(lesson.math[1].labels.map(\.name) == ["eq-grad"])
        #expect(lesson.math[1].labels.first?.range.start == source["5"])
        #expect(lesson.math[1].fileLocation(ofLatex: SourceLocation(line: 1, column: 2)).line == source["6"].line)
        #expect(lesson.references.map(\.target) == ["eq-loss", "sec-loss"])
        #expect(lesson.references.map(\.syntax) == [.mystEquation, .mystNumbered])
        #expect(lesson.references.map(\.text) == [nil, "the loss"])
        #expect(lesson.references.first?.range.start == source["7"])
        #expect(lesson.blockLabels.map(\.name) == ["sec-loss"])
        #expect(lesson.blockLabels.first?.range.start == source["1"])
        #expect(lesson.title == "Loss")
        #expect(lesson.diagnostics.isEmpty)
    }

    @Test func aJupytextNotebookHasCellsAndHidesItsMarkers() throws {
        let source = MarkedSource(
            """
            ---
            jupytext:
              text_representation:
                format_name: myst
            kernelspec:
              name: python3
            ---

            +++ {"id": "abc"}

            # Notebook
            % a comment with $not math$

            ```{code-cell} ipython3
            :tags: [hide-input]

            x = 1
            ```

            Then 1️⃣$ y $ is math.
            """)
        let lesson = parse(source)
        #expect(lesson.dialect == .myst)
        #expect(lesson.math.map(\.latex) == [" y "])
        #expect(lesson.math.first?.range.start == source["1"])
        let cell = try #require(lesson.codeCells.first)
        #expect(cell.language == "python")
        #expect(cell.source == "\nx = 1\n")
        #expect(lesson.title == "Notebook")
        #expect(!lesson.document.plainText(math: lesson.math).contains("+++"))
    }

    @Test func aNoteDirectiveHoldsMarkdown() {
        let source = MarkedSource("Intro {ref}`x`.\n\n```{note}\n:class: dropdown\nSee 1️⃣$a^2$.\n```\n")
        let lesson = parse(source)
        #expect(lesson.math.map(\.latex) == ["a^2"])
        #expect(lesson.math.first?.range.start == source["1"])
        #expect(!lesson.document.plainText(math: lesson.math).contains(":class:"))
    }

    @Test func singleBackslashPairsAreEscapes() {
        let lesson = parse(MarkedSource("A {eq}`e` and \\(x\\).\n"))
        #expect(lesson.math.isEmpty)
        #expect(lesson.diagnostics.map(\.id.rawValue) == ["math.unread-delimiter"])
    }
}
