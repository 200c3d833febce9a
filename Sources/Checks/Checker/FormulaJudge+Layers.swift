import Formulas

extension FormulaJudge {
    /// An equation written for any layer (`\frac{\partial L}{\partial W^{(l)}} = \delta^{(l)} (a^{(l-1)})^\top`)
    /// checked at every layer of a small network (`LayerInstance`) where its labels exist; `nil`
    /// when it cannot be read there (then the other readings decide), or when it only defines a
    /// generic symbol for the first time.
    mutating func layered(_ terms: [Expression]) -> Verdict? {
        let network = LayerInstance.state(from: state)
        let widths = LayerInstance.widths.map(String.init).joined(separator: "→")
        var layers: [Int] = []
        var points = 0
        var definitional = true
        var seen: Set<[Expression]> = []
        for layer in 1...LayerInstance.last {
            let instance = terms.compactMap { LayerInstance.relabel($0, at: layer) }
            guard instance.count == terms.count, !seen.contains(instance) else { continue }
            seen.insert(instance)
            if terms.count == 2, case .variable(let subject) = instance[0], network.definitions[subject] == nil {
                continue
            }
            definitional = false
            let comparison = Comparison(state: network, samples: samples)
            switch comparison.compare(instance, scalarOnly: false, prepare: indexPreparation(instance)) {
            case .agree(let count, _):
                layers.append(layer)
                points += count
            case .differ(let side, let example, _):
                return Verdict(
                    .mismatch,
                    "`\(printer.print(terms[side]))` differs from `\(printer.print(terms[0]))` at l = \(layer) "
                        + "on a \(widths) network (f read as σ where the lesson leaves it open)",
                    against: "the lesson's layer equations instantiated on a \(widths) network",
                    counterexample: example)
            case .failed(.shape(let message), let undeclared) where !undeclared:
                // Every input has the network's shape, so a product that does not fit is the lesson's.
                return Verdict(
                    .mismatch, "the shapes do not agree at l = \(layer) on a \(widths) network: \(message)",
                    against: "shape rules",
                    counterexample: Counterexample(
                        inputs: [], formula: "no value (\(message))",
                        expected: "shapes that fit"))
            case .failed:
                return nil
            }
        }
        guard !definitional, !layers.isEmpty else { return nil }
        if terms.count == 2, case .variable(let subject) = terms[0], state.definitions[subject] == nil {
            // A new generic symbol that agrees with what the lesson said before (δ^{(L)} with δ^{(l)}).
            state.definitions[subject] = terms[1]
            state.definedAt[subject] = line
        }
        let sides = terms.count == 2 ? "both sides agree" : "all \(terms.count) sides agree"
        let perLayer = terms.contains { term in
            term.contains { expression in
                if case .variable(let symbol) = expression { return symbol.label?.contains("l") ?? false }
                if case .derivative(_, let symbol) = expression { return symbol.label?.contains("l") ?? false }
                return false
            }
        }
        let at = perLayer ? layers.map { "l = \($0)" }.joined(separator: ", ") : "L = \(LayerInstance.last)"
        return Verdict(
            .verified,
            "\(sides) at \(at) of a \(widths) network (\(points) points; vectors and matrices with "
                + "the network's shapes, ∂L/∂W laid out like W, f read as σ where the lesson leaves it open)",
            against: derivativeReference(terms))
    }
}
