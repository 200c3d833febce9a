import LitmusDiagnostics
import Testing

@testable import LessonMarkdown

/// d2l-book's markup: `:eqlabel:` names the display formula above it, `:eqref:` and `:numref:`
/// refer to labels, `:label:` names a section or figure; none of it is shown as written.
struct D2LTests {
    private func parse(_ source: MarkedSource) -> Lesson {
        LessonParser.parse(markdown: source.text, path: "lesson.md")
    }

    @Test func anEquationLabelNamesTheFormulaAbove() throws {
        let source = MarkedSource(
            """
            ## Gates
            1️⃣:label:`sec_gates`

            The gate is

            2️⃣$$\\mathbf{g} = \\sigma(\\mathbf{W}\\mathbf{x}).$$
            3️⃣:eqlabel:`eq_gate`

            By 4️⃣:eqref:`eq_gate` and 5️⃣:numref:`sec_gates`, and :cite:`Someone.2020`.

            """)
        let lesson = parse(source)
        #expect(lesson.dialect == .d2l)
        #expect(lesson.math.count == 1)
        let formula = try #require(lesson.math.first)
        #expect(formula.range.start == source["2"])
        #expect(formula.labels.map(\.name) == ["eq_gate"])
        #expect(formula.labels.map(\.syntax) == [.d2l])
        #expect(formula.labels.first?.range.start == source["3"])
        #expect(formula.labels.first?.range.end.column == source["3"].column + ":eqlabel:`eq_gate`".utf8.count)
        #expect(lesson.references.map(\.target) == ["eq_gate", "sec_gates"])
        #expect(lesson.references.map(\.syntax) == [.d2lEquation, .d2lNumbered])
        #expect(lesson.references.map(\.range.start) == [source["4"], source["5"]])
        #expect(lesson.references.map(\.isEquation) == [true, false])
        #expect(lesson.blockLabels.map(\.name) == ["sec_gates"])
        #expect(lesson.blockLabels.first?.range.start == source["1"])
        let text = lesson.document.plainText(math: lesson.math)
        #expect(!text.contains(":eqlabel:") && !text.contains(":label:"))
        #expect(text.contains(":eqref:`eq_gate`"), "an unresolved reference reads as written")
        #expect(text.contains(":cite:"), "citations are not references to labels")
    }

    @Test func referencesAreNodesInTheTree() {
        let lesson = parse(MarkedSource("See :eqref:`eq_a`.\n"))
        var found: [Int] = []
        lesson.document.forEachDescendant { if case .reference(let index) = $0.kind { found.append(index) } }
        #expect(found == [0])
    }

    @Test func rolesInCodeAreCode() {
        let lesson = parse(MarkedSource("Write ``:eqref:`x` `` in code.\n\n```\n:eqref:`y`\n```\n\nBut :label:`z`.\n"))
        #expect(lesson.references.isEmpty)
        #expect(lesson.blockLabels.map(\.name) == ["z"])
    }
}
