import Formulas

extension FormulaJudge {
    /// Names lessons give a loss.
    static let lossNames: Set<String> = ["L", "ℒ", "J", "E", "ℓ", "C", "loss", "Loss", "MSE", "BCE", "CE"]

    /// `s = …`: defines s (or declares its shape when the right side lists its own entries),
    /// after checking the shapes and the agreement of the sides.
    mutating func symbolDefinition(_ symbol: Symbol, _ sides: [Expression]) -> Verdict {
        let entryLists = sides.filter { isEntryList($0, of: symbol) }
        let values = sides.filter { !isEntryList($0, of: symbol) }
        var shapeNote = ""
        if let list = entryLists.first, case .matrix(let rows) = list {
            let shape = [rows.count, rows[0].count]
            if values.isEmpty {
                state.shapes[symbol] = shape
                state.definitions[symbol] = nil
                state.definedAt[symbol] = line
                return Verdict(.definition, "declares \(symbol) as a \(shape[0])×\(shape[1]) matrix of its entries",
                               against: nil)
            }
            shapeNote = " \(shape[0])×\(shape[1])"
        }
        guard let definition = values.last else { return Verdict(.unchecked, "nothing to define") }
        // Shapes: evaluate with the declared shapes; an impossible product or sum is a mismatch.
        var sample = state.evaluator(seed: 7, scalarOnly: false)
        var valueShape: Tensor? = nil
        do {
            valueShape = try sample.value(of: definition)
        } catch {
            if case .shape(let message) = error, sample.undeclaredInputs.isEmpty {
                return shapeMismatch(message, [definition])
            }
        }
        if let list = entryLists.first, case .matrix(let rows) = list, let valueShape, !valueShape.isSingle,
            valueShape.rows != rows.count || valueShape.columns != rows[0].count {
            return Verdict(.mismatch, "\(symbol) is written with \(rows.count)×\(rows[0].count) entries but "
                + "`\(printer.print(definition))` is \(valueShape.shapeText)", against: "shape rules")
        }
        if values.count > 1 {
            let check = equation(values)
            if check.status == .mismatch { return check }
        }
        let previous = state.definitions[symbol]
        let previousLine = state.definedAt[symbol]
        state.definitions[symbol] = definition
        state.definedAt[symbol] = line
        if let shape = valueShape, !shape.isSingle, sample.undeclaredInputs.isEmpty {
            state.shapes[symbol] = [shape.rows, shape.columns]
            shapeNote = " (\(shape.shapeText); the shapes agree)"
        } else if !shapeNote.isEmpty {
            shapeNote = " (\(shapeNote.dropFirst()))"
        }
        if Self.lossNames.contains(symbol.name), let (loss, domains) = recogniseLoss(definition) {
            // Later checks (the loss's gradient) draw the prediction and target where the loss lives.
            for (symbol, domain) in domains where state.domains[symbol] == nil { state.domains[symbol] = domain }
            return loss
        }
        if let previous, previous != definition, let previousLine {
            var old = state
            old.definitions[symbol] = previous
            let outcome = Comparison(state: old, samples: samples).compare([.variable(symbol), definition], scalarOnly: false)
            if case .agree = outcome {
                return Verdict(.verified, "agrees with the definition of \(symbol) at line \(previousLine)",
                               against: "the definition of \(symbol) (line \(previousLine))")
            }
            return Verdict(.definition, "redefines \(symbol) (previously at line \(previousLine)) as \(printer.print(definition))\(shapeNote)")
        }
        return Verdict(.definition, "defines \(symbol) = \(printer.print(definition))\(shapeNote)")
    }

    /// Whether `expression` lists the entries of `symbol` (`(h_1, …, h_6)ᵀ` for h, `w_{ij}` for W).
    func isEntryList(_ expression: Expression, of symbol: Symbol) -> Bool {
        guard case .matrix(let rows) = expression else { return false }
        return rows.flatMap { $0 }.allSatisfy { entry in
            guard let entry = entry.asSymbol, entry.index != nil else { return false }
            return entry.name.lowercased() == symbol.name.lowercased() && entry.label == symbol.label
        }
    }

    /// A loss definition compared with the catalog's losses: the prediction and the target are
    /// its two free symbols (either way round).
    func recogniseLoss(_ definition: Expression) -> (Verdict, [Symbol: Domain])? {
        let free = Array(definition.freeSymbols.filter { !isFunctionName($0) && $0.index == nil })
            .sorted { $0.description < $1.description }
        guard free.count == 2 else { return nil }
        let hasSum = definition.contains { if case .sum = $0 { true } else { false } }
        for loss in catalog.losses {
            for (prediction, target) in [(free[0], free[1]), (free[1], free[0])] {
                let length = hasSum ? 3 : 1
                let outcome = comparison.compare([definition], scalarOnly: true, prepare: { evaluator throws(EvaluationFailure) in
                    evaluator.vectorLength = length
                    var predictionDomain = loss.predictionDomain
                    if length == 1, predictionDomain == .distribution { predictionDomain = .probability }
                    var targetDomain = loss.targetDomain
                    if length == 1, targetDomain == .oneHot { targetDomain = .values([1]) }
                    if length == 1 {
                        evaluator.bindDrawn(prediction, domain: predictionDomain)
                        evaluator.bindDrawn(target, domain: targetDomain)
                    } else {
                        evaluator.domains[prediction] = predictionDomain
                        evaluator.domains[target] = targetDomain
                        evaluator.bindDrawn(prediction, domain: predictionDomain, shape: [length, 1])
                        evaluator.bindDrawn(target, domain: targetDomain, shape: [length, 1])
                    }
                }, reference: { evaluator throws(EvaluationFailure) in
                    let y = try evaluator.value(of: prediction).values
                    let t = try evaluator.value(of: target).values
                    return Tensor(loss.value(y, t))
                })
                if case .agree(let points) = outcome {
                    let domains = length == 1 ? [prediction: loss.predictionDomain == .distribution ? .probability : loss.predictionDomain,
                                                 target: loss.targetDomain == .oneHot ? .values([1]) : loss.targetDomain]
                        : [prediction: loss.predictionDomain, target: loss.targetDomain]
                    return (Verdict(.verified, "the \(loss.name) with prediction \(prediction) and target \(target): agrees with "
                        + "\(loss.engineName) at \(points) points", against: loss.engineName), domains)
                }
            }
        }
        return nil
    }
}
