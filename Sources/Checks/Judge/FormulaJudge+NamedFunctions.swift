import Formulas

extension FormulaJudge {
    /// `\mathrm{MAE}(\hat{y}, y) = \frac{1}{n}\sum_i |\hat{y}_i - y_i|`, `\ell(s, y) = \max(0, 1 - ys)`,
    /// `L_\delta(a) = \begin{cases}…`, `H(p) = -\sum_i p_i \log p_i`: a function the lesson defines,
    /// compared with the engine's losses and vector functions. Verified when one of them agrees
    /// (the lesson keeps its definition); a mismatch when the function's name or the prose names
    /// one that the body is made like and it does not agree; `nil` otherwise.
    mutating func engineQuantity(_ head: FunctionHead, _ body: Expression) -> Verdict? {
        guard head.order == 0, head.component == nil, (1...2).contains(head.parameters.count),
            !body.contains(where: { if case .derivative = $0 { true } else { false } })
        else { return nil }
        let counts = Set(
            body.freeSymbols.filter { symbol in
                symbol.index == nil && !head.parameters.contains(symbol)
                    && (reading.index.counts.contains(symbol.name) || Self.isSumBound(symbol, in: body))
            })
        let extra = body.freeSymbols.filter { symbol in
            !head.parameters.contains(symbol) && !counts.contains(symbol) && !reading.isFunctionName(symbol)
                && !head.parameters.contains(symbol.withoutIndex)
        }
        guard extra.count <= 1 else { return nil }
        let marks = Self.marks(of: body)
        let hasSum = body.contains { if case .sum = $0 { true } else { false } }
        let key = head.name.key
        var named: [(name: String, against: String, compare: (Double) -> Sampler.Outcome)] = []
        // Losses: the two parameters are the prediction and the target (either way round); one
        // parameter is a residual (the target 0).
        for loss in catalog.losses {
            let parameter = extra.first
            guard parameter == nil || loss.parameterNames.contains(parameter!.name) else { continue }
            let isNamed =
                loss.keys.contains(key)
                || loss.names.contains { Self.contains($0, in: context.words) } && !marks.isDisjoint(with: loss.marks)
            // A function of two arguments named like a loss is read as one; a function of one
            // argument is a loss of a residual only where it is named so.
            let looksLikeLoss = isNamed || Self.lossNames.contains(key)
            var orders: [(Symbol, Symbol?)] = []
            if head.parameters.count == 2, looksLikeLoss {
                orders = [(head.parameters[0], head.parameters[1]), (head.parameters[1], head.parameters[0])]
            } else if head.parameters.count == 1, isNamed, loss.targetDomain == .real {
                orders = [(head.parameters[0], nil)]
            }
            // `\frac{1}{2}(z - t)^2`: half the loss, as lessons write it so its gradient is z − t.
            for (prediction, target) in orders {
                for (length, half) in [(1, false), (3, false), (1, true), (3, true)] {
                    let outcome = compareNamedLoss(
                        body, loss, prediction: prediction, target: target, parameter: parameter, counts: counts,
                        length: length, scale: half ? 0.5 : 1)
                    if case .holds(let points, _) = outcome {
                        var domains = [prediction: loss.predictionDomain]
                        if let target { domains[target] = loss.targetDomain }
                        for (symbol, domain) in domains where reading.domains[symbol] == nil && length > 1 {
                            reading.domains[symbol] = domain == .oneHot ? .distribution : domain
                        }
                        let roles =
                            target.map { "prediction \(prediction) and target \($0)" } ?? "the residual \(prediction)"
                        return Verdict(
                            .verified,
                            (half ? "half " : "") + "the \(loss.name) of \(roles): agrees with "
                                + (half ? "½ × " : "") + "\(loss.engineName) at \(points) points",
                            against: loss.engineName)
                    }
                }
            }
            if isNamed, let (prediction, target) = orders.first {
                let judge = self
                named.append(
                    (
                        loss.name, loss.engineName,
                        { scale in
                            judge.compareNamedLoss(
                                body, loss, prediction: prediction, target: target, parameter: parameter,
                                counts: counts, length: hasSum ? 3 : 1, scale: scale)
                        }
                    ))
            }
        }
        // Functions of a whole vector: entropy, log-sum-exp.
        if head.parameters.count == 1, extra.isEmpty {
            for reduction in catalog.reductions {
                let vector = head.parameters[0]
                let outcome = compareReduction(body, reduction, vector, counts: counts)
                if case .holds(let points, _) = outcome {
                    if reading.domains[vector] == nil, reduction.domain != .real {
                        reading.domains[vector] = reduction.domain
                    }
                    return Verdict(
                        .verified,
                        "the \(reduction.name) of \(vector): agrees with \(reduction.engineName) at \(points) points",
                        against: reduction.engineName)
                }
                let isNamed =
                    reduction.keys.contains(key)
                    || reduction.names.contains { Self.contains($0, in: context.words) } && marks.contains(.log)
                if isNamed {
                    let judge = self
                    named.append(
                        (
                            reduction.name, reduction.engineName,
                            { scale in judge.compareReduction(body, reduction, vector, counts: counts, scale: scale) }
                        ))
                }
            }
        }
        // Named, made like it, and not it: a mismatch against the one the name points to.
        guard named.count == 1, let (name, against, compare) = named.first else { return nil }
        guard case .fails(_, let example, _) = compare(1) else { return nil }
        // A constant positive multiple is the same quantity in another unit or convention (the
        // entropy in bits, with `\log_2`).
        if let formula = Double(example.formula), let expected = Double(example.expected), expected != 0 {
            let ratio = formula / expected
            if ratio > 0, ratio.isFinite, case .holds(let points, _) = compare(ratio) {
                return Verdict(
                    .verified,
                    "the \(name) in another unit or scale: agrees with \(Tensor.format(ratio)) × \(against) at "
                        + "\(points) points", against: against)
            }
        }
        return Verdict(
            .mismatch, "`\(printer.print(body))` is not the \(name) (\(against))", against: against,
            counterexample: example)
    }

