import Checks
import LessonMarkdown
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

/// `<!-- litmus: code=NAME -->` names the cell function a formula is tied to, and changes nothing
/// of its verdict.
@Suite struct CodeAnnotationTests {
    private func checked(_ markdown: String) -> CheckedLesson {
        LessonChecker().checkedLesson(LessonParser.parse(markdown: markdown, path: "lesson.md"))
    }

    @Test func theNamedFunctionIsCarriedOnTheFormula() {
        let lesson = checked(
            "$$\nH(p) = -\\sum_k p_k \\log p_k\n$$\n<!-- litmus: code=entropyInNats -->\n\nAnd $x = 1$.\n")
        #expect(lesson.formulas.map(\.code) == ["entropyInNats", nil])
    }

    @Test func itChangesNoVerdict() {
        let formulas = [
            "$\\sigma(x) = \\frac{1}{1 + e^{-x}}$", "$\\sigma(x) = \\frac{1}{1 + e^{x}}$", "$a = 2$",
            "$H(p) = -\\sum_k p_k \\log p_k$",
        ]
        for formula in formulas {
            let plain = Lessons.check(formula + "\n").formulas[0].verdict
            let annotated = Lessons.check(formula + " <!-- litmus: code=mine -->\n").formulas[0].verdict
            #expect(plain == annotated, "\(formula)")
        }
    }

    @Test func theOtherWordsStillCount() {
        let report = Lessons.check("$g(x) = \\frac{1}{1 + e^{-x}}$ <!-- litmus: engine=sigmoid code=logistic -->\n")
        #expect(report.formulas[0].verdict.against == "NeuralCore sigmoid")
        let lesson = checked("$g(x) = \\frac{1}{1 + e^{-x}}$ <!-- litmus: engine=sigmoid code=logistic -->\n")
        #expect(lesson.formulas[0].code == "logistic")
    }
}
