import Checks
import Formulas
import LessonMarkdown
import TeX

/// A verified formula compiled to Swift for a generated test: a scalar function of one variable
/// that the lesson defines in terms of NeuralCore's function of that name, so `swift test`
/// compares the two again — if the engine changes, the test fails at the lesson's line.
public struct CompiledFormula: Hashable, Sendable {
    /// Where the formula stands in the lesson, and its LaTeX (for the test's name).
    public var line: Int
    public var column: Int
    public var latex: String
    /// The Swift identifier of the formula's variable (`x`, `z`).
    public var variable: String
    /// The formula's right-hand side as a Swift expression in `variable`.
    public var expression: String
    /// The engine's side as a Swift expression in `variable`.
    public var engine: String

    /// The formulas of a checked lesson that were verified and have a scalar Swift form:
    /// `f(x) = …` and `f'(x) = …` for an engine function `f`, with no other free symbol. They
    /// are the checker's own readings: nothing is parsed again.
    public static func compile(_ checked: CheckedLesson, catalog: Catalog = .neuralCore) -> [CompiledFormula] {
        let scalarFunctions = catalog.functions.filter {
            if case .scalar = $0.kind { true } else { false }
        }
        var callees: [String: String] = [:]
        for function in scalarFunctions {
            let engine = "NeuralCore.Activation(named: \(TestFileGenerator.literal(function.name)))!"
            for key in function.keys {
                callees[key] = engine + ".value"
                callees[key + "'"] = engine + ".derivative"
            }
        }
        let writer = SwiftSourceWriter(functions: callees)
        var out: [CompiledFormula] = []
        for formula in checked.formulas
        where formula.status == .verified && formula.group == formula.span.index && !formula.parse.hasErrors {
            guard let lowered = formula.statements.first,
                lowered.terms.count >= 2, lowered.relations.allSatisfy({ $0 == .equals }),
                case .call(let name, let order, let arguments) = lowered.terms[0], order <= 1, arguments.count == 1,
                case .variable(let symbol) = arguments[0],
                let callee = callees[name.key + String(repeating: "'", count: order)]
            else { continue }
            let variable = SwiftSourceWriter.identifier(symbol)
            for term in lowered.terms.dropFirst() where term.freeSymbols.allSatisfy({ $0 == symbol }) {
                guard let expression = try? writer.write(term) else { continue }
                out.append(
                    CompiledFormula(
                        line: formula.span.range.start.line, column: formula.span.range.start.column,
                        latex: formula.span.latex, variable: variable, expression: expression,
                        engine: "\(callee)(\(variable))"))
            }
        }
        return out
    }
}
