import Checks
import LessonMarkdown
import Site
import Testing

/// A page renders the checker's own parses (read once, macros carried from formula to formula)
/// and marks its verdicts with the checker's status type: the same page as parsing again, and a
/// macro a lesson defines renders as the checker read it.
struct CheckedLessonPageTests {
    static let lesson = """
        # Macros

        Define $\\newcommand{\\loss}{\\mathcal{L}}$ the loss, then $\\loss(w) = (w - 1)^2$ and
        $\\sigma(z) = \\frac{1}{1 + e^{-z}}$.
        """

    @Test func aPageFromTheCheckedLessonIsThePageFromParsingAgainWithTheVerdictsMarked() throws {
        let lesson = LessonParser.parse(markdown: Self.lesson, path: "a.md")
        let checked = LessonChecker().checkedLesson(lesson)
        let builder = SiteBuilder(siteTitle: "Course") { _ in false }
        let fromChecked = SiteFixtures.page(
            builder.build([SiteLesson(lesson: lesson, relativePath: "a.md", checked: checked)]), "a.html")
        let parsedAgain = SiteFixtures.page(
            builder.build([SiteLesson(lesson: lesson, relativePath: "a.md", marks: FormulaMark.marks(of: checked))]),
            "a.html")
        #expect(fromChecked == parsedAgain)
        // The macro renders as its body, and the sigmoid carries the checker's verdict.
        #expect(fromChecked.contains("ℒ"))
        #expect(checked.formulas[2].status == .verified)
        #expect(fromChecked.contains("class=\"formula inline verified\""))
    }
}
