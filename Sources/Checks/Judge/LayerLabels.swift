import Formulas

/// Formulas written for any layer (`δ^{(l)}`, `W^{(l+1)}`, `a^{(l-1)}`, `z^{(L)}`): a label with
/// the letter l names a layer, `L` the last one. Such a formula is read on networks of two and
/// of three layers, at every layer its labels reach: the labels become numbers, and the lesson's
/// layer-generic definitions become one definition per layer. The widths of the layers are
/// whatever sizes make the layer's equations fit, drawn at random like any unstated size.
enum LayerLabels {
    /// The numbers of layers a generic formula is read on.
    static let depths = [2, 3]

    /// Whether a label is layer-generic: `l`, `l+1`, `l-1`, `L`.
    static func isGeneric(_ label: String) -> Bool {
        let compact = label.filter { $0 != " " }
        return compact == "L" || compact.hasPrefix("l") && timeOffset(compact) != nil
    }

    /// The layer a label stands for when l = `layer` on a network whose last layer is `last`.
    static func layer(of label: String, at layer: Int, last: Int) -> Int? {
        let compact = label.filter { $0 != " " }
        if compact == "L" { return last }
        if let number = Int(compact) { return number }
        guard compact.hasPrefix("l"), let offset = timeOffset(compact) else { return nil }
        return layer + offset
    }

    private static func timeOffset(_ label: String) -> Int? {
        FormulaJudge.timeIndex(label).map(\.1)
    }

    /// Whether any symbol of the expressions has a layer-generic label.
    static func involvesGeneric(_ expressions: [Expression]) -> Bool {
        expressions.contains { expression in
            expression.contains { candidate in
                if case .variable(let symbol) = candidate, let label = symbol.label { return isGeneric(label) }
                if case .derivative(_, let symbol) = candidate, let label = symbol.label { return isGeneric(label) }
                return false
            }
        }
    }

    /// `symbol` with its label read at l = `layer`, or `nil` if the label leaves the network.
    static func relabel(_ symbol: Symbol, at layer: Int, last: Int) -> Symbol? {
        guard let label = symbol.label else { return symbol }
        guard let number = Self.layer(of: label, at: layer, last: last), number >= 0, number <= last else { return nil }
        var copy = symbol
        copy.label = String(number)
        return copy
    }

    /// `expression` with every label read at l = `layer`, or `nil` if a label leaves the network.
    static func relabel(_ expression: Expression, at layer: Int, last: Int) -> Expression? {
        var outside = false
        let result = expression.replacing { candidate in
            guard case .variable(let symbol) = candidate, symbol.label != nil else { return nil }
            guard let moved = relabel(symbol, at: layer, last: last) else {
                outside = true
                return candidate
            }
            return .variable(moved)
        }
        return outside ? nil : result
    }

    /// The reading on a network whose last layer is `last`: the lesson's layer-generic
    /// definitions and kinds instantiated at every layer (the first definition stated wins, so
    /// a later form is checked against it), and a definition without a label that uses one
    /// (`\hat{y} = a^{(L)}`) read at the last layer.
    static func reading(_ reading: LessonReading, last: Int) -> LessonReading {
        var network = reading
        var definitions: [Symbol: Expression] = [:]
        var stated: [Symbol: Int] = [:]
        // In document order, so a later statement (a layer-generic definition after one of a
        // single layer of an earlier example) replaces an earlier one.
        let ordered = reading.definitions.keys.sorted {
            (reading.definedAt[$0] ?? 0, $0.description) < (reading.definedAt[$1] ?? 0, $1.description)
        }
        for symbol in ordered {
            guard let body = reading.definitions[symbol] else { continue }
            let line = reading.definedAt[symbol] ?? 0
            if let label = symbol.label, isGeneric(label) {
                // Layer 0 is the input the lesson names (`a^{(0)} = x`); the layers' equations start at 1.
                for layer in 1...last {
                    guard let name = relabel(symbol, at: layer, last: last),
                        let value = relabel(body, at: layer, last: last)
                    else { continue }
                    definitions[name] = value
                    stated[name] = line
                }
            } else if stated[symbol].map({ $0 <= line }) ?? true {
                definitions[symbol] = involvesGeneric([body]) ? (relabel(body, at: last, last: last) ?? body) : body
                stated[symbol] = line
            }
        }
        network.definitions = Definitions(definitions)
        for (symbol, fact) in reading.kindsHere {
            guard let label = symbol.label, isGeneric(label) else { continue }
            for layer in 0...last {
                guard let name = relabel(symbol, at: layer, last: last), network.kinds[name] == nil else { continue }
                var kind = fact.kind
                if case .array(let shape) = kind {
                    kind = .array(Shape(dimension(shape.rows, layer, last), dimension(shape.columns, layer, last)))
                }
                network.kinds[name] = (kind, fact.evidence)
            }
        }
        network.caseValues = [:]
        return network
    }

    /// A size named with a layer label (`n_{l-1}`) read at l = `layer`.
    private static func dimension(_ dimension: Dimension, _ layer: Int, _ last: Int) -> Dimension {
        guard case .named(let name) = dimension, !name.hasPrefix("?"), let underscore = name.firstIndex(of: "_") else {
            return dimension
        }
        var index = String(name[name.index(after: underscore)...])
        if index.hasPrefix("{"), index.hasSuffix("}") { index = String(index.dropFirst().dropLast()) }
        guard isGeneric(index), let number = Self.layer(of: index, at: layer, last: last) else { return dimension }
        return .named(String(name[..<underscore]) + "_\(number)")
    }
}
