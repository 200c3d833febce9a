import LitmusDiagnostics
import TeX

/// Reads one term (the material between two relations) as an expression:
/// sum := ±product (± product)*, product := factor (op? factor)*, factor := atom with scripts and
/// call arguments. A `\sum` takes the rest of its product as its body.
struct TermReader {
    var items: [TeXNode]
    var position = 0
    let lowerer: Lowerer
    /// A subscript found on the parentheses of a call's arguments (`softmax(z)_k`).
    var pendingComponent: String? = nil
    /// A superscript found on the parentheses of a call's arguments (`f(x)^2`).
    var pendingPower: Superscript? = nil
    /// The next letter is the operand of a gradient: parentheses after it are its argument.
    var operandOfGradient = false

    init(items: [TeXNode], lowerer: Lowerer) {
        self.items = items
        self.lowerer = lowerer
    }

    // MARK: - Flattening

    /// The items of a row: spaces dropped, style and colour wrappers opened.
    static func flatten(_ node: TeXNode) -> [TeXNode] {
        var out: [TeXNode] = []
        let nodes: [TeXNode]
        switch node.kind {
        case .row(let children), .group(let children): nodes = children
        default: nodes = [node]
        }
        for child in nodes {
            switch child.kind {
            case .space, .lineBreak, .label, .tag, .noNumber, .phantom: continue
            case .mathStyle(_, let body), .color(_, let body), .sizing(_, let body), .enclosed(_, let body):
                out += flatten(body)
            case .row: out += flatten(child)
            case .sizedDelimiter(let symbol, _):
                // `\bigl( … \bigr)` reads as a plain pair of parentheses.
                out.append(TeXNode(.symbol(symbol), child.range))
            default: out.append(child)
            }
        }
        return out
    }

    // MARK: - Sums and products

    /// Reads every item as one expression; items separated by top-level commas are a tuple
    /// (`1, \dots, L`, whose dots are an `.ellipsis`).
    mutating func readAll() throws(LoweringFailure) -> Expression {
        if position == 0, items.contains(where: Self.isComma) {
            var parts: [[TeXNode]] = [[]]
            for item in items {
                if Self.isComma(item) { parts.append([]) } else { parts[parts.count - 1].append(item) }
            }
            if parts.count > 1, parts.allSatisfy({ !$0.isEmpty }) {
                return .tuple(
                    try parts.map { part throws(LoweringFailure) in
                        if part.allSatisfy(Self.isDots) { return .ellipsis }
                        var reader = TermReader(items: part, lowerer: lowerer)
                        return try reader.readAll()
                    })
            }
        }
        let expression = try readSum()
        if position < items.count {
            let item = items[position]
            throw LoweringFailure(.malformed, Self.text(item), at: item.range)
        }
        return expression
    }

    mutating func readSum() throws(LoweringFailure) -> Expression {
        var sign: Bool? = nil
        if let op = peekBinary(), op == "+" || op == "−" || op == "-" {
            sign = op == "+"
            position += 1
        }
        var result = try readProduct()
        if sign == false { result = .negate(result) }
        while let op = peekBinary() {
            switch op {
            case "+":
                position += 1
                result = .add(result, try readProduct())
            case "−", "-":
                position += 1
                result = .subtract(result, try readProduct())
            case "±", "∓":
                throw LoweringFailure(.plusMinus, at: items[position].range)
            default:
                return result
            }
        }
        return result
    }

    private func peekBinary() -> String? {
        guard position < items.count, case .symbol(let symbol) = items[position].kind,
            symbol.atomClass == .binary || symbol.text == "+" || symbol.text == "−" || symbol.text == "-"
        else { return nil }
        return symbol.text
    }

