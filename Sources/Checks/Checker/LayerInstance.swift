import Formulas

/// The matrix form of backpropagation written for any layer (`δ^{(l)}`, `W^{(l+1)}`,
/// `a^{(l-1)}`, `z^{(L)}`) instantiated on a small network, so it can be evaluated: labels become
/// layer numbers, the lesson's layer-generic definitions become one definition per layer, and the
/// weights, biases, input and target get the network's shapes.
struct LayerInstance {
    /// The widths n₀ → n₁ → n₂ of the network every generic formula is checked on.
    static let widths = [3, 4, 2]
    /// The last layer, what the label L stands for.
    static var last: Int { widths.count - 1 }

    /// Whether a label is layer-generic: `l`, `l+1`, `l-1`, `L`.
    static func isGeneric(_ label: String) -> Bool {
        label == "L" || label.contains("l")
    }

    /// The layer a label stands for when l = `layer`: `l+1` → layer + 1; `nil` if it is not a layer label.
    static func layer(of label: String, at layer: Int) -> Int? {
        let compact = label.filter { $0 != " " }
        if compact == "L" { return last }
        if let number = Int(compact) { return number }
        guard compact.hasPrefix("l") else { return nil }
        let rest = compact.dropFirst()
        if rest.isEmpty { return layer }
        guard let offset = Int(rest.replacingOccurrences(of: "+", with: "")) else { return nil }
        return layer + offset
    }

    /// Whether any symbol of the terms has a layer-generic label.
    static func involvesGenericLayers(_ terms: [Expression]) -> Bool {
        terms.contains { term in
            term.contains { expression in
                if case .variable(let symbol) = expression, let label = symbol.label { return isGeneric(label) }
                if case .derivative(_, let symbol) = expression, let label = symbol.label { return isGeneric(label) }
                return false
            }
        }
    }

    /// `expression` with every label read at l = `layer`, or `nil` if a label leaves the network
    /// (`W^{(l+1)}` at the last layer, a weight of layer 0).
    static func relabel(_ expression: Expression, at layer: Int) -> Expression? {
        func symbol(_ symbol: Symbol) -> Symbol? {
            guard let label = symbol.label else { return symbol }
            guard let number = Self.layer(of: label, at: layer), number >= 0, number <= last else { return nil }
            if number == 0, symbol.name != "a" { return nil }
            var copy = symbol
            copy.label = String(number)
            return copy
        }
        func map(_ e: Expression) -> Expression? {
            switch e {
            case .number, .realSpace, .finiteSet: return e
            case .variable(let s): return symbol(s).map(Expression.variable)
            case .add(let a, let b): return pair(a, b, Expression.add)
            case .subtract(let a, let b): return pair(a, b, Expression.subtract)
            case .multiply(let a, let b): return pair(a, b, Expression.multiply)
            case .divide(let a, let b): return pair(a, b, Expression.divide)
            case .power(let a, let b): return pair(a, b, Expression.power)
            case .hadamard(let a, let b): return pair(a, b, Expression.hadamard)
            case .negate(let a): return map(a).map(Expression.negate)
            case .transpose(let a): return map(a).map(Expression.transpose)
            case .component(let a, let index): return map(a).map { .component($0, index: index) }
            case .call(let name, let order, let arguments):
                let mapped = arguments.compactMap(map)
                return mapped.count == arguments.count ? .call(name, derivative: order, mapped) : nil
            case .derivative(let of, let with):
                guard let of = map(of), let with = symbol(with) else { return nil }
                return .derivative(of: of, with: with)
            case .matrix(let rows):
                let mapped = rows.map { $0.compactMap(map) }
                return zip(mapped, rows).allSatisfy { $0.count == $1.count } ? .matrix(mapped) : nil
            case .sum(let index, let lower, let upper, let body):
                guard let body = map(body) else { return nil }
                return .sum(index: index, lower: lower.flatMap(map), upper: upper.flatMap(map), body: body)
            case .piecewise(let pieces):
                var out: [Piece] = []
                for piece in pieces {
                    guard let value = map(piece.value) else { return nil }
                    var condition = piece.condition
                    if let c = condition {
                        guard let lhs = map(c.lhs), let rhs = map(c.rhs) else { return nil }
                        condition = Condition(lhs, c.comparison, rhs)
                    }
                    out.append(Piece(value: value, condition: condition))
                }
                return .piecewise(out)
            }
        }
        func pair(_ a: Expression, _ b: Expression, _ make: (Expression, Expression) -> Expression) -> Expression? {
            guard let a = map(a), let b = map(b) else { return nil }
            return make(a, b)
        }
        return map(expression)
    }

    /// The lesson's state on the network: generic definitions instantiated per layer (the first
    /// stated wins, so a later form is checked against it), definitions of single layers of the
    /// scalar network dropped, shapes declared, and an activation f the lesson leaves open read as σ.
    static func state(from state: LessonState) -> LessonState {
        var network = state
        var definitions: [Symbol: Expression] = [:]
        let generic = state.definitions.keys.filter { $0.label.map(isGeneric) ?? false }
            .sorted { (state.definedAt[$0] ?? 0, $0.description) < (state.definedAt[$1] ?? 0, $1.description) }
        for symbol in generic {
            guard let body = state.definitions[symbol] else { continue }
            for layer in 0...last {
                guard let name = relabel(.variable(symbol), at: layer)?.asSymbol, definitions[name] == nil,
                    let value = relabel(body, at: layer)
                else { continue }
                definitions[name] = value
            }
        }
        // `ŷ = a^{(L)}`: a definition without a label may still name the last layer.
        for (symbol, body) in state.definitions where symbol.label == nil && definitions[symbol] == nil {
            definitions[symbol] = relabel(body, at: last) ?? body
        }
        for (symbol, body) in state.definitions
        where symbol.label.map({ Int($0) != nil }) ?? false
            && definitions[symbol] == nil
        {
            definitions[symbol] = body
        }
        network.definitions = Definitions(definitions)
        for layer in 1...last {
            network.shapes[Symbol("W", label: String(layer))] = [widths[layer], widths[layer - 1]]
            network.shapes[Symbol("b", label: String(layer))] = [widths[layer], 1]
        }
        network.shapes[Symbol("x")] = [widths[0], 1]
        network.shapes[Symbol("y")] = [widths[last], 1]
        if network.functions["f"] == nil, let sigma = state.functions["σ"] ?? state.functions["sigmoid"] {
            network.functions["f"] = sigma
        }
        network.caseValues = [:]
        return network
    }
}
