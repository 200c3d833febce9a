import Checks
import Formulas
import Foundation
import Testing

/// Docs and code in sync: when the engine's function changes, the lesson's formula for it turns
/// into a mismatch (here through a test double of the catalog).
@Suite struct CatalogSubstitutionTests {
    /// NeuralCore's catalog with sigmoid replaced by a steeper logistic 1/(1 + e^{−2x}).
    static let changedEngine: Catalog = {
        var catalog = Catalog.neuralCore
        let index = catalog.functions.firstIndex { $0.name == "sigmoid" }!
        catalog.functions[index].kind = .scalar(
            value: { 1 / (1 + Foundation.exp(-2 * $0)) },
            derivative: {
                2 * Foundation.exp(-2 * $0) / ((1 + Foundation.exp(-2 * $0)) * (1 + Foundation.exp(-2 * $0)))
            },
            kinks: [])
        return catalog
    }()

    let lesson =
        "# Sigmoid\n\n$\\sigma(x) = \\frac{1}{1 + e^{-x}}$\n\n$\\tanh(x) = \\frac{e^x - e^{-x}}{e^x + e^{-x}}$\n"

    @Test func theEngineAsShippedVerifiesTheFormula() {
        let report = Lessons.check(lesson)
        #expect(report.formulas.map(\.verdict.status) == [.verified, .verified])
    }

    @Test func aChangedEngineFunctionTurnsTheFormulaIntoAMismatch() throws {
        let report = Lessons.check(lesson, catalog: Self.changedEngine)
        #expect(report.formulas.map(\.verdict.status) == [.mismatch, .verified])
        let example = try #require(report.formulas[0].verdict.counterexample)
        #expect(example.formula != example.expected)
    }

    @Test(.enabled(if: Lessons.seedIsAvailable)) func theSeedFollowsTheEngine() throws {
        let report = LessonChecker(catalog: Self.changedEngine).check(try Lessons.seedLesson())
        #expect(report.formula(36, 6)?.verdict.status == .mismatch)
        #expect(report.formula(168, 20)?.verdict.status == .mismatch)
    }
}
