import Formulas

extension FormulaJudge {
    /// A formula with no relation: a mention of a symbol (`the target $y$`) or an expression
    /// (`$p - t$`). A mention is a fact about the lesson: the symbol must be one the lesson's
    /// formulas define or use, and an expression must evaluate from them.
    mutating func mention(_ expression: Expression) -> Verdict {
        switch expression {
        case .variable(let symbol):
            guard let place = whereIs(symbol) else {
                return Verdict(.unchecked, "a mention of \(symbol), which no formula of the lesson defines or uses")
            }
            return Verdict(.verified, "names \(symbol), \(place)", against: "the lesson's formulas")
        case .number(let value):
            return Verdict(.unchecked, "the number \(Tensor.format(value)) in the prose: nothing to check it against")
        default:
            break
        }
        if state.writtenWithTimes, case .multiply(let rows, let columns) = expression,
            [rows, columns].allSatisfy({ if case .number = $0 { true } else { $0.asSymbol != nil } })
        {
            // `$\delta^{(l)}$ is $n_l \times 1$`: a shape, in sizes the lesson's formulas use.
            let shape = "\(printer.print(rows)) × \(printer.print(columns))"
            var places: [String] = []
            for size in [rows, columns] {
                guard let symbol = size.asSymbol else { continue }
                guard let place = whereIs(symbol) else {
                    return Verdict(
                        .unchecked, "the shape \(shape) uses \(symbol), which no formula of the lesson defines or uses")
                }
                places.append("\(symbol) \(place)")
            }
            return Verdict(
                .verified, "names the shape \(shape) in the lesson's sizes (" + places.joined(separator: "; ") + ")",
                against: "the lesson's formulas")
        }
        var symbols = Array(expression.freeSymbols)
        _ = expression.contains { part in
            if case .derivative(_, let variable) = part { symbols.append(variable) }
            return false
        }
        symbols = Array(Set(symbols)).filter { !isFunctionName($0) }.sorted { $0.description < $1.description }
        if symbols.isEmpty {
            // `$\frac{1}{4}$`: a constant in the prose, like a number.
            return Verdict(
                .unchecked, "the constant `\(printer.print(expression))` in the prose: nothing to check it against")
        }
        var places: [String] = []
        for symbol in symbols {
            guard let place = whereIs(symbol) else {
                return Verdict(
                    .unchecked,
                    "`\(printer.print(expression))` uses \(symbol), which no formula of the lesson "
                        + "defines or uses")
            }
            places.append("\(symbol) \(place)")
        }
        let usesDerivatives = expression.contains { if case .derivative = $0 { true } else { false } }
        if usesDerivatives, let unrelated = unrelatedDerivative([expression]),
            !symbols.contains(where: { state.definedAt[$0] == nil && state.index.defined[$0] != nil })
        {
            return Verdict(.unchecked, "\(unrelated): nothing the lesson defined links them")
        }
        // One side only: whether it evaluates, which a few points show.
        let outcome = Comparison(state: state, samples: 2).compare(
            [expression], scalarOnly: false,
            prepare: indexPreparation([expression]))
        let what = usesDerivatives ? derivativeReference([expression]) : definitionsReference([expression])
        switch outcome {
        case .agree:
            return Verdict(
                .verified,
                "`\(printer.print(expression))` evaluates from the lesson's symbols ("
                    + places.joined(separator: "; ") + ")", against: what)
        case .failed(.shape(let message), let undeclared) where !undeclared:
            return shapeMismatch(message, [expression])
        default:
            // Evaluated where it stands, the expression may need definitions that come later.
            if symbols.contains(where: { state.definedAt[$0] == nil && state.index.defined[$0] != nil }) {
                return Verdict(
                    .verified,
                    "names `\(printer.print(expression))` in the lesson's symbols ("
                        + places.joined(separator: "; ") + ")", against: "the lesson's formulas")
            }
            if case .failed(.unsupported, _) = outcome {
                // `n_l \times n_{l-1}`: every symbol is the lesson's, though no value can be drawn for it.
                return Verdict(
                    .verified,
                    "names `\(printer.print(expression))` in the lesson's symbols ("
                        + places.joined(separator: "; ") + ")", against: "the lesson's formulas")
            }
            if case .failed(let failure, _) = outcome {
                return Verdict(.unchecked, "cannot evaluate `\(printer.print(expression))`: \(failure)")
            }
            return Verdict(.unchecked, "cannot evaluate `\(printer.print(expression))`")
        }
    }

    /// Where the lesson's formulas define or use `symbol` ("defined at line 14"), or `nil`.
    func whereIs(_ symbol: Symbol) -> String? {
        let index = state.index
        if let line = state.definedAt[symbol] ?? index.defined[symbol] { return "defined at line \(line)" }
        if state.shapes[symbol] != nil { return "declared earlier" }
        if let line = index.used[symbol] { return "used in the formula at line \(line)" }
        if isFunctionName(symbol)
            || state.functions[FunctionName(symbol.name).key] != nil && symbol.index == nil
                && symbol.label == nil
        {
            return "the function \(symbol.name)"
        }
        if symbol.index != nil {
            // An entry of a vector or matrix the formulas define or use (not of an index letter).
            let parent = symbol.withoutIndex
            if let line = state.definedAt[parent] ?? index.defined[parent] {
                return "an entry of \(parent) (defined at line \(line))"
            }
            if state.shapes[parent] != nil { return "an entry of \(parent) (declared earlier)" }
            if let line = index.used[parent], index.indexLetters[parent.name] == nil || parent.label != nil {
                return "an entry of \(parent) (used in the formula at line \(line))"
            }
        }
        if symbol.index == nil, symbol.label == nil, symbol.accents.isEmpty, symbol.name.count == 1,
            let use = index.indexLetters[symbol.name]
        {
            return use.symbol.name == "Σ"
                ? "the index of the sum at line \(use.line)"
                : "the index of \(use.symbol) at line \(use.line)"
        }
        if symbol.index == nil, symbol.label == nil, symbol.accents.isEmpty, symbol.name.count == 1,
            let use = index.labelLetters[symbol.name]
        {
            return "the layer in the label of \(use.symbol) at line \(use.line)"
        }
        return nil
    }
}
