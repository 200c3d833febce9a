import Foundation
import Testing

/// `litmus render` and `litmus build` end to end on a folder of lessons.
@Suite(.serialized) struct RenderCommandTests {
    let directory: URL

    init() throws {
        directory = try LitmusProcess.temporaryDirectory()
        let lessons = directory.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(
            at: lessons.appendingPathComponent("img"), withIntermediateDirectories: true)
        try Data("# One\n\nSee [two](02-two.md) and ![plot](img/plot.svg) and ![gone](img/gone.png).\n\n$x^2$\n".utf8)
            .write(to: lessons.appendingPathComponent("01-one.md"))
        try Data("# Two\n\nBack to [one](01-one.md), or [nowhere](03-none.md).\n".utf8)
            .write(to: lessons.appendingPathComponent("02-two.md"))
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8).write(
            to: lessons.appendingPathComponent("img/plot.svg"))
    }

    @Test func rendersPagesCopiesImagesAndWarnsAboutBrokenTargets() throws {
        let result = try LitmusProcess.run(["render", "lessons", "-o", "out"], in: directory)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("litmus render: 2 pages in out/ (1 image copied, 2 warnings)"))
        #expect(result.standardError.contains("lessons/01-one.md:3:52: warning: missing image 'img/gone.png'"))
        #expect(
            result.standardError.contains("lessons/02-two.md:3:30: warning: broken link: '03-none.md' does not exist"))
        let out = directory.appendingPathComponent("out")
        for file in ["index.html", "litmus.css", "01-one.html", "02-two.html", "img/plot.svg"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file)")
        }
        let page = try String(contentsOf: out.appendingPathComponent("01-one.html"), encoding: .utf8)
        #expect(page.contains("href=\"02-two.html\""))
        #expect(page.contains("<annotation encoding=\"application/x-tex\">x^2</annotation>"))
    }

    @Test func buildReportsAndRendersTheSite() throws {
        let result = try LitmusProcess.run(["build", "lessons"], in: directory)
        #expect(result.status == 0)
        #expect(
            result.standardOutput.contains(
                "lessons/01-one.md: \"One\" — 1 formulas: 0 claims: 0 verified, 0 mismatch, 0 unchecked; 0 definitions; "
                    + "1 mention; 0 Swift cells"
            ))
        #expect(
            result.standardOutput.contains(
                "litmus build: 2 lessons, 1 formulas (0 claims: 0 verified, 0 mismatch, 0 unchecked; 0 definitions; "
                    + "1 mention), 0 Swift cells (0 passed, 0 failed, 0 timed out, 0 skipped), 0 failing, 2 warnings; "
                    + "site: site/index.html"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("site/02-two.html").path))
    }

    @Test func aWrongFormulaFailsTheBuildAndIsMarkedOnItsPage() throws {
        let wrong = directory.appendingPathComponent("wrong")
        try FileManager.default.createDirectory(at: wrong, withIntermediateDirectories: true)
        try Data(
            "# Sigmoid\n\nRight: $\\sigma(z) = \\frac{1}{1 + e^{-z}}$.\n\nWrong: $\\sigma(z) = \\frac{1}{1 + e^{z}}$.\n"
                .utf8
        )
        .write(to: wrong.appendingPathComponent("s.md"))
        let result = try LitmusProcess.run(["build", "wrong", "-o", "wrong-site"], in: directory)
        #expect(result.status == 1)
        #expect(result.standardError.contains("wrong/s.md:5:8: error: formula mismatch"))
        #expect(result.standardOutput.contains("2 formulas: 2 claims: 1 verified, 1 mismatch"))
        let page = try String(contentsOf: directory.appendingPathComponent("wrong-site/s.html"), encoding: .utf8)
        #expect(page.contains("class=\"formula inline verified\" id=\"formula-0\""))
        #expect(page.contains("class=\"formula inline mismatch\" id=\"formula-1\""))
        #expect(page.contains("<section class=\"summary has-mismatch\""))
        let index = try String(contentsOf: directory.appendingPathComponent("wrong-site/index.html"), encoding: .utf8)
        #expect(index.contains("2 formulas: 1 verified, 1 mismatch"))
    }

    @Test func theCourseFileNamesTheTitleTheOrderAndTheExclusions() throws {
        let lessons = directory.appendingPathComponent("lessons")
        try Data("# Draft\n".utf8).write(to: lessons.appendingPathComponent("03-draft.md"))
        try Data("title: My course\nlessons:\n  - 02-two.md\n  - 01-one.md\nexclude:\n  - \"*-draft.md\"\n".utf8)
            .write(to: lessons.appendingPathComponent("litmus.yml"))
        defer { try? FileManager.default.removeItem(at: lessons.appendingPathComponent("litmus.yml")) }
        let result = try LitmusProcess.run(["render", "lessons", "-o", "course-site"], in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("litmus render: 2 pages in course-site/"))
        let site = directory.appendingPathComponent("course-site")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("03-draft.html").path))
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<h1>My course</h1>"))
        let two = try #require(index.range(of: "02-two.html"))
        let one = try #require(index.range(of: "01-one.html"))
        #expect(two.lowerBound < one.lowerBound)
        let page = try String(contentsOf: site.appendingPathComponent("02-two.html"), encoding: .utf8)
        #expect(page.contains("<a class=\"next\" rel=\"next\" href=\"01-one.html\">One →</a>"))
    }

    @Test func aBrokenCourseFileIsBadInput() throws {
        let lessons = directory.appendingPathComponent("lessons")
        try Data("title: [oops\n".utf8).write(to: lessons.appendingPathComponent("litmus.yml"))
        defer { try? FileManager.default.removeItem(at: lessons.appendingPathComponent("litmus.yml")) }
        let result = try LitmusProcess.run(["render", "lessons", "-o", "broken-site"], in: directory)
        #expect(result.status == 2)
        #expect(result.standardError.contains("lessons/litmus.yml:2:1: error: invalid YAML"))
    }

    @Test func aMissingFolderIsBadInput() throws {
        let result = try LitmusProcess.run(["build", "nowhere"], in: directory)
        #expect(result.status == 2)
        #expect(result.standardError.contains("nowhere: error: no such file"))
    }
}
