import Checks
import Testing

/// Lessons with deliberate mistakes of every kind: each is a mismatch on its own line with a
/// counterexample; the same lessons, fixed, have no mismatch at all.
@Suite struct PlantedErrorTests {
    /// The lines marked `<!-- planted: … -->` in a fixture.
    func plantedLines(_ text: String) -> [Int] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.contains("<!-- planted") }.map { $0.offset + 1 }
    }

    @Test func everyPlantedMistakeIsAMismatchOnItsLine() throws {
        let text = try Lessons.fixture("planted.md")
        let report = Lessons.check(text)
        let mismatches = report.formulas.filter { $0.verdict.status == .mismatch }
        #expect(mismatches.map(\.location.line) == plantedLines(text))
        #expect(plantedLines(text).count == 12)
        for formula in mismatches {
            #expect(formula.verdict.counterexample != nil, "line \(formula.location.line): \(formula.verdict.message)")
        }
        #expect(report.failed)
    }

    @Test(arguments: [
        (9, "NeuralCore sigmoid"), (12, "NeuralCore tanh"), (15, "NeuralCore sigmoid derivative"),
        (18, "NeuralCore LeakyReLU"),
        (21, "NeuralCore Softmax"),
        (31, "∂L/∂a"), (33, "∂L/∂w"), (35, "∂L/∂b"), (37, "climbs the gradient"), (45, "∂E/∂p"),
        (51, "inner dimensions"), (53, "3×2"),
    ])
    func messagesNameWhatWasExpected(line: Int, fragment: String) throws {
        let report = Lessons.check(try Lessons.fixture("planted.md"))
        let formula = try #require(report.formulas.first { $0.location.line == line })
        #expect(formula.verdict.message.contains(fragment), "\(formula.verdict.message)")
    }

    @Test func theFixedLessonHasNoMismatch() throws {
        let report = Lessons.check(try Lessons.fixture("fixed.md"))
        let wrong = report.formulas.filter { $0.verdict.status == .mismatch || $0.verdict.status == .error }
        #expect(wrong.isEmpty, "\(wrong.map { "\($0.location.line): \($0.verdict.message)" })")
        #expect(report.counts[.verified] >= 12)
        #expect(!report.failed)
    }
}
