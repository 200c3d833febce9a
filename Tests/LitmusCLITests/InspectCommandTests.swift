import Foundation
import Testing

/// `litmus inspect` end to end, on files a user could hand it.
@Suite(.serialized) struct InspectCommandTests {
    let directory: URL

    init() throws {
        directory = try LitmusProcess.temporaryDirectory()
    }

    private func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func printsTheFormulasOfALesson() throws {
        let path = try write(
            "lesson.md", Array("# <span style=\"color:green\">Title</span>\n\nLet $x \\in \\mathbb{R}^5$ be\n".utf8))
        let result = try LitmusProcess.run(["inspect", path])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("markdown lesson \"Title\""))
        #expect(result.standardOutput.contains("3:5     #0   inline  $     x \\in \\mathbb{R}^5"))
        #expect(result.standardError.isEmpty)
    }

    @Test func jsonIsStableAndComplete() throws {
        let path = try write(
            "lesson.md", Array("## H\n\n$$a$$ and ![alt](p.png)\n\n```swift hide\nlet x = 1\n```\n".utf8))
        let first = try LitmusProcess.run(["inspect", "--json", path])
        let second = try LitmusProcess.run(["inspect", "--json", path])
        #expect(first.status == 0)
        #expect(first.standardOutput == second.standardOutput)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(first.standardOutput.utf8)) as? [String: Any])
        let math = try #require(object["math"] as? [[String: Any]])
        #expect(math.count == 1)
        #expect(math[0]["latex"] as? String == "a")
        #expect(math[0]["line"] as? Int == 3)
        #expect(math[0]["column"] as? Int == 1)
        #expect(math[0]["display"] as? Bool == true)
        let blocks = try #require(object["blocks"] as? [[String: Any]])
        #expect(blocks.map { $0["kind"] as? String } == ["heading", "paragraph", "code"])
        #expect(blocks[2]["options"] as? [String] == ["hide"])
        #expect((object["images"] as? [[String: Any]])?.first?["destination"] as? String == "p.png")
        #expect((object["summary"] as? [String: Any])?["code_cells"] as? Int == 1)
    }

    @Test func aMissingFileIsBadInput() throws {
        let result = try LitmusProcess.run(["inspect", directory.appendingPathComponent("nope.md").path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("nope.md: error: no such file"))
    }

    @Test func aDirectoryIsBadInput() throws {
        let result = try LitmusProcess.run(["inspect", directory.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("error: is a directory"))
    }

    @Test func invalidUTF8IsReportedWithItsPosition() throws {
        let path = try write("bad.md", Array("fine\nthen ".utf8) + [0xC3, 0x28])
        let result = try LitmusProcess.run(["inspect", path])
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("\(path):2:6: error: invalid UTF-8 (byte 0xC3)"))
    }

    @Test func aBinaryFileIsReported() throws {
        let path = try write("image.png.md", [0x89, 0x50, 0x4E, 0x47, 0x0A, 0x00, 0x01])
        let result = try LitmusProcess.run(["inspect", path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("2:1: error: binary file"))
    }

    @Test func anEmptyFileIsAnEmptyLesson() throws {
        let path = try write("empty.md", [])
        let result = try LitmusProcess.run(["inspect", path])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("formulas: 0"))
    }

    @Test func brokenNotebookJSONIsAPositionedError() throws {
        let path = try write(
            "broken.ipynb", Array("{\n  \"cells\": [\n    {\"cell_type\": \"markdown\" \"source\": []}\n".utf8))
        let result = try LitmusProcess.run(["inspect", path])
        #expect(result.status == 2)
        #expect(
            result.standardError.hasPrefix("\(path):3:30: error: invalid notebook JSON: expected ',' or '}' in object"))
        #expect(result.standardError.contains("\n                             ^\n"))
    }

    @Test func deepBlockQuotesExitWithAnError() throws {
        let path = try write("deep.md", Array((String(repeating: "> ", count: 10_000) + "x\n").utf8))
        let result = try LitmusProcess.run(["inspect", path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("1:"))
        #expect(result.standardError.contains("error: nesting deeper than 256 levels"))
    }

    @Test func unterminatedMathIsAWarningWithExitZero() throws {
        let path = try write("warn.md", Array("Costs $5 today.\n".utf8))
        let result = try LitmusProcess.run(["inspect", path])
        #expect(result.status == 0)
        #expect(result.standardError.hasPrefix("\(path):1:7: warning: unterminated math"))
    }

    @Test func theCourseFileNamesTheDialect() throws {
        // Jekyll's `\\(…\\)` beside MathJax's `\(…\)`: the markup does not settle the dialect,
        // so the course file does (`--dialect` in its place); the pairs left as text are a warning.
        let path = try write("kram.md", Array("Let \\\\(x^2\\\\) be and \\(y\\) too.\n".utf8))
        let plain = try LitmusProcess.run(["inspect", path])
        #expect(plain.standardOutput.contains("#0   inline  \\(    y"))
        #expect(plain.standardError.contains("1:5: warning: `\\\\(…\\\\)` is not math in the jupyter dialect"))
        _ = try write("litmus.yml", Array("dialect: kramdown\n".utf8))
        let course = try LitmusProcess.run(["inspect", path])
        #expect(course.standardOutput.contains("in the kramdown dialect (course)"))
        #expect(course.standardOutput.contains("#0   inline  \\\\(   x^2"))
        #expect(course.standardError.contains("1:22: warning: `\\(…\\)` is not math in the kramdown dialect"))
        let check = try LitmusProcess.run(["check", "--format", "json", directory.path])
        #expect(check.standardOutput.contains("x^2"))
        let named = try LitmusProcess.run(["inspect", "--dialect", "jupyter", path])
        #expect(named.standardOutput.contains("#0   inline  \\(    y"))
        _ = try write("litmus.yml", Array("dialect: latex\n".utf8))
        let unknown = try LitmusProcess.run(["check", directory.path])
        #expect(unknown.standardError.contains("warning: unknown dialect 'latex'"))
    }

    @Test func unknownSubcommandsAreUsageErrors() throws {
        let result = try LitmusProcess.run(["frobnicate"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("frobnicate"))
    }
}
