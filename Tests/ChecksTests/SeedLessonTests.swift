import Checks
import LitmusDiagnostics
import Testing

/// The user's lesson: every span gets a status; the important ones get the right one.
@Suite(.enabled(if: Lessons.seedIsAvailable, "the seed lesson is in ../shared/seeds"))
struct SeedLessonTests {
    let report: LessonReport

    init() throws {
        report = LessonChecker().check(try Lessons.seedLesson())
    }

    @Test func everySpanHasAStatus() {
        #expect(report.formulas.count == 64)
        // `W x = z` and `h = σ(Wx + b) = σ(z) = …` are each one formula written as three spans.
        #expect(report.counts.total == 60)
        #expect(report.counts[.error] == 0)
    }

    /// Sigmoid, tanh, ReLU, leaky ReLU and softmax, in both places they appear.
    @Test(arguments: [
        (36, 6, "sigmoid"), (37, 5, "tanh"), (38, 5, "ReLU"), (39, 5, "LeakyReLU"), (40, 15, "Softmax"),
        (166, 19, "ReLU"), (168, 20, "sigmoid"), (170, 17, "tanh"),
    ])
    func activationDefinitionsAreVerified(line: Int, column: Int, engine: String) throws {
        let formula = try #require(report.formula(line, column))
        #expect(formula.verdict.status == .verified, "\(formula.verdict.message)")
        #expect(formula.verdict.against?.contains("NeuralCore \(engine)") == true)
    }

    /// x, W (1×5 and 6×5), b, h and z = Wx + b are shape-consistent.
    @Test(arguments: [(14, 8), (24, 5), (32, 1), (48, 1), (59, 5), (76, 3), (85, 2), (95, 5)])
    func shapesAreConsistent(line: Int, column: Int) throws {
        let formula = try #require(report.formula(line, column))
        #expect([.verified, .definition].contains(formula.verdict.status), "\(formula.verdict.message)")
    }

    @Test func shapeMessagesNameTheSizes() throws {
        #expect(try #require(report.formula(24, 5)).verdict.message.contains("1×5"))
        #expect(try #require(report.formula(59, 5)).verdict.message.contains("6×5"))
        #expect(try #require(report.formula(14, 8)).verdict.message.contains("5×1"))
        #expect(try #require(report.formula(95, 5)).verdict.message.contains("6×1"))
    }

    /// ∂L/∂y = 2(y − ŷ) and the five chain-rule gradients, against the lesson's own definitions.
    @Test(arguments: [(206, 5), (211, 1), (214, 1), (218, 1), (220, 1), (222, 1)])
    func gradientsAreVerified(line: Int, column: Int) throws {
        let verdict = try #require(report.formula(line, column)).verdict
        #expect(verdict.status == .verified, "\(verdict.message)")
        #expect(verdict.message.contains("scalar network"), "\(verdict.message)")
        #expect(verdict.against?.contains("automatic differentiation of the lesson's definitions") == true)
    }

    @Test(arguments: [232, 233, 234, 235])
    func updateRulesAreVerifiedAgainstSGD(line: Int) throws {
        let verdict = try #require(report.formula(line, 7)).verdict
        #expect(verdict.status == .verified, "\(verdict.message)")
        #expect(verdict.against?.contains("SGD") == true)
    }

    @Test func theLossIsTheEnginesSquaredError() throws {
        let verdict = try #require(report.formula(203, 16)).verdict
        #expect(verdict.status == .verified)
        #expect(verdict.against == "NeuralCore SumSquaredError")
    }

    /// `W x = z` right after `Wx + b = z` drops the bias, and the report says so.
    @Test func expandedProductDropsTheBias() throws {
        let verdict = try #require(report.formula(97, 1)).verdict
        #expect(verdict.status == .mismatch)
        #expect(verdict.message.contains("drops the term `b`"))
        #expect(verdict.counterexample != nil)
        #expect(report.formulas.filter { $0.verdict.status == .mismatch }.map(\.location.line) == [97, 105, 112])
    }

    /// The TeX module's lints, in file coordinates; the formulas behind them still checked.
    @Test(arguments: [
        (162, 7, "tex.parenthesized-script"), (166, 20, "tex.misspelt-name"), (166, 30, "tex.function-as-letters"),
        (170, 18, "tex.function-as-letters"), (211, 145, "tex.glued-group"), (214, 145, "tex.glued-group"),
    ])
    func lintsAreReportedInFileCoordinates(line: Int, column: Int, id: String) {
        #expect(
            report.diagnostics.contains {
                $0.location == SourceLocation(line: line, column: column) && $0.id.rawValue == id
                    && $0.severity == .warning
            })
    }
}
