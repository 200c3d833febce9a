import Formulas

extension FormulaJudge {
    /// A definition compared with the catalog's losses: its two free inputs are the prediction
    /// and the target, either way round (the hatted one is named the prediction when the loss
    /// is symmetric); the loss is read per sample (a vector of outputs) or as the mean over a
    /// batch of one-output samples. `nil` when it is none of them.
    mutating func recogniseLoss(_ symbol: Symbol, _ definition: Expression) -> Verdict? {
        // Counts such as the N of (1/N) Σₙ^N are not inputs of the loss.
        var counts: Set<Symbol> = []
        _ = definition.contains { expression in
            if case .sum(_, _, .variable(let count)?, _) = expression { counts.insert(count) }
            return false
        }
        let hasLog = definition.contains { expression in
            if case .call(let name, _, _) = expression { return name.key == "log" || name.key == "ln" }
            return false
        }
        let hasSquare = definition.contains { expression in
            if case .power(_, .number(2)) = expression { return true }
            return false
        }
        guard hasLog || hasSquare else { return nil }
        let free = Array(
            definition.freeSymbols.filter { !reading.isFunctionName($0) && $0.index == nil && !counts.contains($0) }
        )
        .sorted { $0.description < $1.description }
        guard free.count == 2, Set(definition.freeSymbols).count == 2 + counts.count else { return nil }
        let hasSum = definition.contains { if case .sum = $0 { true } else { false } }
        var pairs = [(free[0], free[1]), (free[1], free[0])]
        if free[1].accents.contains("hat") && !free[0].accents.contains("hat") { pairs.reverse() }
        for loss in catalog.losses {
            for batch in hasSum ? [false, true] : [false] {
                for (prediction, target) in pairs {
                    if let (verdict, domains) = compareLoss(
                        definition, loss, prediction, target, counts: counts, length: hasSum ? 3 : 1, batch: batch)
                    {
                        // Later checks (the loss's gradient) draw the prediction and target where the
                        // loss lives; a cross-entropy's target is a distribution.
                        for (input, domain) in domains where reading.domains[input] == nil {
                            reading.domains[input] = domain == .oneHot ? .distribution : domain
                        }
                        reading.losses[symbol] = (prediction, target)
                        return verdict
                    }
                }
            }
        }
        return namedLossMismatch(definition, pairs: pairs, counts: counts, length: hasSum ? 3 : 1)
    }

    /// A loss the prose names (`The binary cross-entropy is $L = …$`) of two scalars the lesson does
    /// not define otherwise, which the definition is made
    /// like (a logarithm for a cross-entropy, a square for a squared error) and is not, under either
    /// reading of its two symbols as prediction and target, whole or halved: a mismatch against it.
    /// Where the prose names two (`cross-entropy` within `binary cross-entropy`), the longer name
    /// counts. A constant multiple of any loss of the catalog (`ℓ = t \log p + (1 - t)\log(1 - p)`, the
    /// log-likelihood, is −1 × the binary cross-entropy) is another quantity, not a mistake: `nil`.
    func namedLossMismatch(_ definition: Expression, pairs: [(Symbol, Symbol)], counts: Set<Symbol>, length: Int)
        -> Verdict?
    {
        // Only a loss of two plain scalars: over a sum, or where a symbol has a definition in force
        // (`p_k` the softmax of `z`), the comparison would not be of what the formula says.
        guard length == 1,
            pairs.first.map({ [$0.0, $0.1] })?.allSatisfy({ symbol in
                reading.definitions[symbol] == nil && reading.templates[symbol] == nil
            }) ?? false
        else { return nil }
        let marks = Self.marks(of: definition)
        let named = catalog.losses.compactMap { loss -> (Catalog.Loss, Int)? in
            guard !marks.isDisjoint(with: loss.marks), loss.parameterNames.isEmpty else { return nil }
            let longest = loss.names.filter { Self.contains($0, in: context.words) }.map(\.count).max()
            return longest.map { (loss, $0) }
        }
        guard let longest = named.map(\.1).max() else { return nil }
        let specific = named.filter { $0.1 == longest }
        guard specific.count == 1, let loss = specific.first?.0, let (prediction, target) = pairs.first else {
            return nil
        }
        func compare(_ loss: Catalog.Loss, _ prediction: Symbol, _ target: Symbol, scale: Double) -> Sampler.Outcome {
            compareNamedLoss(
                definition, loss, prediction: prediction, target: target, parameter: nil, counts: counts,
                length: length, scale: scale)
        }
        for (p, t) in pairs {
            for scale in [1, 0.5] {
                if case .fails = compare(loss, p, t, scale: scale) { continue }
                return nil
            }
        }
        for other in catalog.losses where other.parameterNames.isEmpty {
            for (p, t) in pairs {
                guard case .fails(_, let example, _) = compare(other, p, t, scale: 1),
                    let formula = Double(example.formula), let expected = Double(example.expected), expected != 0
                else { continue }
                let ratio = formula / expected
                if ratio.isFinite, ratio != 0, case .holds = compare(other, p, t, scale: ratio) { return nil }
            }
        }
        guard case .fails(_, let example, _) = compare(loss, prediction, target, scale: 1) else { return nil }
        return Verdict(
            .mismatch,
            "`\(printer.print(definition))` is not the \(loss.name) (\(loss.engineName)) the prose names, "
                + "with prediction \(prediction) and target \(target)",
            against: loss.engineName, counterexample: example)
    }

    /// The definition against one catalog loss.
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
        let sampler = Sampler(reading: reading, samples: samples)
        let outcome = sampler.compare(
            [definition],
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
        guard case .holds(let points, _) = outcome else { return nil }
        let readingText = batch ? "the mean over a batch of the \(loss.name)" : "the \(loss.name)"
        let domainText: String
        switch targetDomain {
        case .oneHot: domainText = "; later checks draw \(target) as a distribution"
        case .values(let values):
            domainText = "; later checks draw \(target) from {\(values.map(Tensor.format).joined(separator: ", "))}"
        default: domainText = ""
        }
        let verdict = Verdict(
            .verified,
            "\(readingText) with prediction \(prediction) and target \(target): agrees with "
                + "\(loss.engineName) at \(points) points\(domainText)", against: loss.engineName)
        return (verdict, [prediction: predictionDomain, target: targetDomain])
    }
}
