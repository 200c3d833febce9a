import Checks
import Testing

/// Gradients of a vector layer with declared shapes: ∂L/∂W laid out like W (or like Wᵀ, said),
/// transposes written out, and the mistakes planted among them.
@Suite struct VectorLessonTests {
    let text: String
    let report: LessonReport

    init() throws {
        text = try Lessons.fixture("vectors.md")
        report = Lessons.check(text)
    }

    func verdict(line: Int) throws -> Verdict {
        try #require(report.formulas.first { $0.location.line == line }).verdict
    }

    @Test(arguments: [9, 11, 13])
    func gradientsWithDeclaredShapesAreVerified(line: Int) throws {
        let verdict = try verdict(line: line)
        #expect(verdict.status == .verified, "\(verdict.message)")
        #expect(verdict.message.contains("declared shapes of W, b, t, x"), "\(verdict.message)")
        #expect(verdict.message.contains("∂L/∂W laid out like W"), "\(verdict.message)")
    }

    @Test func theNumeratorLayoutIsAcceptedAndSaid() throws {
        let verdict = try verdict(line: 15)
        #expect(verdict.status == .verified)
        #expect(verdict.message.contains("numerator layout"))
    }

    @Test func plantedMistakesAreMismatches() throws {
        let planted = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.contains("<!-- planted") }.map { $0.offset + 1 }
        #expect(report.formulas.filter { $0.verdict.status == .mismatch }.map(\.location.line) == planted)
        #expect(try verdict(line: 19).message.contains("inner dimensions"))
    }
}
