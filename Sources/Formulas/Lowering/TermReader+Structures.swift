import LitmusDiagnostics
import TeX

extension TermReader {
    // MARK: - Fractions and derivatives

    /// `\frac{a}{b}` is a quotient; `\frac{\partial L}{\partial y}`, `\frac{d\sigma}{dx}` and
    /// `\frac{d}{dx} f` are derivatives.
    mutating func readFraction(_ numerator: TeXNode, _ denominator: TeXNode, _ node: TeXNode) throws(LoweringFailure)
        -> Expression
    {
        let top = Self.flatten(numerator)
        let bottom = Self.flatten(denominator)
        if let first = top.first, let below = bottom.first, Self.isDifferential(first), Self.isDifferential(below) {
            let variableItems = Array(bottom.dropFirst())
            var variableReader = TermReader(items: variableItems, lowerer: lowerer)
            guard !variableItems.isEmpty, case .variable(let variable) = try variableReader.readAll() else {
                throw LoweringFailure(.malformed, Self.text(denominator), at: denominator.range)
            }
            let functionItems = Array(top.dropFirst())
            if functionItems.isEmpty {
                // `\frac{d}{dx} x \sigma(x)`: the operator applies to the rest of the product.
                return .derivative(of: try readProduct(), with: variable)
            }
            var functionReader = TermReader(items: functionItems, lowerer: lowerer)
            let derivative = Expression.derivative(of: try functionReader.readAll(), with: variable)
            // `\frac{dF}{dx}(x)`: the derivative written with its argument, which is its variable.
            if position < items.count, case .fenced(let fence) = items[position].kind, fence.open?.text == "(" {
                let inner = Self.flatten(fence.body)
                if inner.count == 1, (try? Self.lowerNode(fence.body, lowerer)) == .variable(variable) {
                    position += 1
                }
            }
            return derivative
        }
        return .divide(try Self.lowerNode(numerator, lowerer), try Self.lowerNode(denominator, lowerer))
    }

    /// `∂`, an italic `d` or an upright `\mathrm{d}`.
    static func isDifferential(_ node: TeXNode) -> Bool {
        switch node.kind {
        case .symbol(let symbol): return symbol.text == "∂"
        case .identifier(let text): return text == "d"
        case .styled(_, let body):
            let inner = flatten(body)
            if inner.count == 1, case .identifier("d") = inner[0].kind { return true }
            return false
        default:
            // `\partial^2` (a higher derivative) is not a differential here: the fraction is then a
            // quotient whose `∂` cannot be read, and the formula is unchecked with that reason.
            return false
        }
    }

    // MARK: - Fences

    mutating func readFenced(_ fence: Fence, _ node: TeXNode) throws(LoweringFailure) -> Expression {
        let body = Self.flatten(fence.body)
        switch fence.open?.text ?? "" {
        case "(", "[":
            var reader = TermReader(items: body, lowerer: lowerer)
            guard !body.isEmpty else { throw LoweringFailure(.malformed, "()", at: node.range) }
            return try reader.readAll()
        case "|":
            var reader = TermReader(items: body, lowerer: lowerer)
            return .call(FunctionName("abs"), derivative: 0, [try reader.readAll()])
        case "{":
            return .finiteSet(
                try Self.splitOnCommas(body).map { part throws(LoweringFailure) in
                    var reader = TermReader(items: part, lowerer: lowerer)
                    return try reader.readAll()
                })
        default:
            throw LoweringFailure(.brackets, Self.text(node), at: node.range)
        }
    }

    // MARK: - Environments

    mutating func readEnvironment(_ environment: Environment, _ node: TeXNode) throws(LoweringFailure) -> Expression {
        switch environment.name {
        case "pmatrix", "bmatrix", "Bmatrix", "matrix", "smallmatrix":
            let rows = environment.rows.filter { row in !row.allSatisfy { Self.flatten($0).isEmpty } }
            guard let width = rows.first?.count, width > 0 else {
                throw LoweringFailure(.malformed, Self.text(node), at: node.range)
            }
            var matrix: [[Expression]] = []
            for row in rows {
                // A trailing `&` leaves an empty last cell; it is not a column.
                var cells = row
                while cells.count > 1, let last = cells.last, Self.flatten(last).isEmpty { cells.removeLast() }
                matrix.append(try cells.map { cell throws(LoweringFailure) in try Self.lowerNode(cell, lowerer) })
            }
            let widths = Set(matrix.map(\.count))
            guard widths.count == 1 else {
                // The rows of the matrix have different lengths.
                throw LoweringFailure(.malformed, Self.text(node), at: node.range)
            }
            return .matrix(matrix)
        case "cases", "dcases":
            var pieces: [Piece] = []
            for row in environment.rows where !row.allSatisfy({ Self.flatten($0).isEmpty }) {
                let value = try Self.lowerNode(row[0], lowerer)
                let condition = row.count > 1 ? try Self.condition(row[1], lowerer) : nil
                pieces.append(Piece(value: value, condition: condition))
            }
            return .piecewise(pieces)
        default:
            throw LoweringFailure(.environment, environment.name, at: node.range)
        }
    }

    /// The condition of a `cases` row: `\text{if } x \geq 0`, `x < 0`, `\text{otherwise}`.
    static func condition(_ cell: TeXNode, _ lowerer: Lowerer) throws(LoweringFailure) -> Condition? {
        var items = flatten(cell)
        var words = ""
        while let first = items.first {
            if case .text(let text, _) = first.kind {
                words += text
                items.removeFirst()
            } else if case .symbol(let symbol) = first.kind, symbol.atomClass == .punctuation {
                items.removeFirst()
            } else {
                break
            }
        }
        while let last = items.last, case .symbol(let symbol) = last.kind, symbol.atomClass == .punctuation {
            items.removeLast()
        }
        if items.isEmpty {
            let lower = words.lowercased()
            if lower.contains("otherwise") || lower.contains("else") || lower.isEmpty { return nil }
            throw LoweringFailure(.condition, words, at: cell.range)
        }
        let relations = items.indices.filter { index in
            if case .symbol(let symbol) = items[index].kind { return symbol.atomClass == .relation }
            return false
        }
        guard relations.count == 1, case .symbol(let symbol) = items[relations[0]].kind else {
            throw LoweringFailure(.condition, text(cell), at: cell.range)
        }
        let comparison: Condition.Comparison
        switch symbol.text {
        case "<": comparison = .less
        case "≤", "⩽": comparison = .lessOrEqual
        case ">": comparison = .greater
        case "≥", "⩾": comparison = .greaterOrEqual
        case "=": comparison = .equal
        case "≠": comparison = .notEqual
        default: throw LoweringFailure(.condition, symbol.source, at: items[relations[0]].range)
        }
        var left = TermReader(items: Array(items[..<relations[0]]), lowerer: lowerer)
        var right = TermReader(items: Array(items[(relations[0] + 1)...]), lowerer: lowerer)
        return Condition(try left.readAll(), comparison, try right.readAll())
    }
}
