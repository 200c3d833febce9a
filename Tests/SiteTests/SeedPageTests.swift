import Foundation
import LessonMarkdown
import Site
import Testing

@Suite("The seed's page", .enabled(if: SiteFixtures.seedAvailable, "../shared/seeds is absent (a user's clone)"))
struct SeedPageTests {
    let lesson: Lesson
    let page: String

    init() throws {
        lesson = try SiteFixtures.seedLesson()
        let output = SiteBuilder(siteTitle: "Course") { _ in false }
            .build([SiteLesson(lesson: lesson, relativePath: "seed.md")])
        page = SiteFixtures.page(output, "seed.html")
    }

    @Test func isWellFormed() {
        let reader = XMLReader(page)
        #expect(reader.error == nil)
        #expect(reader.elements.first == "html")
    }

    @Test func everyFormulaIsMathMLWithItsLaTeXAsTheAnnotation() {
        let reader = XMLReader(page, collect: ["annotation"])
        #expect(reader.elements.filter { $0 == "math" }.count == 64)
        #expect(reader.texts["annotation"] == lesson.math.map(\.latex))
        let displays = reader.attributes.filter { $0.element == "math" }.map { $0.attributes["display"] }
        #expect(displays.filter { $0 == "block" }.count == 11)
        #expect(displays.filter { $0 == "inline" }.count == 53)
    }

    @Test func theSixByFiveMatrixIsATableOfSixRows() {
        let reader = XMLReader(page)
        // The 6×5 weight matrix appears twice (once as W =, once in the product); each is an
        // mtable of 6 rows, so the page has at least 12 rows of 5 cells.
        #expect(reader.elements.filter { $0 == "mtable" }.count >= 10)
        #expect(reader.elements.filter { $0 == "mtr" }.count >= 12)
    }

    @Test func rawHTMLIsKeptAndHeadingsLoseTheirMarkupInTheContents() {
        #expect(page.contains("<span style=\"color:green\">"))
        #expect(
            page.contains(
                "<img src=\"./images/FullyConnectedNN_allWeightsDrawn.png\" width=\"400\" height=\"400\" alt=\"An MLP\" />"
            ))
        #expect(page.contains("<li class=\"level-1\"><a href=\"#deep-learning-basics\">Deep Learning Basics</a></li>"))
        #expect(page.contains("<title>Deep Learning Basics · Course</title>"))
    }
}
