import Foundation
import LitmusDiagnostics
import Testing

@testable import LessonMarkdown

/// The fixture lessons of `Tests/Fixtures/dialects/`, one per dialect, read whole: each is
/// detected, keeps every formula (counted by hand, and by `bench/oracle.py` against pandoc), and
/// resolves its own labels and references.
struct DialectFixtureTests {
    struct Expectation: Sendable, CustomTestStringConvertible {
        var file: String
        var dialect: MathDialect
        var formulas: Int
        var display: Int
        var labels: [String]
        var references: [String]
        var warnings: [String]
        var testDescription: String { file }
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/dialects")

    static let expectations: [Expectation] = [
        Expectation(
            file: "kramdown.md", dialect: .kramdown, formulas: 9, display: 2, labels: [], references: [],
            warnings: []),
        Expectation(
            file: "d2l.md", dialect: .d2l, formulas: 4, display: 2, labels: ["eq_decay_loss", "eq_decay_step"],
            references: ["eq_decay_loss", "eq_decay_step", "sec_decay_fixture"], warnings: []),
        Expectation(
            file: "myst.md", dialect: .myst, formulas: 7, display: 2,
            labels: ["eq-softmax-fixture", "eq-softmax-grad-fixture"],
            references: ["eq-softmax-fixture", "eq-softmax-grad-fixture", "sec-softmax-fixture"],
            warnings: ["math.unread-delimiter"]),
        Expectation(
            file: "quarto.qmd", dialect: .quarto, formulas: 5, display: 1, labels: ["eq-ce-fixture"],
            references: ["eq-ce-fixture", "sec-ce-fixture"], warnings: []),
        Expectation(
            file: "jupyter.ipynb", dialect: .jupyter, formulas: 6, display: 1, labels: ["eq:sigmoid-slope"],
            references: ["eq:sigmoid-slope"], warnings: []),
    ]

    @Test(arguments: expectations)
    func fixtureReadsAsItsDialect(_ expected: Expectation) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(expected.file)))
        let lesson = try LessonParser.parse(bytes, path: expected.file)
        #expect(lesson.dialect == expected.dialect)
        #expect(lesson.dialectSource == .detected || expected.dialect == .jupyter)
        #expect(lesson.math.count == expected.formulas)
        #expect(lesson.math.filter(\.isDisplay).count == expected.display)
        #expect(lesson.math.flatMap(\.labels).map(\.name) == expected.labels)
        #expect(lesson.references.map(\.target).sorted() == expected.references)
        #expect(lesson.diagnostics.map(\.id.rawValue) == expected.warnings)
        // Every label or reference points at its own text in the file.
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for reference in lesson.references {
            let line = lines[reference.range.start.line - 1].utf8
            let rest = String(decoding: line.dropFirst(reference.range.start.column - 1), as: UTF8.self)
            let written = reference.target.replacingOccurrences(of: "\"", with: "\\\"")
            #expect(rest.contains(written), "\(reference.target) at \(reference.range.start)")
        }
    }
}
