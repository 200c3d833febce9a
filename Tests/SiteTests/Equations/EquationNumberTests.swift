import Foundation
import LessonMarkdown
import LitmusDiagnostics
import Testing

@testable import Site

struct EquationNumberTests {
    @Test func labelledFormulasAreNumberedAndTagsShowThemselves() {
        let lesson = """
            $$ a = 1 \\label{eq:a} $$

            $$ b = 2 $$

            $$ c = 3 \\tag{★} $$

            $$ d = 4 \\label{eq:d} \\notag $$

            $$ e = 5 \\label{eq:e} $$
            """
        let page = SiteFixtures.page(SiteFixtures.build([("a.md", lesson)]), "a.html")
        #expect(XMLReader(page).error == nil)
        #expect(page.contains("<span class=\"eqno\" id=\"eq-a\">(1)</span>"))
        #expect(page.contains("<span class=\"eqno\">(★)</span>"))
        #expect(page.contains("<span class=\"eqno\" id=\"eq-e\">(2)</span>"))
        #expect(page.components(separatedBy: "class=\"eqno\"").count == 4)
    }

    @Test func referencesLinkWithinAndAcrossPagesAndAReferenceToNothingIsAWarning() throws {
        let first = "# One\n\n$$ L = (y - t)^2 \\label{eq:loss} $$\n\nBy $\\eqref{eq:loss}$ and \\ref{eq:loss}.\n"
        let second = "# Two\n\nAs in \\eqref{eq:loss}, not $\\eqref{eq:nowhere}$.\n"
        let output = SiteFixtures.build([("one.md", first), ("part/two.md", second)])
        let one = SiteFixtures.page(output, "one.html")
        #expect(
            one.contains(
                "By <a class=\"eqref\" href=\"#eq-loss\">(1)</a> and <a class=\"eqref\" href=\"#eq-loss\">1</a>."))
        let two = SiteFixtures.page(output, "part/two.html")
        #expect(XMLReader(two).error == nil)
        #expect(two.contains("As in <a class=\"eqref\" href=\"../one.html#eq-loss\">(1)</a>, not "))
        #expect(two.contains("<span class=\"eqref missing\" title=\"no equation is labelled eq:nowhere\">(??)</span>"))
        let warnings = try #require(output.diagnostics["part/two.md"])
        #expect(warnings.map(\.message) == ["reference to an unknown equation label 'eq:nowhere'"])
        #expect(warnings.first?.location == SourceLocation(line: 3, column: 28))
        #expect(output.diagnostics["one.md"] == nil)
    }

    @Test func aDialectsLabelsAndReferencesNumberAndLink() {
        let d2l = """
            # Decay

            $$ a = 1 $$

            $$ b = 2 $$
            :eqlabel:`eq_second`

            See :eqref:`eq_second` and :eqref:`eq_missing`; :numref:`sec_other` stays a name.
            """
        let output = SiteFixtures.build([("d.md", d2l)])
        let page = SiteFixtures.page(output, "d.html")
        #expect(XMLReader(page).error == nil)
        #expect(page.contains("<span class=\"eqno\" id=\"eq-second\">(1)</span>"))
        #expect(page.components(separatedBy: "class=\"eqno\"").count == 2)
        #expect(page.contains("See <a class=\"eqref\" href=\"#eq-second\">(1)</a> and <span class=\"eqref missing\""))
        #expect(page.contains("; sec_other stays a name."))
        #expect(output.diagnostics["d.md"]?.map(\.message) == ["reference to an unknown equation label 'eq_missing'"])
        #expect(output.diagnostics["d.md"]?.first?.location == SourceLocation(line: 8, column: 28))
    }

    static let corpus = SiteFixtures.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    /// The published d2l lessons of `../shared/corpus` (skipped where it is absent): each
    /// `:eqlabel:` numbers its equation, and each `:eqref:` to a label of the same lesson links to it.
    @Test func theCorpusD2LLessonsShowTheirNumbersAndLinks() throws {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Self.corpus.path)) ?? []
        var lessons = 0
        for file in files.sorted() where file.hasSuffix(".md") {
            let text = try String(contentsOf: Self.corpus.appendingPathComponent(file), encoding: .utf8)
            let labels = Self.roles("eqlabel", in: text)
            guard !labels.isEmpty, !file.hasPrefix("SOURCES") else { continue }
            lessons += 1
            let page = SiteFixtures.page(
                SiteFixtures.build([(file, text)]), file.replacingOccurrences(of: ".md", with: ".html"))
            #expect(page.components(separatedBy: "class=\"eqno\"").count - 1 == labels.count, "\(file)")
            let local = Self.roles("eqref", in: text).filter(Set(labels).contains)
            #expect(page.components(separatedBy: "<a class=\"eqref\"").count - 1 == local.count, "\(file)")
        }
        if FileManager.default.fileExists(atPath: Self.corpus.path) { #expect(lessons > 0) }
    }

    /// The names of every ``:role:`name` `` in `text`.
    static func roles(_ role: String, in text: String) -> [String] {
        text.components(separatedBy: ":\(role):`").dropFirst().compactMap {
            $0.split(separator: "`").first.map(String.init)
        }
    }

    @Test func mystAndQuartoLabelsNumberTheirEquations() {
        let myst = "# M\n\n$$ a = 1 $$ (eq-one)\n\nBy {eq}`eq-one`.\n"
        let quarto = "# Q\n\n$$ b = 2 $$ {#eq-two}\n\nBy @eq-two.\n"
        let output = SiteFixtures.build([("m.md", myst), ("q.qmd", quarto)])
        let m = SiteFixtures.page(output, "m.html")
        #expect(m.contains("<span class=\"eqno\" id=\"eq-one\">(1)</span>"))
        #expect(m.contains("By <a class=\"eqref\" href=\"#eq-one\">(1)</a>."))
        let q = SiteFixtures.page(output, "q.html")
        #expect(q.contains("<span class=\"eqno\" id=\"eq-two\">(1)</span>"))
        #expect(q.contains("By <a class=\"eqref\" href=\"#eq-two\">(1)</a>."))
    }

    @Test func aKeyUsedTwiceIsAWarning() {
        let output = SiteFixtures.build([("a.md", "$$ a \\label{k} $$\n\n$$ b \\label{k} $$\n")])
        #expect(output.diagnostics["a.md"]?.map(\.message) == ["the equation label 'k' is used twice"])
    }

    @Test(arguments: [
        ("x = \\eqref{a}", false), ("\\eqref{a}", true), (" \\ref{ b } ", true), ("\\eqref{a} + 1", false),
    ])
    func wholeReferences(_ latex: String, _ isReference: Bool) {
        #expect((EquationReference.whole(latex) != nil) == isReference)
    }
}
