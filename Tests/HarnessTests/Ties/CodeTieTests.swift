import Checks
import Foundation
import LessonMarkdown
import TestSupport
import Testing

@testable import Harness

/// Formulas that define a function are tied to the function of the lesson's cells that has
/// their name (or that an annotation names), and the generated file compares the two right
/// after the cell that declares it.
struct CodeTieTests {
    private func checked(_ text: String, path: String = "notebooks/ties.md") -> CheckedLesson {
        LessonChecker().checkedLesson(LessonParser.parse(markdown: text, path: path))
    }

    private func fixture(_ name: String) throws -> (path: String, checked: CheckedLesson) {
        let url = TestPaths.codeTies.appendingPathComponent(name)
        let path = "notebooks/" + name
        let lesson = try LessonParser.parse(Array(try Data(contentsOf: url)), path: path)
        return (path, LessonChecker().checkedLesson(lesson))
    }

    private func generated(_ name: String) throws -> String {
        let (path, checked) = try fixture(name)
        return GeneratedFiles.files(for: [(path: path, checked: checked)])[0].contents
    }

    // MARK: - Which formula, which function

    @Test func aDefinitionIsTiedToTheFunctionOfItsNameAndItsDerivativeToNameDerivative() throws {
        let (_, checked) = try fixture("softsign.md")
        let ties = CodeTie.find(in: checked)
        #expect(ties.map(\.function) == ["softsign(_:)", "softsignDerivative(_:)"])
        #expect(ties.map(\.line) == [5, 11])
        #expect(ties.allSatisfy { $0.cellLine == 17 && $0.notCompared == nil && !$0.byAnnotation })
    }

    @Test(arguments: [
        (
            "\\text{Leaky ReLU}(z) = \\max(0.01 z, z)",
            "func leakyRelu(_ z: Double) -> Double { z > 0 ? z : 0.01 * z }",
            "leakyRelu(_:)"
        ),
        ("\\operatorname{GELU}(x) = x \\Phi(x)", "func gelu(_ x: Double) -> Double { x }", "gelu(_:)"),
        (
            "\\sigma(z) = \\frac{1}{1 + e^{-z}}", "func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }",
            "sigmoid(_:)"
        ),
        (
            "\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))", "func sigmoidPrime(_ z: Double) -> Double { z }",
            "sigmoidPrime(_:)"
        ),
        (
            "\\frac{d}{dx} \\tanh(x) = 1 - \\tanh^2(x)", "func tanhDerivative(_ x: Double) -> Double { x }",
            "tanhDerivative(_:)"
        ),
    ])
    func namesMeetCaseAndPunctuationAsideAndAsTheCatalogSpellsThem(formula: String, code: String, function: String) {
        let ties = CodeTie.find(in: checked("$$\n\(formula)\n$$\n\n```swift\n\(code)\n```\n"))
        #expect(ties.map(\.function) == [function])
    }

    @Test func aFunctionOfAnotherNameIsNotTied() {
        let ties = CodeTie.find(
            in: checked(
                "$$\n\\text{softsign}(x) = \\frac{x}{1 + |x|}\n$$\n\n```swift\nfunc squash(_ x: Double) -> Double { x }\n```\n"
            ))
        #expect(ties.isEmpty)
    }

    @Test func anAnnotationNamesTheFunctionOfAnyFormula() throws {
        let (_, checked) = try fixture("entropy.md")
        let ties = CodeTie.find(in: checked)
        #expect(ties.map(\.function) == ["entropyInNats(_:)", "meanSquaredError(_:_:)"])
        #expect(ties.allSatisfy { $0.byAnnotation })
        #expect(ties.allSatisfy { $0.notCompared == nil })
    }

    @Test func anAnnotationNamingNoFunctionSaysSo() {
        let ties = CodeTie.find(
            in: checked(
                "$$\nH(p) = -\\sum_k p_k \\log p_k\n$$\n<!-- litmus: code=missing -->\n\n```swift\nlet x = 1\n```\n"))
        #expect(ties.count == 1)
        #expect(ties.first?.cellLine == nil)
        #expect(ties.first?.notCompared == "no Swift cell of the lesson declares a function named missing")
    }

