import LitmusDiagnostics
import Testing

@testable import LessonMarkdown

/// `\label`, `\tag`, `\nonumber`, `\ref` and `\eqref` inside a formula, and in the prose where
/// MathJax reads them.
struct TeXLabelTests {
    @Test func labelsAndTagsByRow() throws {
        let source = MarkedSource(
            """
            $$\\begin{align}
            a &= b 1️⃣\\label{eq:a} \\\\
            c &= d 2️⃣\\tag{2.1} \\\\
            e &= f \\nonumber
            \\end{align}$$

            See 3️⃣\\eqref{eq:a} and $x = 4️⃣\\ref{eq:a}$.
            """)
        let lesson = LessonParser.parse(markdown: source.text)
        let formula = try #require(lesson.math.first)
        #expect(formula.labels.map(\.name) == ["eq:a"])
        #expect(formula.labels.map(\.row) == [0])
        #expect(formula.labels.first?.range.start == source["1"])
        #expect(formula.labels.first?.syntax == .tex)
        #expect(formula.tags.map(\.text) == ["2.1"])
        #expect(formula.tags.map(\.row) == [1])
        #expect(formula.tags.first?.range.start == source["2"])
        #expect(!formula.isUnnumbered, "\\nonumber is on the third row")
        #expect(lesson.references.map(\.syntax) == [.texEquation, .texPlain])
        #expect(lesson.references.map(\.formula) == [nil, 1])
        #expect(lesson.references.map(\.range.start) == [source["3"], source["4"]])
    }

    @Test func starredEnvironmentsAndNonumberAreUnnumbered() {
        let lesson = LessonParser.parse(
            markdown: "\\begin{align*}\na\n\\end{align*}\n\n$$a \\notag$$\n\n$$\\begin{equation}b\\end{equation}$$\n")
        #expect(lesson.math.map(\.isUnnumbered) == [true, true, false])
    }
}
