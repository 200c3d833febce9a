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
        if let first = top.first, case .scripts(let scripts) = first.kind, Self.isDifferential(scripts.base),
            scripts.sub == nil, let sup = scripts.sup, let order = Int(Self.text(sup)), (2...4).contains(order)
        {
            return try readHigherDerivative(order: order, of: Array(top.dropFirst()), bottom, node)
        }
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
            let function = try functionReader.readAll()
            let derivative = Expression.derivative(of: function, with: variable)
            // `\frac{dg}{dx}(x)`, `\frac{dF}{du}(u(x))`: the derivative of a function of one argument,
            // taken at the point in parentheses.
            if case .variable(let name) = function, name.index == nil, name.label == nil, name.accents.isEmpty,
                lowerer.functionKeys.contains(FunctionName(name.name).key)
                    || lowerer.survey.appliedLetters.contains(name.name),
                position < items.count, case .fenced(let fence) = items[position].kind, fence.open?.text == "(",
                Self.splitOnCommas(Self.flatten(fence.body)).count == 1
            {
                position += 1
                let argument = try Self.lowerNode(fence.body, lowerer)
                return .call(FunctionName(name.name), derivative: 1 + name.primes, [argument])
            }
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

    /// `\frac{\partial^2 f}{\partial x^2}`, `\frac{d^2 y}{dx^2}`, `\frac{\partial^2 f}{\partial x \partial y}`:
    /// derivatives of derivatives, innermost first.
    private mutating func readHigherDerivative(order: Int, of function: [TeXNode], _ bottom: [TeXNode], _ node: TeXNode)
        throws(LoweringFailure) -> Expression
    {
        var variables: [Symbol] = []
        var index = 0
        while index < bottom.count {
            guard Self.isDifferential(bottom[index]), index + 1 < bottom.count else {
                throw LoweringFailure(.malformed, Self.text(node), at: node.range)
            }
            var variableNode = bottom[index + 1]
            var power = 1
            if case .scripts(let scripts) = variableNode.kind, scripts.sub == nil, let sup = scripts.sup,
                let written = Int(Self.text(sup))
            {
                variableNode = scripts.base
                power = written
            }
            guard case .variable(let variable) = try Self.lowerNode(variableNode, lowerer), power >= 1, power <= 4
            else {
                throw LoweringFailure(.malformed, Self.text(node), at: node.range)
            }
            variables += Array(repeating: variable, count: power)
            index += 2
        }
        guard variables.count == order else { throw LoweringFailure(.malformed, Self.text(node), at: node.range) }
        let body: Expression
        if function.isEmpty {
            body = try readProduct()
        } else {
            var reader = TermReader(items: function, lowerer: lowerer)
            body = try reader.readAll()
        }
        return variables.reversed().reduce(body) { inner, variable in .derivative(of: inner, with: variable) }
    }

    /// `∂`, an italic `d` or an upright `\mathrm{d}` or `\text{d}`.
    static func isDifferential(_ node: TeXNode) -> Bool {
        switch node.kind {
        case .symbol(let symbol): return symbol.text == "∂"
        case .identifier(let text): return text == "d"
        case .text(let text, _): return text == "d"
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

    // MARK: - Integrals

    /// `\int_a^b f(x)\,dx`: the body up to its differential, or after it (`\int_0^1 ds\, f(s)`);
    /// an inner integral first reads its own (`\int\int f\,dy\,dx`).
    mutating func readIntegral(lower: Expression?, upper: Expression?, at node: TeXNode) throws(LoweringFailure)
        -> Expression
    {
        var body: Expression? = nil
        if position < items.count, Self.isIntegral(items[position]) { body = try readFactor() }
        guard let (start, variable, width) = try differential(from: position) else {
            throw LoweringFailure(.largeOperator, "∫ without its differential", at: node.range)
        }
        if body == nil {
            if start == position {
                position = start + width
                body = try readProduct()
            } else {
                var reader = TermReader(items: Array(items[position..<start]), lowerer: lowerer)
                body = try reader.readAll()
                position = start + width
            }
        } else {
            guard start == position else { throw LoweringFailure(.malformed, Self.text(items[start]), at: node.range) }
            position = start + width
        }
        return .integral(variable: variable, lower: lower, upper: upper, body: body!)
    }

    static func isIntegral(_ node: TeXNode) -> Bool {
        switch node.kind {
        case .largeOperator(let symbol, _): return symbol.text == "∫"
        case .scripts(let scripts): return isIntegral(scripts.base)
        default: return false
        }
    }

    /// The first differential `dx` (or `\mathrm{d}x`, `\text{ds}`) from `start`: where it is, its
    /// variable and how many items it takes.
    private func differential(from start: Int) throws(LoweringFailure) -> (Int, Symbol, Int)? {
        var index = start
        while index < items.count {
            let item = items[index]
            if case .text(let text, _) = item.kind, text.count == 2, text.first == "d" {
                return (index, Symbol(String(text.dropFirst())), 1)
            }
            if Self.isDifferential(item), index + 1 < items.count,
                case .variable(let variable) = try Self.lowerNode(items[index + 1], lowerer)
            {
                return (index, variable, 2)
            }
            index += 1
        }
        return nil
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
        case "‖":
            var reader = TermReader(items: body, lowerer: lowerer)
            return .call(FunctionName("norm"), derivative: 0, [try reader.readAll()])
        case "⌊", "⌈":
            var reader = TermReader(items: body, lowerer: lowerer)
            let name = fence.open?.text == "⌊" ? "floor" : "ceil"
            return .call(FunctionName(name), derivative: 0, [try reader.readAll()])
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