    @Test func theDeclarationAfterTheFormulaWinsElseTheLastBefore() {
        let text = """
            ```swift
            func f(_ x: Double) -> Double { x * x }
            ```

            First $f(x) = x^2$.

            ```swift
            func f(_ x: Double) -> Double { x * x * x }
            ```

            Then $f(x) = x^3$.
            """
        let ties = CodeTie.find(in: checked(text))
        #expect(ties.map(\.cellLine) == [7, 7])
        let early = CodeTie.find(
            in: checked("```swift\nfunc f(_ x: Double) -> Double { x * x }\n```\n\nSo $f(x) = x^2$.\n"))
        #expect(early.map(\.cellLine) == [1])
    }

    @Test func aFunctionInACellThatMustThrowIsOutOfScopeAndNotTied() {
        let text =
            "$f(x) = x^2$\n\n```swift throws\nfunc f(_ x: Double) -> Double { x * x }\nthrow CancellationError()\n```\n"
        #expect(CodeTie.find(in: checked(text)).isEmpty)
    }

    // MARK: - What cannot be compared, and why

    @Test(arguments: [
        ("func f(_ x: Int) -> Int { x * x }", "f(_:) returns Int; a tie compares Double, [Double] and Matrix<Double>"),
        (
            "func f(_ x: Int) -> Double { 0 }",
            "f(_:) takes Int for the formula's x; a tie draws Double, [Double] and Matrix<Double>"
        ),
        ("func f<T: FloatingPoint>(_ x: T) -> T { x * x }", "f(_:) is generic"),
        ("func f(_ x: Double) { }", "f(_:) returns nothing"),
        (
            "func f(_ x: Double, _ y: Double) -> Double { x * x }",
            "f(_:_:) takes 2 arguments, the formula has 1 input (x)"
        ),
        ("func f(_ x: Double) throws -> Double { x * x }", "f(_:) throws"),
    ])
    func aTieThatCannotBeComparedSaysWhy(code: String, reason: String) {
        let ties = CodeTie.find(in: checked("$f(x) = x^2$\n\n```swift\n\(code)\n```\n"))
        #expect(ties.count == 1)
        #expect(ties.first?.comparison == nil)
        #expect(ties.first?.notCompared == reason)
    }

    @Test func aVectorFunctionTakesTheFormulasVectorAndAScalarOneRefusesIt() {
        let vector = CodeTie.find(
            in: checked("$H(p) = -\\sum_k p_k \\log p_k$\n\n```swift\nfunc H(_ p: Double) -> Double { p }\n```\n"))
        #expect(vector.first?.notCompared == "H(_:) takes a Double for the formula's vector p")
    }

    // MARK: - Parameters, shapes and domains

    @Test func parametersMatchTheFormulasSymbolsByNameElseInOrder() throws {
        let named = CodeTie.find(
            in: checked(
                "$\\text{LeakyReLU}(z) = \\max(\\alpha z, z)$\n\n```swift\n"
                    + "func leakyRelu(alpha: Double, _ z: Double) -> Double { z > 0 ? z : alpha * z }\n```\n"))
        let comparison = try #require(named.first?.comparison)
        #expect(comparison.call == "leakyRelu(alpha: alpha, z)")
        #expect(comparison.callTemplate == "leakyRelu(alpha: {alpha}, {z})")
        // The family's slope is drawn as the check drew it: positive.
        #expect(comparison.inputs.map(\.source) == [".number(\"z\")", ".number(\"alpha\", .positive)"])

        let (_, entropy) = try fixture("entropy.md")
        let ordered = try #require(CodeTie.find(in: entropy).last?.comparison)
        #expect(ordered.call == "meanSquaredError(yHat.elements, y.elements)")
        // The count n is the vectors' length, not an input.
        #expect(ordered.inputs.map(\.source) == [".vector(\"yHat\", size: \"n\")", ".vector(\"y\", size: \"n\")"])
        #expect(ordered.formula.contains("1.0 / Double(yHat.rows) * (1...yHat.rows).reduce(0.0)"))
    }

    @Test func aDefaultedParameterWithNoSymbolKeepsItsDefault() throws {
        let ties = CodeTie.find(
            in: checked(
                "$\\text{LeakyReLU}(z) = \\max(0.01 z, z)$\n\n```swift\n"
                    + "func leakyRelu(_ z: Double, alpha: Double = 0.01) -> Double { z > 0 ? z : alpha * z }\n```\n"))
        #expect(try #require(ties.first?.comparison).call == "leakyRelu(z)")
    }

