import Foundation

/// Writes an expression back as compact Unicode maths for messages: `σ(W x + b)`, `∂L/∂y`.
public struct ExpressionPrinter: Sendable {
    /// Creates a printer.
    public init() {}

    /// The text of `expression`.
    public func print(_ expression: Expression) -> String { write(expression, precedence: 0) }

    private func write(_ expression: Expression, precedence: Int) -> String {
        func wrap(_ text: String, _ own: Int) -> String { own < precedence ? "(\(text))" : text }
        switch expression {
        case .number(let value):
            // The constants as the lesson writes them.
            if value == Double.pi { return "π" }
            if value == 2.718281828459045 { return "e" }
            return Tensor.format(value)
        case .variable(let symbol): return symbol.description
        case .add(let a, let b): return wrap("\(write(a, precedence: 1)) + \(write(b, precedence: 1))", 1)
        case .subtract(let a, let b): return wrap("\(write(a, precedence: 1)) − \(write(b, precedence: 2))", 1)
        case .multiply(let a, let b): return wrap("\(write(a, precedence: 2))·\(write(b, precedence: 3))", 2)
        case .divide(let a, let b): return wrap("\(write(a, precedence: 3))/\(write(b, precedence: 3))", 2)
        case .power(let a, let b): return wrap("\(write(a, precedence: 4))^\(write(b, precedence: 4))", 4)
        case .negate(let a): return wrap("−\(write(a, precedence: 3))", 2)
        case .call(let name, let order, let arguments):
            let shown = name.key == "exp" && arguments.count == 1 ? "exp" : name.written
            return shown + String(repeating: "′", count: order) + "("
                + arguments.map { write($0, precedence: 0) }
                .joined(separator: ", ") + ")"
        case .derivative(let of, let with): return "∂\(write(of, precedence: 4))/∂\(with)"
        case .matrix(let rows):
            let entries = rows.flatMap { $0 }.compactMap(\.asSymbol)
            if entries.count == rows.count * (rows.first?.count ?? 0), entries.allSatisfy({ $0.index != nil }),
                Set(entries.map(\.name)).count == 1, let first = entries.first
            {
                // The written-out entries of one vector or matrix: name it (`x`, `W` for the w_{ij}).
                return rows.count > 1 && (rows.first?.count ?? 0) > 1 ? first.name.uppercased() : first.name
            }
            return "["
                + rows.map { $0.map { write($0, precedence: 0) }.joined(separator: ", ") }.joined(separator: "; ") + "]"
        case .transpose(let a): return "\(write(a, precedence: 4))ᵀ"
        case .component(let a, let index): return "\(write(a, precedence: 4))_\(index)"
        case .hadamard(let a, let b): return wrap("\(write(a, precedence: 2)) ⊙ \(write(b, precedence: 3))", 2)
        case .sum(let index, _, _, let body): return wrap("Σ_\(index) \(write(body, precedence: 2))", 1)
        case .product(let index, _, _, let body): return wrap("Π_\(index) \(write(body, precedence: 3))", 2)
        case .expectation(let body): return "E[\(write(body, precedence: 0))]"
        case .limit(let variable, let to, let body):
            return wrap("lim_{\(variable) → \(write(to, precedence: 0))} \(write(body, precedence: 2))", 1)
        case .extremum(let kind, let index, let body):
            return wrap("\(kind.rawValue)_\(index) \(write(body, precedence: 3))", 2)
        case .tuple(let entries): return "(" + entries.map { write($0, precedence: 0) }.joined(separator: ", ") + ")"
        case .ellipsis: return "…"
        case .integral(let variable, let lower, let upper, let body):
            let bounds =
                lower.map { "_\(write($0, precedence: 4))^\(upper.map { write($0, precedence: 4) } ?? "")" } ?? ""
            return wrap("∫\(bounds) \(write(body, precedence: 2)) d\(variable)", 1)
        case .piecewise(let pieces):
            return "{"
                + pieces.map { piece in
                    write(piece.value, precedence: 0)
                        + (piece.condition.map {
                            " if \(write($0.lhs, precedence: 0)) \($0.comparison.rawValue) \(write($0.rhs, precedence: 0))"
                        } ?? " otherwise")
                }.joined(separator: "; ") + "}"
        case .realSpace(let dimensions):
            return "ℝ^" + dimensions.map { write($0, precedence: 4) }.joined(separator: "×")
        case .finiteSet(let elements):
            return "{" + elements.map { write($0, precedence: 0) }.joined(separator: ", ") + "}"
        }
    }
}
