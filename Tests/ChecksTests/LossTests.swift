import Checks
import Testing

/// Losses recognised and compared with NeuralCore's; their gradients checked with the
/// constraints the losses imply (one-hot targets, 0/1 labels).
@Suite struct LossTests {
    let report: LessonReport

    init() throws {
        report = Lessons.check(try Lessons.fixture("losses.md"))
    }

    func verdict(line: Int) throws -> Verdict {
        try #require(report.formulas.first { $0.location.line == line }).verdict
    }

    @Test(arguments: [
        (7, "NeuralCore CrossEntropy"), (15, "NeuralCore BinaryCrossEntropy"), (21, "NeuralCore SumSquaredError"),
    ])
    func lossesAreRecognised(line: Int, engine: String) throws {
        let verdict = try verdict(line: line)
        #expect(verdict.status == .verified, "\(verdict.message)")
        #expect(verdict.against == engine)
    }

    @Test func theBatchMeanIsReadAsSuch() throws {
        #expect(try verdict(line: 21).message.hasPrefix("the mean over a batch of the squared error"))
    }

    @Test(arguments: [9, 17])
    func gradientsThroughSoftmaxAndSigmoidAreVerified(line: Int) throws {
        let verdict = try verdict(line: line)
        #expect(verdict.status == .verified, "\(verdict.message)")
    }

    @Test func aConstraintTheLessonDoesNotStateMakesTheGradientUnchecked() throws {
        let verdict = try verdict(line: 29)
        #expect(verdict.status == .unchecked)
        #expect(verdict.message.contains("u is one-hot"))
        #expect(!report.failed)
    }
}
