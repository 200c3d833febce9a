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
                return Verdict(
                    .definition, "declares \(symbol) as a \(shape[0])×\(shape[1]) matrix of its entries",
                    against: nil)
            }
            shapeNote = " \(shape[0])×\(shape[1])"
        }
        guard let definition = values.last else { return Verdict(.unchecked, "nothing to define") }
        // Shapes: evaluate with the declared shapes; an impossible product or sum is a mismatch.
        // The evaluator ends here, so the definitions it shares are not copied when one is added.
        let (valueShape, undeclaredInputs, shapeError) = sampleShape(of: definition)
        if let shapeError { return shapeMismatch(shapeError, [definition]) }
        if let list = entryLists.first, case .matrix(let rows) = list, let valueShape, !valueShape.isSingle,
            valueShape.rows != rows.count || valueShape.columns != rows[0].count
        {
            return Verdict(
                .mismatch,
                "\(symbol) is written with \(rows.count)×\(rows[0].count) entries but "
                    + "`\(printer.print(definition))` is \(valueShape.shapeText)", against: "shape rules")
        }
        var formsNote = ""
        if values.count > 1 {
            let check = equation(values)
            if check.status == .mismatch { return check }
            if check.status == .verified { formsNote = "; its \(values.count) forms agree (\(check.message))" }
        }
        let previous = state.definitions[symbol]
        let previousLine = state.definedAt[symbol]
        state.definitions[symbol] = definition
        state.definedAt[symbol] = line
        if let shape = valueShape, !shape.isSingle, undeclaredInputs.isEmpty {
            state.shapes[symbol] = [shape.rows, shape.columns]
            shapeNote = " (\(shape.shapeText); the shapes agree)"
        } else if let shape = valueShape, !undeclaredInputs.isEmpty,
            definition.freeSymbols.contains(where: { state.shapes[$0] != nil })
        {
            let scalars = undeclaredInputs.map(\.description).sorted().joined(separator: ", ")
            shapeNote =
                " (\(shape.isSingle ? "1×1" : shape.shapeText), reading \(scalars), whose shape the lesson does not give, "
                + "as a scalar)"
        } else if !shapeNote.isEmpty {
            shapeNote = " (\(shapeNote.dropFirst()))"
        }
        if let kronecker = kroneckerDefinition(symbol, definition) { return kronecker }
        if Self.lossNames.contains(symbol.name), let (loss, domains) = recogniseLoss(definition) {
            // Later checks (the loss's gradient) draw the prediction and target where the loss lives.
            for (symbol, domain) in domains where state.domains[symbol] == nil { state.domains[symbol] = domain }
            return loss
        }
        if let previous, previous != definition, let previousLine {
            var old = state
            old.definitions[symbol] = previous
            let sides: [Expression] = [.variable(symbol), definition]
            let outcome = Comparison(state: old, samples: samples).compare(
                sides, scalarOnly: false,
                prepare: indexPreparation(sides))
            if case .agree = outcome {
                // The same quantity written another way: the earlier definition stays the reference.
                state.definitions[symbol] = previous
                state.definedAt[symbol] = previousLine
                return Verdict(
                    .verified, "agrees with the definition of \(symbol) at line \(previousLine)\(formsNote)",
                    against: "the definition of \(symbol) (line \(previousLine))")
            }
            if case .differ(let side, let example, _) = outcome,
                !state.caseValues.isEmpty || !freeIndexLetters(sides).isEmpty
            {
                // `When $t = 1$ only $L = …$ is left`, `$L = -\log p_c$ for the right class c`: a case
                // of the earlier definition, not a new one; disagreeing with it is a mistake.
                state.definitions[symbol] = previous
                state.definedAt[symbol] = previousLine
                return Verdict(
                    .mismatch,
                    "`\(printer.print(sides[side]))` differs from the definition of \(symbol) at line "
                        + "\(previousLine) in the case the lesson states",
                    against: "the definition of \(symbol) (line \(previousLine))",
                    counterexample: example)
            }
            return Verdict(
                .definition,
                "redefines \(symbol) (previously at line \(previousLine)) as "
                    + "\(printer.print(definition))\(shapeNote)\(formsNote)")
        }
        return Verdict(.definition, "defines \(symbol) = \(printer.print(definition))\(shapeNote)\(formsNote)")
    }

    /// `δ_{kj} = 1 if k = j, 0 otherwise`: the Kronecker delta, checked at every pair of indices
    /// of a 4-entry vector; `nil` for any other symbol.
    func kroneckerDefinition(_ symbol: Symbol, _ definition: Expression) -> Verdict? {
        guard symbol.name == "δ", symbol.label == nil, let index = symbol.index, index.count == 2,
            index.allSatisfy(\.isLetter), index.first != index.last
        else { return nil }
        let letters = index.map(String.init)
        var evaluator = state.evaluator(seed: 3, scalarOnly: true)
        for i in 1...4 {
            for j in 1...4 {
                evaluator.bindIndex(letters[0], to: i)
                evaluator.bindIndex(letters[1], to: j)
                guard let value = try? evaluator.value(of: definition), value.isSingle else { return nil }
                let expected: Double = i == j ? 1 : 0
                if value.values[0] != expected {
                    return Verdict(
                        .mismatch,
                        "\(symbol) is not the Kronecker delta: at \(letters[0]) = \(i), \(letters[1]) = \(j) "
                            + "it is \(Tensor.format(value.values[0]))", against: "the Kronecker delta",
                        counterexample: Counterexample(
                            inputs: ["\(letters[0]) = \(i)", "\(letters[1]) = \(j)"],
                            formula: Tensor.format(value.values[0]),
                            expected: Tensor.format(expected)))
                }
            }
        }
        return Verdict(
            .verified,
            "the Kronecker delta: 1 where \(letters[0]) = \(letters[1]), 0 elsewhere (all 16 pairs "
                + "of indices of a 4-entry vector)", against: "the Kronecker delta")
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
        // Counts such as the N of (1/N) Σₙ^N are not inputs of the loss.
        var counts: Set<Symbol> = []
        _ = definition.contains { expression in
            if case .sum(_, _, .variable(let count)?, _) = expression { counts.insert(count) }
            return false
        }
        let free = Array(
            definition.freeSymbols.filter { !isFunctionName($0) && $0.index == nil && !counts.contains($0) }
        )
        .sorted { $0.description < $1.description }
        guard free.count == 2 else { return nil }
        let hasSum = definition.contains { if case .sum = $0 { true } else { false } }
        for loss in catalog.losses {
            for batch in hasSum ? [false, true] : [false] {
                // A symbol named t is the target (it matters for the names in the message only
                // when the loss is symmetric).
                var pairs = [(free[0], free[1]), (free[1], free[0])]
                // The hatted symbol (ŷ) is the prediction; otherwise a symbol named t is the target.
                if free[0].name == "t" || (free[1].accents.contains("hat") && !free[0].accents.contains("hat")) {
                    pairs.reverse()
                }
                for (prediction, target) in pairs {
                    if let verdict = compareLoss(
                        definition, loss, prediction, target, counts: counts, length: hasSum ? 3 : 1,
                        batch: batch)
                    {
                        return verdict
                    }
                }
            }
        }
        return nil
    }

    /// The definition against one catalog loss, read per sample (a vector of outputs) or as the
    /// mean over a batch of one-output samples.
    func compareLoss(
        _ definition: Expression, _ loss: Catalog.Loss, _ prediction: Symbol, _ target: Symbol,
        counts: Set<Symbol>, length: Int, batch: Bool
    ) -> (Verdict, [Symbol: Domain])? {
        var predictionDomain = loss.predictionDomain
        var targetDomain = loss.targetDomain
        if length == 1 || batch {
            // Scalars (one output, or one output per sample): a probability, a 0/1 label.
            if predictionDomain == .distribution { predictionDomain = .probability }
            if targetDomain == .oneHot { targetDomain = .values([0, 1]) }
        }
        let outcome = comparison.compare(
            [definition], scalarOnly: true,
            prepare: { evaluator throws(EvaluationFailure) in
                evaluator.vectorLength = length
                for count in counts { evaluator.provide(count, Tensor(Double(length))) }
                if length == 1 {
                    evaluator.bindDrawn(prediction, domain: predictionDomain)
                    evaluator.bindDrawn(target, domain: targetDomain)
                } else {
                    evaluator.domains[prediction] = batch ? .real : predictionDomain
                    evaluator.domains[target] = batch ? .real : targetDomain
                    var p = evaluator.draw(prediction, shape: [length, 1])
                    var t = evaluator.draw(target, shape: [length, 1])
                    if batch {
                        p.entries = p.entries.map { _ in Dual(evaluator.drawNumber(predictionDomain)) }
                        t.entries = t.entries.map { _ in Dual(evaluator.drawNumber(targetDomain)) }
                    }
                    evaluator.bind(prediction, to: p)
                    evaluator.bind(target, to: t)
                }
            },
            reference: { evaluator throws(EvaluationFailure) in
                let y = try evaluator.value(of: prediction).values
                let t = try evaluator.value(of: target).values
                return Tensor(batch ? loss.batchValue(y, t) : loss.value(y, t))
            })
        guard case .agree(let points, _) = outcome else { return nil }
        let reading = batch ? "the mean over a batch of the \(loss.name)" : "the \(loss.name)"
        let domainText: String
        switch targetDomain {
        case .oneHot: domainText = "; later checks draw \(target) one-hot"
        case .values(let values):
            domainText = "; later checks draw \(target) from {\(values.map(Tensor.format).joined(separator: ", "))}"
        default: domainText = ""
        }
        let verdict = Verdict(
            .verified,
            "\(reading) with prediction \(prediction) and target \(target): agrees with "
                + "\(loss.engineName) at \(points) points\(domainText)", against: loss.engineName)
        return (verdict, [prediction: predictionDomain, target: targetDomain])
    }

    /// The value of `definition` at one sample point with the declared shapes, the inputs it drew
    /// without a declared shape, and the message of a shape that does not fit (when it drew none).
    private func sampleShape(of definition: Expression) -> (Tensor?, [Symbol], String?) {
        var sample = state.evaluator(seed: 7, scalarOnly: false)
        do {
            let value = try sample.value(of: definition)
            return (value, Array(sample.undeclaredInputs), nil)
        } catch {
            if case .shape(let message) = error, sample.undeclaredInputs.isEmpty { return (nil, [], message) }
            return (nil, Array(sample.undeclaredInputs), nil)
        }
    }
}
