import Formulas
import Foundation
import Testing

struct FixedGenerator: RandomNumberGenerator {
    var state: UInt64 = 42
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state
    }
}

@Suite struct EvaluatorTests {
    let square = FunctionDefinition.expression(
        parameters: [Symbol("t")], body: .power(.variable(Symbol("t")), .number(2)))

    @Test func derivativeThroughDefinitions() throws {
        // L = (y − ŷ)², y = 3w: ∂L/∂w = 6(3w − ŷ) by the chain rule.
        let y = Symbol("y"), w = Symbol("w"), target = Symbol("y", accents: ["hat"]), loss = Symbol("L")
        var evaluator = Evaluator(
            functions: [:],
            definitions: [
                loss: .power(.subtract(.variable(y), .variable(target)), .number(2)),
                y: .multiply(.number(3), .variable(w)),
            ],
            bindings: [w: Tensor(0.5), target: Tensor(0.25)], seed: 42, makeGenerator: { FixedGenerator(state: $0) })
        let gradient = try evaluator.value(of: .derivative(of: .variable(loss), with: w))
        #expect(abs(gradient.values[0] - 6 * (1.5 - 0.25)) < 1e-12)
        let partial = try evaluator.value(of: .derivative(of: .variable(loss), with: y))
        #expect(abs(partial.values[0] - 2 * (1.5 - 0.25)) < 1e-12)
    }

    @Test func lessonFunctionDerivative() throws {
        var evaluator = Evaluator(functions: ["f": square], seed: 42, makeGenerator: { FixedGenerator(state: $0) })
        let value = try evaluator.value(of: .call(FunctionName("f"), derivative: 1, [.number(3)]))
        #expect(value.values == [6])
    }

    @Test func productShapesMustFit() throws {
        let x = Symbol("x"), weights = Symbol("W")
        var evaluator = Evaluator(
            functions: [:], shapes: [x: [5, 1], weights: [6, 5]], seed: 42, makeGenerator: { FixedGenerator(state: $0) }
        )
        #expect(try evaluator.value(of: .multiply(.variable(weights), .variable(x))).shapeText == "6×1")
        #expect(throws: EvaluationFailure.self) { try evaluator.value(of: .multiply(.variable(x), .variable(weights))) }
    }

    @Test func componentsReadTheirVector() throws {
        let x = Symbol("x")
        let vector = Tensor(rows: 3, columns: 1, entries: [Dual(1), Dual(2), Dual(3)])
        var evaluator = Evaluator(
            functions: [:], bindings: [x: vector], seed: 42, makeGenerator: { FixedGenerator(state: $0) })
        #expect(try evaluator.value(of: .variable(Symbol("x", index: "2"))).values == [2])
        let total = Expression.sum(index: "j", lower: nil, upper: nil, body: .variable(Symbol("x", index: "j")))
        #expect(try evaluator.value(of: total).values == [6])
    }
}

@Suite struct NotationEvaluationTests {
    func value(_ latex: String, _ bindings: [Symbol: Tensor]) throws -> Tensor {
        let formula = try lower(latex)
        var evaluator = Evaluator(
            functions: [:], bindings: bindings, seed: 42, makeGenerator: { FixedGenerator(state: $0) })
        return try evaluator.value(of: formula.terms[0])
    }

    let u = Tensor(rows: 3, columns: 1, entries: [Dual(1), Dual(2), Dual(3)])
    let v = Tensor(rows: 3, columns: 1, entries: [Dual(4), Dual(5), Dual(6)])

    @Test func transposeHadamardAndProducts() throws {
        let bindings = [Symbol("u"): u, Symbol("v"): v]
        #expect(try value(#"u^\top v"#, bindings).values == [32])
        #expect(try value(#"u \odot v"#, bindings).values == [4, 10, 18])
        #expect(try value(#"2 \times 3 \cdot 4"#, [:]).values == [24])
        #expect(try value(#"u v^T"#, bindings).shapeText == "3×3")
        #expect(throws: EvaluationFailure.self) { try value(#"u v"#, bindings) }
    }
}
