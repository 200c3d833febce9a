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

    /// A loss is recognised by what it computes, whatever its name: Q is a cross-entropy, so its
    /// target u is a distribution and the gradient holds.
    @Test func aLossIsRecognisedByWhatItComputesNotItsName() throws {
        #expect(try verdict(line: 27).against == "NeuralCore CrossEntropy")
        let verdict = try verdict(line: 29)
        #expect(verdict.status == .verified, "\(verdict.message)")
        #expect(verdict.message.contains("the entries of u summing to 1"))
        #expect(!report.failed)
    }

    @Test func aGradientThatNeedsAnUnstatedConstraintIsUnchecked() {
        let report = Lessons.check("$r = \\text{softmax}(s)$\n\n$\\frac{\\partial r_i}{\\partial s_i} = 1 - u_i$\n")
        #expect(report.formulas[1].verdict.status != .mismatch, "\(report.formulas[1].verdict.message)")
    }
}