    @Test func shapesAndDomainsComeFromTheReading() throws {
        let (_, layer) = try fixture("layer.md")
        let ties = CodeTie.find(in: layer)
        #expect(ties.map(\.function) == ["forward(_:_:_:)", "weightGradient(delta:x:)", "softmax(_:)"])
        let forward = try #require(ties[0].comparison)
        #expect(
            forward.inputs.map(\.source) == [
                ".matrix(\"W\", rows: \"m\", columns: \"n\")", ".vector(\"x\", size: \"n\")",
                ".vector(\"b\", size: \"m\")",
            ])
        #expect(forward.formula == "(W * x + b).map { NeuralCore.Activation(named: \"sigmoid\")!.value($0) }")
        #expect(forward.call == "forward(W, x.elements, b.elements)")
        let gradient = try #require(ties[1].comparison)
        #expect(gradient.formula == "delta * x.transposed")
        #expect(gradient.call == "weightGradient(delta: delta.elements, x: x.elements)")

        let (_, entropy) = try fixture("entropy.md")
        let distribution = try #require(CodeTie.find(in: entropy).first?.comparison)
        #expect(distribution.inputs.map(\.source) == [".vector(\"p\", size: \"K\", .distribution)"])
        // What a logarithm takes is drawn positive when the reading says nothing more.
        let positive = try #require(
            CodeTie.find(
                in: checked("$r(x) = \\sqrt{x}$\n\n```swift\nfunc r(_ x: Double) -> Double { x.squareRoot() }\n```\n")
            )
            .first?.comparison)
        #expect(positive.inputs.map(\.source) == [".number(\"x\", .positive)"])
    }

    @Test func kinksOfPiecewiseDefinitionsAndOfEngineFunctionsAreAvoided() throws {
        let text = """
            $$
            f(z) = \\begin{cases} z & \\text{if } z > 3 \\\\ 0 & \\text{otherwise} \\end{cases}
            $$

            ```swift
            func f(_ z: Double) -> Double { z > 3 ? z : 0 }
            ```
            """
        #expect(try #require(CodeTie.find(in: checked(text)).first?.comparison).kinks == [0, 3])
    }

    // MARK: - The generated file

    @Test func eachComparisonFollowsTheCellThatDeclaresTheFunction() throws {
        let file = try generated("softsign.md")
        let cellEnd = try #require(file.range(of: "litmusRun.end(expected: \"0.5 0.25\\n\", expectedLine: 30)\n"))
        #expect(
            file[cellEnd.upperBound...].hasPrefix(
                """
                #sourceLocation(file: "notebooks/softsign.md", line: 5)
                litmusRun.compareFormula(
                    line: 5, column: 1, function: "softsign(_:)", call: "softsign({x})", seed: 5,
                    inputs: [.number("x")], kinks: [0.0]
                ) { litmusPoint in
                    let x = litmusPoint.number("x")
                    return (x / (1.0 + abs(x)), softsign(x))
                }
                #sourceLocation()

                """))
        #expect(file.contains("return (1.0 / pow(1.0 + abs(x), 2.0), softsignDerivative(x))"))
    }

    @Test func theMatrixLessonsFileMatchesTheGolden() throws {
        try goldenFiles.check(try generated("layer.md"), named: "CodeTiesLayer.swift.golden")
    }

    @Test func theGeneratedFileListsItsComparisonsForTheRunner() throws {
        let (path, checked) = try fixture("layer.md")
        let file = GeneratedFiles.files(for: [(path: path, checked: checked)])[0]
        #expect(file.ties.map(\.line) == [6, 27, 46])
        #expect(file.ties.map(\.function) == ["forward(_:_:_:)", "weightGradient(delta:x:)", "softmax(_:)"])
    }

    @Test func generatedNamesStayFreshWhenTheLessonUsesThePrefix() {
        let text = """
            $f(x) = \\sum_{i=1}^{3} x_i$

            ```swift
            let litmusPoint = 1
            func f(_ x: [Double]) -> Double { x.reduce(0, +) }
            ```
            """
        let checked = checked(text)
        let file = GeneratedFiles.files(for: [(path: "notebooks/ties.md", checked: checked)])[0].contents
        #expect(file.contains(") { litmus1Point in\n"))
        #expect(file.contains("litmus1Total"))
        #expect(!file.contains("litmusTotal"))
    }

    @Test func generationIsByteIdentical() throws {
        #expect(try generated("layer.md") == (try generated("layer.md")))
    }
}
