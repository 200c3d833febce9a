import LitmusDiagnostics
import TeX
import Testing

/// The real lesson in `../shared/seeds/`: every one of its 64 math spans must parse without an
/// error, and the lints it deserves must fire where the author wrote the slips.
@Suite struct SeedLessonTests {
    @Test(.enabled(if: SeedLesson.text() != nil, "../shared/seeds is absent, as on a user's clone"))
    func everySpanParsesWithoutAnError() throws {
        let text = try #require(SeedLesson.text())
        let spans = MathSpan.find(in: text)
        #expect(spans.count == 64)
        for span in spans {
            let result = TeX.parse(span.latex, display: span.display)
            let errors = result.diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(span): \(errors.map(\.message))")
        }
    }

    @Test(.enabled(if: SeedLesson.text() != nil, "../shared/seeds is absent, as on a user's clone"))
    func seedSlipsGiveWarningsAtTheirFileColumns() throws {
        let text = try #require(SeedLesson.text())
        var found: [String] = []
        for span in MathSpan.find(in: text) {
            for diagnostic in TeX.parse(span.latex, display: span.display).diagnostics {
                found.append("\(diagnostic.rebased(onto: span.start).location) \(diagnostic.id)")
            }
        }
        #expect(
            found == [
                "162:7 tex.parenthesized-script",
                "166:12 tex.misspelt-name",
                "166:20 tex.misspelt-name",
                "166:30 tex.function-as-letters",
                "170:18 tex.function-as-letters",
                "211:145 tex.glued-group",
                "214:145 tex.glued-group",
            ])
    }
}
