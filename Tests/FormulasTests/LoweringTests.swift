import Formulas
import TeX
import Testing

/// Lowers `latex` with the catalog-like names `σ`, `relu`, `leakyrelu`, `softmax`, `sigmoid` known.
func lower(_ latex: String) throws -> Formula {
    try Lowerer(functionKeys: ["σ", "relu", "leakyrelu", "softmax", "sigmoid", "tanh"]).lower(
        TeX.parse(latex, display: false).root)
}

func printed(_ latex: String) throws -> String {
    try lower(latex).terms.map { ExpressionPrinter().print($0) }.joined(separator: " | ")
}

@Suite struct LoweringTests {
    @Test(arguments: [
        (#"\sigma(x)"#, "σ(x)"),
        (#"\text{sigmoid}(x)"#, "sigmoid(x)"),
        (#"\mathrm{ReLU}(x)"#, "ReLU(x)"),
        (#"\operatorname{ReLU}(x)"#, "ReLU(x)"),
        (#"RelU(z)"#, "RelU(z)"),
        (#"max(0,z)"#, "max(0, z)"),
        (#"\text{Leaky ReLU}(x)"#, "Leaky ReLU(x)"),
        (#"W^{(2)}a^{(1)} + b^{(2)}"#, "W^(2)·a^(1) + b^(2)"),
        (#"W{(2)}a^{(1)}"#, "W^(2)·a^(1)"),
        (#"b^(l)"#, "b^(l)"),
        (#"(y-\hat{y})^{2}"#, "(y − ŷ)^2"),
        (#"\sigma'(z)"#, "σ′(z)"),
        (#"\frac{\partial L}{\partial W^{(2)}}"#, "∂L/∂W^(2)"),
        (#"\frac{d\sigma}{dx}"#, "∂σ/∂x"),
        (#"(1+\exp(-x))^{-1}"#, "(1 + exp(−x))^(−1)"),
        (#"W^\top x \odot y"#, "Wᵀ·x ⊙ y"),
    ])
    func readsSpellings(_ latex: String, _ expected: String) throws {
        let text = try printed(latex)
        #expect(text == expected)
    }

    @Test func layerLabelsAreNotPowers() throws {
        let formula = try lower(#"a^{(1)} = \sigma(W^{(1)}x + b^{(1)})"#)
        #expect(formula.terms[0] == .variable(Symbol("a", label: "1")))
        #expect(formula.relations == [.equals])
        guard case .call(let name, 0, let arguments) = formula.terms[1] else {
            Issue.record("expected a call, got \(formula.terms[1])")
            return
        }
        #expect(name.key == "σ")
        #expect(
            arguments == [
                .add(
                    .multiply(.variable(Symbol("W", label: "1")), .variable(Symbol("x"))),
                    .variable(Symbol("b", label: "1")))
            ])
    }

    @Test func hatIsItsOwnSymbol() throws {
        let formula = try lower(#"L = (y-\hat{y})^{2}"#)
        #expect(formula.terms[1].freeSymbols == [Symbol("y"), Symbol("y", accents: ["hat"])])
    }

    @Test(arguments: [
        (#"W \leftarrow W - \eta g"#, Formula.Relation.assignLeft),
        (#"W := W - \eta g"#, .defines),
        (#"a \le b"#, .lessOrEqual),
        (#"a \approx b"#, .approximately),
        (#"W \rightarrow W - \eta g"#, .arrowRight),
        (#"x \in \mathbb{R}^5"#, .element),
    ])
    func readsRelations(_ latex: String, _ relation: Formula.Relation) throws {
        #expect(try lower(latex).relations == [relation])
    }

    @Test func unknownCommandIsAReason() throws {
        #expect(throws: LoweringFailure.self) { try lower(#"\foo(x) = x"#) }
        do {
            _ = try lower(#"\foo(x) = x"#)
        } catch {
            #expect((error as? LoweringFailure)?.reason == .unknownCommand)
            #expect((error as? LoweringFailure)?.message.contains("foo") == true)
        }
    }

    @Test func casesBecomePieces() throws {
        let formula = try lower(
            #"f(x) = \begin{cases} x & \text{if } x \geq 0 \\ \alpha x & \text{otherwise} \end{cases}"#)
        guard case .piecewise(let pieces) = formula.terms[1] else {
            Issue.record("expected cases")
            return
        }
        #expect(pieces.count == 2)
        #expect(pieces[0].condition?.comparison == .greaterOrEqual)
        #expect(pieces[1].condition == nil)
    }
}