    mutating func readProduct() throws(LoweringFailure) -> Expression {
        var result = try readFactor()
        while position < items.count {
            let item = items[position]
            if case .symbol(let symbol) = item.kind {
                switch symbol.text {
                case "⋅", "·", "×", "∗", "*":
                    position += 1
                    let factor = try readFactor()
                    if symbol.text == "×", Self.isTuple(result) || Self.isTuple(factor) {
                        // `[a, b] \times [c, d]`: a Cartesian product of intervals, a set.
                        throw LoweringFailure(.set, Self.text(item), at: item.range)
                    }
                    result = .multiply(result, factor)
                    continue
                case "/", "÷":
                    position += 1
                    result = .divide(result, try readFactor())
                    continue
                case "⊙", "∘":
                    position += 1
                    result = .hadamard(result, try readFactor())
                    continue
                default:
                    if symbol.atomClass == .opening { break }
                    return result
                }
            }
            if !startsFactor(item) { return result }
            result = .multiply(result, try readFactor())
        }
        return result
    }

    private func startsFactor(_ node: TeXNode) -> Bool {
        switch node.kind {
        case .symbol(let symbol):
            return symbol.atomClass == .opening || symbol.atomClass == .ordinary || symbol.text == "|"
        case .sizedDelimiter, .lineBreak, .space:
            return false
        default:
            return true
        }
    }

    // MARK: - Factors

    /// A factor, with the factorials written after it (`3!`, `n!`).
    mutating func readFactor() throws(LoweringFailure) -> Expression {
        var factor = try readBareFactor()
        while position < items.count, case .symbol(let symbol) = items[position].kind, symbol.text == "!" {
            position += 1
            factor = .call(FunctionName("factorial"), derivative: 0, [factor])
        }
        return factor
    }

    /// A letter right after `\Delta` (`x`, `\mathbf{x}`, `x_{t-1}`, `\theta`): the quantity whose
    /// change `\Delta` writes.
    static func isIncrementOperand(_ node: TeXNode) -> Bool {
        switch node.kind {
        case .identifier(let name): return name.unicodeScalars.count == 1 && name != "Δ"
        case .styled(_, let inner): return isIncrementOperand(inner)
        case .scripts(let scripts): return scripts.sup == nil && isIncrementOperand(scripts.base)
        case .row(let children), .group(let children): return children.count == 1 && isIncrementOperand(children[0])
        default: return false
        }
    }

