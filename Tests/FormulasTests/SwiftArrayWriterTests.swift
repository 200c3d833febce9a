import Formulas
import Testing

/// Formulas over vectors and matrices become Swift over NeuralCore's `Matrix<Double>`.
struct SwiftArrayWriterTests {
    private let W = Symbol("W")
    private let x = Symbol("x")
    private let b = Symbol("b")

    private func writer(_ shapes: [Symbol: Shape] = [:], sizes: [String: String] = [:]) -> SwiftArrayWriter {
        SwiftArrayWriter(
            functions: ["σ": "sigma"], vectorFunctions: ["softmax": "softmax"], shapes: shapes, sizes: sizes)
    }

    private var layer: [Symbol: Shape] {
        [W: Shape(.named("m"), .named("n")), x: .vector(.named("n")), b: .vector(.named("m"))]
    }

    @Test func aLayersForwardPass() throws {
        let expression = Expression.call(
            FunctionName("σ"), derivative: 0, [.add(.multiply(.variable(W), .variable(x)), .variable(b))])
        let (source, value) = try writer(layer).write(expression)
        #expect(source == "(W * x + b).map { sigma($0) }")
        #expect(value == .array(.vector(.named("m"))))
    }

    @Test func productsTransposesHadamardAndScaling() throws {
        let w = writer(layer)
        #expect(try w.write(.multiply(.variable(b), .transpose(.variable(x)))).source == "b * x.transposed")
        #expect(try w.write(.hadamard(.variable(b), .variable(b))).source == "b.hadamard(b)")
        #expect(try w.write(.multiply(.number(2), .variable(x))).source == "2.0 * x")
        #expect(try w.write(.multiply(.variable(x), .number(2))).source == "2.0 * x")
        #expect(try w.write(.subtract(.variable(x), .number(1))).source == "x.map { $0 - 1.0 }")
        #expect(try w.write(.divide(.number(1), .variable(x))).source == "x.map { 1.0 / $0 }")
        #expect(try w.write(.negate(.variable(W))).source == "-W")
        let product = try w.write(.multiply(.transpose(.variable(W)), .variable(b)))
        #expect(product.source == "W.transposed * b")
        #expect(product.value == .array(Shape(.named("n"), .number(1))))
    }

    @Test func entriesSumsAndSizes() throws {
        let p = Symbol("p")
        let w = writer([p: .vector(.named("K"))], sizes: ["K": "p.rows"])
        // -Σ_k p_k log p_k
        let entropy = Expression.negate(
            .sum(
                index: "k", lower: nil, upper: nil,
                body: .multiply(
                    .variable(Symbol("p", index: "k")),
                    .call(FunctionName("log"), derivative: 0, [.variable(Symbol("p", index: "k"))]))))
        let written = try w.write(entropy)
        #expect(
            written.source
                == "-(1...p.count).reduce(0.0) { litmusTotal, k in litmusTotal + p.elements[k - 1] * log(p.elements[k - 1]) }"
        )
        #expect(written.value == .number)
        // (1/K) Σ_{k=1}^{K} p_k
        let mean = Expression.multiply(
            .divide(.number(1), .variable(Symbol("K"))),
            .sum(index: "k", lower: .number(1), upper: .variable(Symbol("K")), body: .variable(Symbol("p", index: "k")))
        )
        #expect(
            try w.write(mean).source
                == "1.0 / Double(p.rows) * (1...p.rows).reduce(0.0) { litmusTotal, k in litmusTotal + p.elements[k - 1] }"
        )
        #expect(try w.write(.variable(Symbol("p", index: "2"))).source == "p.elements[1]")
        #expect(
            try writer([W: Shape(.number(2), .number(2))]).write(.variable(Symbol("W", index: "12"))).source
                == "W[0, 1]")
    }

    @Test func entrywiseDefinitionsAndVectorFunctions() throws {
        let z = Symbol("z")
        let w = writer([z: .vector(.named("n"))])
        // softmax(z)_i = e^{z_i} / Σ_j e^{z_j}
        let body = Expression.divide(
            .call(FunctionName("exp"), derivative: 0, [.variable(Symbol("z", index: "i"))]),
            .sum(
                index: "j", lower: nil, upper: nil,
                body: .call(FunctionName("exp"), derivative: 0, [.variable(Symbol("z", index: "j"))])))
        #expect(
            try w.writeEntries(body, index: "i")
                == "NeuralCore.Matrix<Double>(column: (1...z.count).map { i in exp(z.elements[i - 1]) / "
                + "(1...z.count).reduce(0.0) { litmusTotal, j in litmusTotal + exp(z.elements[j - 1]) } })")
        let whole = try w.write(.call(FunctionName("softmax"), derivative: 0, [.variable(z)]))
        #expect(whole.source == "NeuralCore.Matrix<Double>(column: softmax(z.elements))")
        #expect(
            try w.write(.component(.call(FunctionName("softmax"), derivative: 0, [.variable(z)]), index: "2")).source
                == "(NeuralCore.Matrix<Double>(column: softmax(z.elements))).elements[1]")
    }

    @Test func numbersAreWrittenAsTheScalarWriterWritesThem() throws {
        let expression = Expression.divide(
            .number(1), .add(.number(1), .call(FunctionName("exp"), derivative: 0, [.negate(.variable(x))])))
        #expect(try writer().write(expression).source == "1.0 / (1.0 + exp(-x))")
        #expect(try writer().write(expression).value == .number)
    }

    @Test(arguments: [
        Expression.derivative(of: .variable(Symbol("L")), with: Symbol("W")),
        Expression.call(FunctionName("unknown"), derivative: 0, [.variable(Symbol("x"))]),
        Expression.sum(index: "j", lower: nil, upper: nil, body: .variable(Symbol("q", index: "j"))),
        Expression.variable(Symbol("x", index: "i")),
    ])
    func whatHasNoSwiftFormIsRefused(expression: Expression) {
        #expect(throws: LoweringFailure.self) { try writer([x: .vector(.named("n"))]).write(expression) }
    }
}
