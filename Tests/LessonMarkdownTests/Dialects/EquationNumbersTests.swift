import Testing

@testable import LessonMarkdown

/// Labelled display formulas are numbered in order, a tag shows its own text, and references
/// resolve by label.
struct EquationNumbersTests {
    @Test func labelledFormulasAreNumberedInOrderAcrossDialectsAndTags() throws {
        let lesson = LessonParser.parse(
            markdown: """
                $$a = 1$$
                :eqlabel:`eq_a`

                $$b = 2$$

                $$c = 3 \\tag{C}$$

                $$d = 4 \\label{eq:d}$$

                See :eqref:`eq_a`, :eqref:`eq:d` and :eqref:`eq_none`.
                """)
        let numbers = EquationNumbers(lesson)
        #expect(numbers.numbers.map(\.shown) == ["(1)", "(C)", "(2)"])
        #expect(numbers.numbers.map(\.formula) == [0, 2, 3])
        #expect(lesson.references.map { numbers.number(for: $0)?.shown } == ["(1)", "(2)", nil])
    }

    @Test func rowsOfAnAlignAreNumberedByTheirLabels() {
        let lesson = LessonParser.parse(
            markdown: """
                $$\\begin{align}
                a &= b \\label{first} \\\\
                c &= d \\\\
                e &= f \\tag*{*} \\label{third}
                \\end{align}$$
                """)
        let numbers = EquationNumbers(lesson)
        #expect(numbers.numbers.map(\.row) == [0, 2])
        #expect(numbers.numbers.map(\.shown) == ["(1)", "*"])
        #expect(numbers.byLabel["third"]?.shown == "*")
    }

    @Test func unnumberedAndInlineFormulasTakeNoNumber() {
        let lesson = LessonParser.parse(markdown: "$x \\label{inline}$\n\n$$y \\label{off} \\nonumber$$\n")
        #expect(EquationNumbers(lesson).numbers.isEmpty)
    }
}