    mutating func readBareFactor() throws(LoweringFailure) -> Expression {
        guard position < items.count else {
            throw LoweringFailure(.malformed, items.last.map(Self.text) ?? "", at: items.last?.range)
        }
        let item = items[position]
        position += 1
        switch item.kind {
        case .number(let digits):
            guard let value = Double(digits) else {
                throw LoweringFailure(.malformed, digits, at: item.range)
            }
            return .number(value)
        case .identifier("Δ") where position < items.count && Self.isIncrementOperand(items[position]):
            // `\Delta x`, `\Delta \mathbf{x}_{t-1}`: the change in x is one quantity, not Δ times x.
            let operandStart = position
            if case .variable(var symbol) = try readBareFactor() {
                symbol.name = "Δ" + symbol.name
                return .variable(symbol)
            }
            position = operandStart
            return try readNamed(item, scripts: nil)
        case .identifier, .styled, .text, .function, .accent:
            return try readNamed(item, scripts: nil)
        case .scripts(let scripts):
            if case .symbol(let operatorSymbol) = scripts.base.kind,
                operatorSymbol.text == "∇" || operatorSymbol.text == "∂",
                let sub = scripts.sub,
                scripts.sup == nil,
                case .variable(let variable) = try Self.lowerNode(sub, lowerer)
            {
                // `\nabla_{\theta} L`: the gradient of L with respect to θ, ∂L/∂θ laid out like θ; `\partial_x f`.
                let operand = try readGradientOperand()
                if case .call(let function, 0, let arguments) = operand, arguments.count == 1,
                    !arguments[0].freeSymbols.contains(variable)
                {
                    // `\nabla_\theta L(\theta_t + \mu v_t)`: the gradient of L taken at that point.
                    return .call(function, derivative: 1, arguments)
                }
                return .derivative(of: operand, with: variable)
            }
            return try readScripts(scripts, item)
        case .fraction(let kind, let numerator, let denominator):
            guard kind == .frac || kind == .tfrac || kind == .dfrac else {
                // `\binom`, `\brace`, `\brack` stack in delimiters, `\atop` bare: none is a quotient.
                throw LoweringFailure(kind == .atop ? .malformed : .binomial, Self.text(item), at: item.range)
            }
            return try readFraction(numerator, denominator, item)
        case .root(let radicand, let index):
            let value = try Self.lowerNode(radicand, lowerer)
            if let index {
                return .power(value, .divide(.number(1), try Self.lowerNode(index, lowerer)))
            }
            return .call(FunctionName("sqrt"), derivative: 0, [value])
        case .fenced(let fence):
            return try readFenced(fence, item)
        case .group:
            return try Self.lowerNode(item, lowerer)
        case .environment(let environment):
            return try readEnvironment(environment, item)
        case .largeOperator(let symbol, _) where symbol.text == "∫":
            // `\int 2x \, dx`: an antiderivative, checked by its derivative.
            return try readIntegral(lower: nil, upper: nil, at: item)
        case .largeOperator(let symbol, _):
            throw LoweringFailure(.largeOperator, symbol.source, at: item.range)
        case .symbol(let symbol):
            if symbol.atomClass == .opening, symbol.text == "(" || symbol.text == "[" {
                return try readOpenParenthesis(item)
            }
            if symbol.text == "|" {
                // `|x|`: the absolute value, up to the next bar (which may carry a power: `|x|^2`).
                guard
                    let end = items[position...].firstIndex(where: { node in
                        if case .symbol(let close) = node.kind { return close.text == "|" }
                        if case .scripts(let scripts) = node.kind, case .symbol(let close) = scripts.base.kind {
                            return close.text == "|"
                        }
                        return false
                    }), end > position
                else { throw LoweringFailure(.malformed, "|", at: item.range) }
                var inner = TermReader(items: Array(items[position..<end]), lowerer: lowerer)
                let closing = items[end]
                position = end + 1
                let absolute = Expression.call(FunctionName("abs"), derivative: 0, [try inner.readAll()])
                if case .scripts(let scripts) = closing.kind, let sup = scripts.sup, scripts.sub == nil {
                    return .power(absolute, try Self.lowerNode(sup, lowerer))
                }
                return absolute
            }
            if symbol.text == "∇", position < items.count {
                // `\nabla f(x)`, `\nabla L(\theta + \mu v)`: the gradient of a function of one argument there.
                if case .call(let function, 0, let arguments) = try readGradientOperand(), arguments.count == 1 {
                    return .call(function, derivative: 1, arguments)
                }
                throw LoweringFailure(.notAValue, symbol.source, at: item.range)
            }
            if symbol.text == "∂", let derivative = try readSlashedDerivative() { return derivative }
            if symbol.text == "∂" { throw LoweringFailure(.loneDifferential, "∂", at: item.range) }
            if symbol.text == "∞" { return .number(.infinity) }
            throw LoweringFailure(.notAValue, symbol.source, at: item.range)
        case .unknownCommand(let name):
            throw LoweringFailure(.unknownCommand, "\\" + name, at: item.range)
        case .error(let text):
            throw LoweringFailure(.malformed, text, at: item.range)
        case .overUnder:
            throw LoweringFailure(.overUnder, Self.text(item), at: item.range)
        case .sizedDelimiter(let symbol, _):
            throw LoweringFailure(.malformed, symbol.source, at: item.range)
        case .row, .space, .mathStyle, .color, .lineBreak:
            return try Self.lowerNode(item, lowerer)
        case .divider(let symbol, _):
            throw LoweringFailure(.malformed, symbol.source, at: item.range)
        case .reference(let name, let equation):
            throw LoweringFailure(.notAValue, (equation ? "\\eqref{" : "\\ref{") + name + "}", at: item.range)
        case .label, .tag, .noNumber, .phantom, .sizing, .enclosed:
            return try Self.lowerNode(
                TeXNode(.row(Self.flatten(TeXNode(.row([item]), item.range))), item.range), lowerer)
        }
    }

