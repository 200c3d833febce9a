import Checks
import Foundation
import LessonMarkdown
import TestSupport

/// Where the test lessons live: the fixtures beside these tests, and the user's seed lesson in
/// `../shared/seeds/` beside the package (CI has it; without it the seed tests are skipped).
enum Lessons {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let seed = TestPaths.seed

    static var seedIsAvailable: Bool { TestPaths.seedIsAvailable }

    /// The text of a fixture in `Fixtures/`.
    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: testsFolder.appendingPathComponent("Fixtures/\(name)"), encoding: .utf8)
    }

    static func seedLesson() throws -> Lesson {
        try LessonParser.parse([UInt8](Data(contentsOf: seed)), path: "seed.md")
    }

    /// The report of a Markdown text.
    static func check(_ markdown: String, catalog: Catalog = .neuralCore) -> LessonReport {
        LessonChecker(catalog: catalog).check(LessonParser.parse(markdown: markdown, path: "lesson.md"))
    }
}

extension LessonReport {
    /// The formula whose opening delimiter is at `line:column`.
    func formula(_ line: Int, _ column: Int) -> FormulaReport? {
        formulas.first { $0.location.line == line && $0.location.column == column }
    }
}
