import LitmusDiagnostics
import Testing

@testable import LitmusCLI

struct CourseFileTests {
    @Test func readsTitleOrderExclusionsAndWarnsAboutUnknownKeys() throws {
        let file = try CourseFile.parse(
            """
            title: "Networks & gradients"
            lessons:
              - 02-b.md
              - 01-a.md
              - gone.md
            exclude: [drafts/**, "*-old.md"]
            dialect: myst
            colour: blue
            """, path: "litmus.yml")
        #expect(file.title == "Networks & gradients")
        #expect(file.lessons.map(\.path) == ["02-b.md", "01-a.md", "gone.md"])
        #expect(file.exclude == ["drafts/**", "*-old.md"])
        #expect(file.dialect == "myst")
        #expect(
            file.diagnostics.map(\.message) == [
                "unknown key 'colour' in the course file (known: title, lessons, exclude, dialect, library)"
            ])
        #expect(file.diagnostics.first?.location == SourceLocation(line: 8, column: 1))

        let paths = ["01-a.md", "02-b.md", "03-c.md", "drafts/x/04.md", "05-old.md"]
        let (order, warnings) = file.order(paths)
        #expect(order.map { paths[$0] } == ["02-b.md", "01-a.md", "03-c.md"])
        #expect(
            warnings.map(\.message).dropFirst() == [
                "'gone.md' is not a lesson of this course", "not listed under 'lessons', shown last: 03-c.md",
            ])
        #expect(warnings[1].location == SourceLocation(line: 5, column: 5))
    }

    @Test func withoutALessonListTheOrderIsThePathOrder() throws {
        let file = try CourseFile.parse("title: T\n", path: "litmus.yml")
        let (order, warnings) = file.order(["a.md", "b.md"])
        #expect(order == [0, 1])
        #expect(warnings.isEmpty)
        #expect(try CourseFile.parse("", path: "litmus.yml").title == nil)
    }

    @Test(arguments: [
        ("title: [unclosed\n", "litmus.yml:2:1", "invalid YAML"),
        ("- a\n- b\n", "litmus.yml:1:1", "a course file is a mapping of keys (title, lessons, exclude), not a list"),
        ("lessons: one.md\n", "litmus.yml:1:10", "'lessons' must be a list of paths"),
        ("title:\n  a: b\n", "litmus.yml:2:3", "'title' must be text"),
    ])
    func aBrokenCourseFileIsAnErrorAtItsPosition(_ text: String, _ position: String, _ message: String) {
        #expect {
            _ = try CourseFile.parse(text, path: "litmus.yml")
        } throws: { error in
            guard let error = error as? CourseFileError else { return false }
            let printed = DiagnosticFormatter(path: error.path, lines: error.lines).format(error.diagnostic)
            return printed.hasPrefix(position + ": error: " + message)
        }
    }

    @Test(arguments: [
        ("drafts/a.md", "drafts/*", true), ("drafts/x/a.md", "drafts/*", false), ("drafts/x/a.md", "drafts/**", true),
        ("a-old.md", "*-old.md", true), ("x/a-old.md", "*-old.md", false), ("x/a-old.md", "**-old.md", true),
        ("a.md", "?.md", true), ("./a.md", "a.md", true),
    ])
    func patterns(_ path: String, _ pattern: String, _ matches: Bool) {
        #expect(CourseFile.matches(path, pattern: pattern) == matches)
    }
}