    /// `\partial L / \partial \mathbf{W}`, written inline with a slash (the `∂` before L read): the
    /// derivative; `nil` (nothing read) for anything else.
    private mutating func readSlashedDerivative() throws(LoweringFailure) -> Expression? {
        let start = position
        guard position < items.count, let of = try? readFactor(), position + 2 < items.count + 0,
            position < items.count, case .symbol(let slash) = items[position].kind, slash.text == "/",
            position + 1 < items.count, case .symbol(let partial) = items[position + 1].kind, partial.text == "∂"
        else {
            position = start
            return nil
        }
        position += 2
        guard position < items.count, case .variable(let variable) = try? readFactor() else {
            position = start
            return nil
        }
        return .derivative(of: of, with: variable)
    }

    /// The factor after `\nabla`: a letter before parentheses is applied to them.
    private mutating func readGradientOperand() throws(LoweringFailure) -> Expression {
        operandOfGradient = true
        defer { operandOfGradient = false }
        return try readFactor()
    }

    /// A parenthesis the TeX parser left unmatched because its closing `)` carries a script:
    /// `(1 + e^{-x})^{-1}`.
    private mutating func readOpenParenthesis(_ open: TeXNode) throws(LoweringFailure) -> Expression {
        var depth = 0
        var end = position
        while end < items.count {
            let node = items[end]
            if case .symbol(let symbol) = node.kind {
                if symbol.atomClass == .opening { depth += 1 }
                if symbol.atomClass == .closing {
                    if depth == 0 { break }
                    depth -= 1
                }
            }
            if case .scripts(let scripts) = node.kind, case .symbol(let symbol) = scripts.base.kind,
                symbol.atomClass == .closing, depth == 0
            {
                break
            }
            end += 1
        }
        guard end < items.count else { throw LoweringFailure(.malformed, "(", at: open.range) }
        var inner = TermReader(items: Array(items[position..<end]), lowerer: lowerer)
        let body = try inner.readAll()
        let closing = items[end]
        position = end + 1
        if case .scripts(var scripts) = closing.kind {
            let sub = scripts.sub
            scripts.sub = nil
            let scripted = try applyScripts(body, scripts, closing)
            return sub.map { .component(scripted, index: Self.text($0)) } ?? scripted
        }
        return body
    }

    // MARK: - Helpers

    static func isTuple(_ expression: Expression) -> Bool {
        if case .tuple = expression { return true }
        return false
    }

    static func isComma(_ node: TeXNode) -> Bool {
        if case .symbol(let symbol) = node.kind { return symbol.text == "," }
        return false
    }

    static func isDots(_ node: TeXNode) -> Bool {
        if case .symbol(let symbol) = node.kind { return ["…", "⋯", "⋮", "⋱", "...", "."].contains(symbol.text) }
        return false
    }

    /// Lowers a sub-tree (a group, a cell, an argument) as one expression.
    static func lowerNode(_ node: TeXNode, _ lowerer: Lowerer) throws(LoweringFailure) -> Expression {
        let items = flatten(node)
        guard !items.isEmpty else { throw LoweringFailure(.malformed, "{}", at: node.range) }
        var reader = TermReader(items: items, lowerer: lowerer)
        return try reader.readAll()
    }

    /// The plain text of a small tree: `l-1`, `2`, `ij`.
    static func text(_ node: TeXNode) -> String {
        switch node.kind {
        case .identifier(let text), .number(let text): return text
        case .symbol(let symbol): return symbol.text == "−" ? "-" : symbol.text
        case .text(let text, _): return text
        case .function(let name, _): return name
        case .unknownCommand(let name): return "\\" + name
        case .error(let text): return text
        case .fenced(let fence):
            return (fence.open?.text ?? "") + text(fence.body) + (fence.close?.text ?? "")
        case .scripts(let scripts):
            var out = text(scripts.base)
            if let sub = scripts.sub { out += "_" + text(sub) }
            if let sup = scripts.sup { out += "^" + text(sup) }
            return out + String(repeating: "'", count: scripts.primes)
        default: return node.children.map(text).joined()
        }
    }
}
