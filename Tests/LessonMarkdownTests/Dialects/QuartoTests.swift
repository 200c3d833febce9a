import LitmusDiagnostics
import Testing

@testable import LessonMarkdown

/// Quarto and pandoc Markdown: pandoc's `$` rule, `$$…$$ {#eq-…}` and `@eq-…`.
struct QuartoTests {
    private func parse(_ source: MarkedSource, path: String = "lesson.qmd") -> Lesson {
        LessonParser.parse(markdown: source.text, path: path)
    }

    @Test func labelsAndReferences() throws {
        let source = MarkedSource(
            """
            # Losses {#sec-losses}

            1️⃣$$
            L = -\\log p
            $$ 2️⃣{#eq-nll}

            By 3️⃣@eq-nll, in @sec-losses. Mail me@eq-x.org.

            """)
        let lesson = parse(source, path: "lesson.md")
        #expect(lesson.dialect == .quarto)
        #expect(lesson.math.count == 1)
        #expect(lesson.math.first?.range.start == source["1"])
        #expect(lesson.math.first?.labels.map(\.name) == ["eq-nll"])
        #expect(lesson.math.first?.labels.first?.range.start == source["2"])
        #expect(lesson.references.map(\.target) == ["eq-nll", "sec-losses"])
        #expect(lesson.references.first?.range.start == source["3"])
        #expect(lesson.blockLabels.map(\.name) == ["sec-losses"])
        #expect(lesson.headings.map(\.text) == ["Losses"])
    }

    /// An opening `$` is followed by a non-space and closed by the next `$`, which follows a
    /// non-space and precedes no digit; otherwise the opener is a dollar sign (as pandoc reads
    /// it: `pandoc -f markdown -t native`).
    @Test func pandocsDollarRule() {
        let source = MarkedSource("Costs $5 and $ 6, but 1️⃣$x$ and 2️⃣$a$b$ and $c $ are.\n")
        let lesson = parse(source)
        #expect(lesson.dialect == .quarto)
        #expect(lesson.dialectSource == .detected)
        #expect(lesson.math.map(\.latex) == ["x", "a"])
        #expect(lesson.math.map(\.range.start) == [source["1"], source["2"]])
        #expect(lesson.diagnostics.isEmpty, "pandoc leaves a lone `$` as a dollar sign")
    }

    @Test func aClosingDollarBeforeADigitDoesNotClose() {
        let lesson = parse(MarkedSource("From $x to $5 and$.\n"))
        #expect(lesson.math.map(\.latex) == ["5 and"])
    }
}
