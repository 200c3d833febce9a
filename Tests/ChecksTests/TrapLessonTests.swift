import Checks
import Foundation
import LessonMarkdown
import TestSupport
import Testing

/// The trap lessons in `Tests/Fixtures/traps/`, one per topic (optimizers, schedules, activations,
/// losses, normalisation and initialisation, notation): each planted error (`<!-- planted: … -->`)
/// is a mismatch at its line, each display formula without a comment is verified, and nothing
/// else is flagged.
@Suite struct TrapLessonTests {
    static let lessons = TestPaths.trapLessons.map(\.lastPathComponent)

    @Test(arguments: lessons)
    func plantedErrorsAreCaughtAndCorrectFormulasVerified(_ name: String) throws {
        let url = TestPaths.traps.appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        let expectations = TrapExpectations(text)
        let report = LessonChecker().check(LessonParser.parse(markdown: text, path: name))
        var planted = Set(
            expectations.lines.compactMap { line, expectation -> Int? in
                if case .planted = expectation { return line }
                return nil
            })
        for formula in report.formulas {
            let line = formula.location.line
            let where_ = "\(name):\(line):\(formula.location.column) `\(formula.latex)`: \(formula.verdict.message)"
            let status = formula.verdict.status
            switch expectations.lines[line] {
            case .planted(let why)?:
                if formula.isDisplay || !expectations.displays.contains(line) {
                    #expect(status == .mismatch, "planted (\(why)) but \(status): \(where_)")
                    if status == .mismatch { planted.remove(line) }
                }
            case .defines?:
                #expect([.definition, .mention, .verified].contains(status), "\(status): \(where_)")
            case nil:
                if formula.isDisplay {
                    #expect(status == .verified, "a correct formula is \(status): \(where_)")
                } else {
                    #expect([.verified, .mention, .definition].contains(status), "\(status): \(where_)")
                }
            }
        }
        #expect(planted.isEmpty, "planted errors not caught at lines \(planted.sorted()) of \(name)")
    }

    /// Every topic the issue lists has its trap lesson, each with planted errors.
    @Test func everyTopicHasATrapLesson() throws {
        #expect(
            Set(Self.lessons).isSuperset(of: [
                "optimizers.md", "schedules.md", "activations.md", "losses.md", "normalisation.md", "notation.md",
            ]))
        for name in Self.lessons {
            let text = try String(contentsOf: TestPaths.traps.appendingPathComponent(name), encoding: .utf8)
            #expect(TrapExpectations(text).lines.values.contains { if case .planted = $0 { true } else { false } })
        }
    }
}
