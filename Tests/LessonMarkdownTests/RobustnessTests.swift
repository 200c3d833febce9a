import LitmusDiagnostics
import Testing

@testable import LessonMarkdown

/// Bad and extreme input gives a diagnostic or a correct result, never a crash or a hang.
struct RobustnessTests {
    @Test func invalidUTF8IsAnErrorAtItsPosition() {
        let bytes: [UInt8] = Array("ok line\nbad ".utf8) + [0xFF, 0x41]
        #expect {
            _ = try LessonParser.parse(bytes, path: "bad.md")
        } throws: { error in
            let diagnostic = (error as? DiagnosticFailure)?.diagnostic
            return diagnostic?.id.rawValue == "lesson.invalid-utf8"
                && diagnostic?.location == SourceLocation(line: 2, column: 5)
        }
    }

    @Test(arguments: [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80]] as [[UInt8]])
    func overlongSurrogateTruncatedAndOutOfRangeSequencesAreRejected(sequence: [UInt8]) {
        #expect(throws: DiagnosticFailure.self) { _ = try LessonParser.parse(sequence, path: "bad.md") }
    }

    @Test func aBinaryFileIsRefused() {
        let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]
        #expect(throws: DiagnosticFailure.self) { _ = try LessonParser.parse(bytes, path: "image.md") }
        #expect {
            _ = try LessonParser.parse(Array("text\u{0}more".utf8), path: "nul.md")
        } throws: { error in
            (error as? DiagnosticFailure)?.diagnostic.id.rawValue == "lesson.binary"
        }
    }

    @Test func anEmptyFileIsAnEmptyLesson() throws {
        let lesson = try LessonParser.parse([], path: "empty.md")
        #expect(lesson.math.isEmpty)
        #expect(lesson.document.children.isEmpty)
        #expect(lesson.diagnostics.isEmpty)
    }

    @Test func tenThousandNestedBlockQuotesAreCutWithAnError() {
        let lesson = LessonParser.parse(markdown: String(repeating: ">", count: 10_000) + " $x$\n")
        #expect(lesson.diagnostics.contains { $0.id.rawValue == "lesson.nesting-too-deep" && $0.severity == .error })
    }

    @Test func tenThousandNestedBracketsAreText() {
        let text = String(repeating: "[", count: 10_000) + "$x$" + String(repeating: "]", count: 10_000) + "\n"
        let lesson = LessonParser.parse(markdown: text)
        #expect(lesson.math.map(\.latex) == ["x"])
        #expect(lesson.diagnostics.isEmpty)
    }

    @Test func thousandsOfUnmatchedOpenersStayLinear() {
        let text = String(repeating: "\\( \\[ \\begin{align} ", count: 20_000) + "$\n"
        let lesson = LessonParser.parse(markdown: text)
        #expect(lesson.math.count == 0)
        #expect(lesson.diagnostics.count == 40_001)
    }

    @Test func aTwentyMegabyteLessonIsReadWhole() {
        let paragraph =
            "The sigmoid $\\sigma(z) = \\frac{1}{1+e^{-z}}$ maps *any* real to $(0, 1)$.\n\n"
            + "$$\n\\frac{\\partial L}{\\partial W^{(2)}} = \\delta^{(2)} a^{(1)\\top}\n$$\n\n"
        let copies = 20 * 1024 * 1024 / paragraph.utf8.count + 1
        let lesson = LessonParser.parse(markdown: String(repeating: paragraph, count: copies))
        #expect(lesson.math.count == copies * 3)
        #expect(lesson.math.last?.latex == "\n\\frac{\\partial L}{\\partial W^{(2)}} = \\delta^{(2)} a^{(1)\\top}\n")
        #expect(lesson.diagnostics.isEmpty)
    }

    @Test func fillerControlCharactersInTheTextAreReplacedNotConfused() {
        let lesson = LessonParser.parse(markdown: "a\u{1}b $x$ c\u{2}\n")
        #expect(lesson.math.map(\.latex) == ["x"])
        #expect(lesson.diagnostics.count == 2)
    }
}

/// cmark-gfm's extension characters live in a process-wide table: lessons read at the same time
/// (pages render in parallel, tests run in parallel) must still all see their extensions.
struct ConcurrentParsingTests {
    @Test func lessonsParsedInParallelKeepTheirExtensions() {
        let text = "| a | b |\n|---|---|\n| ~~old~~ | $x$ |\n\nSome ~~struck~~ text and www.example.com.\n"
        let results = ParallelMap.map(0..<400) { index -> Int in
            var strikethroughs = 0
            LessonParser.parse(markdown: text, path: "lesson\(index).md").document.forEachDescendant {
                if case .strikethrough = $0.kind { strikethroughs += 1 }
            }
            return strikethroughs
        }
        #expect(results.allSatisfy { $0 == 2 }, "lost strikethroughs in \(results.filter { $0 != 2 }.count) parses")
    }
}
