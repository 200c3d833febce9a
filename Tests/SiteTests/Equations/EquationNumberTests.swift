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

    @Test func aDialectsLabelsPlugIn() {
        let lesson = "$$ a = 1 $$\n\n$$ b = 2 $$\n\nSee \\eqref{second}.\n"
        let item = SiteLesson(
            lesson: LessonMarkdown.LessonParser.parse(markdown: lesson, path: "d.md"), relativePath: "d.md",
            equationLabels: [EquationLabel(formula: 1, key: "second")])
        let page = SiteFixtures.page(SiteBuilder(siteTitle: "C") { _ in false }.build([item]), "d.html")
        #expect(page.contains("<span class=\"eqno\" id=\"eq-second\">(1)</span>"))
        #expect(page.contains("See <a class=\"eqref\" href=\"#eq-second\">(1)</a>."))
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
