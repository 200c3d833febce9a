import Checks
import Testing

/// `<!-- litmus: … -->` after a formula overrides recognition.
@Suite struct AnnotationTests {
    @Test func skipLeavesTheFormulaUnchecked() {
        let report = Lessons.check("$\\sigma(x) = \\frac{1}{1 + e^{x}}$ <!-- litmus: skip -->\n")
        #expect(report.formulas[0].verdict.status == .unchecked)
        #expect(report.formulas[0].verdict.message.contains("skip"))
    }

    @Test func engineNamesTheReference() {
        let report = Lessons.check("$g(x) = \\frac{1}{1 + e^{-x}}$ <!-- litmus: engine=sigmoid -->\n")
        #expect(report.formulas[0].verdict.status == .verified)
        #expect(report.formulas[0].verdict.against == "NeuralCore sigmoid")
    }

    @Test func unknownCommandIsUncheckedWithItsName() {
        let report = Lessons.check("$y = \\foo(x)$\n")
        #expect(report.formulas[0].verdict.status == .unchecked)
        #expect(report.formulas[0].verdict.message.contains("\\foo"))
    }

    @Test func aFormulaThatDoesNotParseIsAnError() {
        let report = Lessons.check("$y = \\frac{1}{2$\n")
        #expect(report.formulas[0].verdict.status == .error)
        #expect(report.failed)
    }
}