    /// The definition against one loss at random points.
    func compareNamedLoss(
        _ body: Expression, _ loss: Catalog.Loss, prediction: Symbol, target: Symbol?, parameter: Symbol?,
        counts: Set<Symbol>, length: Int, scale: Double = 1
    ) -> Sampler.Outcome {
        var predictionDomain = loss.predictionDomain
        var targetDomain = loss.targetDomain
        if length == 1 {
            if predictionDomain == .distribution { predictionDomain = .probability }
            if targetDomain == .oneHot || targetDomain == .distribution { targetDomain = .values([0, 1]) }
            if loss.targetDomain == .distribution { return .failed(.undefinedEverywhere) }
        }
        let value = SampleBox()
        var sampler = Sampler(reading: reading, samples: samples)
        sampler.inference = ShapeInference(shapes: [:])
        // A scale read from printed values is good to about six digits.
        if scale != 1 && scale != 0.5 { sampler.relative = 1e-5 }
        return sampler.compare(
            [body],
            prepare: { evaluator throws(EvaluationFailure) in
                evaluator.vectorLength = length
                for count in counts { evaluator.provide(count, Tensor(Double(length))) }
                evaluator.domains[prediction] = predictionDomain
                evaluator.bind(prediction, to: evaluator.draw(prediction, shape: length == 1 ? nil : [length, 1]))
                if let target {
                    evaluator.domains[target] = targetDomain
                    evaluator.bind(target, to: evaluator.draw(target, shape: length == 1 ? nil : [length, 1]))
                }
                if let parameter { value.value = evaluator.bindDrawn(parameter, domain: .positive).values[0] }
            },
            reference: { evaluator throws(EvaluationFailure) in
                let y = try evaluator.value(of: prediction).values
                let t =
                    try target.map { symbol throws(EvaluationFailure) in try evaluator.value(of: symbol).values }
                    ?? Array(repeating: 0, count: y.count)
                if parameter != nil, let make = loss.withParameter { return Tensor(scale * make(value.value)(y, t)) }
                return Tensor(scale * loss.value(y, t))
            })
    }

    /// The definition against a function of a whole vector at random points.
    func compareReduction(
        _ body: Expression, _ reduction: Catalog.Reduction, _ vector: Symbol, counts: Set<Symbol>, scale: Double = 1
    ) -> Sampler.Outcome {
        var sampler = Sampler(reading: reading, samples: samples)
        sampler.inference = ShapeInference(shapes: [:])
        if scale != 1 { sampler.relative = 1e-5 }
        return sampler.compare(
            [body],
            prepare: { evaluator throws(EvaluationFailure) in
                let length = evaluator.vectorLength
                for count in counts { evaluator.provide(count, Tensor(Double(length))) }
                evaluator.domains[vector] = reduction.domain
                evaluator.bind(vector, to: evaluator.draw(vector, shape: [length, 1]))
            },
            reference: { evaluator throws(EvaluationFailure) in
                Tensor(scale * reduction.value(try evaluator.value(of: vector).values))
            })
    }

    /// The names lessons give losses (`\ell`, `L`, `J`, `\text{loss}`), normalised.
    static let lossNames: Set<String> = ["ℓ", "l", "L", "J", "E", "C", "loss", "cost", "error", "err", "risk"]

    /// Whether `symbol` bounds a sum or product of `expression`.
    static func isSumBound(_ symbol: Symbol, in expression: Expression) -> Bool {
        expression.contains { node in
            switch node {
            case .sum(_, _, .variable(let bound)?, _), .product(_, _, .variable(let bound)?, _): bound == symbol
            default: false
            }
        }
    }

    /// What an expression is made of: logarithms, absolute values, maxima, squares, cases.
    static func marks(of expression: Expression) -> Set<Catalog.Loss.Mark> {
        var marks: Set<Catalog.Loss.Mark> = []
        _ = expression.contains { node in
            switch node {
            case .call(let name, _, _):
                if name.key == "log" || name.key == "ln" { marks.insert(.log) }
                if name.key == "abs" { marks.insert(.absolute) }
                if name.key == "max" { marks.insert(.maximum) }
            case .power(_, .number(2)): marks.insert(.square)
            case .piecewise: marks.insert(.cases)
            default: break
            }
            return false
        }
        return marks
    }

    /// Whether the words (lower-case, in order) contain the name.
    static func contains(_ name: [String], in words: [String]) -> Bool {
        guard !name.isEmpty, words.count >= name.count else { return false }
        return (0...(words.count - name.count)).contains { start in
            zip(name, words[start..<(start + name.count)]).allSatisfy { $0 == $1 || $1 == $0 + "s" }
        }
    }
}
