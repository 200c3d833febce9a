import Checks
import LessonMarkdown
import Testing

@testable import Harness

/// Verified formulas become generated tests that compare them with NeuralCore again.
struct CompiledFormulaTests {
    static let lesson = """
        # Activations

        The sigmoid is $\\sigma(x) = \\frac{1}{1 + e^{-x}}$ and its slope $\\sigma'(x) = \\sigma(x)(1 - \\sigma(x))$.

        A leaky ReLU keeps a slope $\\alpha$: $\\text{LeakyReLU}(x) = \\max(\\alpha x, x)$.

        A wrong one: $\\tanh(x) = \\frac{e^x + e^{-x}}{e^x - e^{-x}}$.
        """

    private func compile(_ text: String = Self.lesson) -> [CompiledFormula] {
        let lesson = LessonParser.parse(markdown: text, path: "notebooks/act.md")
        return CompiledFormula.compile(LessonChecker().checkedLesson(lesson))
    }

    @Test func definitionsOfEngineFunctionsAreCompiledToSwift() {
        let formulas = compile()
        #expect(formulas.map(\.line) == [3, 3])
        #expect(formulas[0].expression == "1.0 / (1.0 + exp(-x))")
        #expect(formulas[0].engine == "NeuralCore.Activation(named: \"sigmoid\")!.value(x)")
        #expect(formulas[1].engine == "NeuralCore.Activation(named: \"sigmoid\")!.derivative(x)")
        #expect(formulas[1].expression.contains("NeuralCore.Activation(named: \"sigmoid\")!.value(x)"))
    }

    @Test func formulasWithOtherSymbolsOrThatDidNotVerifyAreLeftOut() {
        // α is a free parameter, and the tanh is a mismatch: neither becomes a test.
        #expect(!compile().contains { $0.latex.contains("alpha") || $0.latex.contains("tanh") })
    }

    @Test func theGeneratedFileHasOneTestPerFormula() {
        let lesson = LessonParser.parse(markdown: Self.lesson, path: "notebooks/act.md")
        let file = TestFileGenerator.generate(lesson, lessonPath: "notebooks/act.md", formulas: compile()).contents
        #expect(
            file.contains(
                "@Test(\"formula at notebooks/act.md:3: \\\\sigma(x) = \\\\frac{1}{1 + e^{-x}}\") func litmusFormulaAtLine3Column16() {"
            ))
        #expect(
            file.contains(
                "LitmusRuntime.FormulaCheck(lesson: \"notebooks/act.md\", line: 3, column: 16).compare(seed: 3) { x in\n            (1.0 / (1.0 + exp(-x)), NeuralCore.Activation(named: \"sigmoid\")!.value(x))"
            ))
        #expect(file.contains("func litmusFormulaAtLine3Column65()"))
    }
}
