import Formulas

extension FormulaJudge {
    // MARK: - Update rules

    /// `W \leftarrow W - η ∂L/∂W` (also `:=`, `=` and `\rightarrow` written from the target):
    /// compared with the engine's SGD step at random w, η > 0 and gradient g; a step that is
    /// not SGD's is judged as a descent step (it must move against the gradient).
    mutating func update(target written: Expression, rule writtenRule: Expression, arrow: Formula.Relation) -> Verdict {
        var target = written
        var rule = writtenRule
        if arrow == .arrowRight, target.asSymbol == nil || !rule.freeSymbols.contains(target.asSymbol!) {
            swap(&target, &rule)
        }
        if let parameter = target.asSymbol, let verdict = engineRuleStatement(parameter, rule, arrow: true) {
            return verdict
        }
        guard let parameter = target.asSymbol, rule.freeSymbols.contains(parameter) else {
            if arrow == .arrowRight { return Verdict(unchecked: .relationNotChecked("→")) }
            return Verdict(unchecked: .notAnUpdate)
        }
        var gradients: [Expression] = []
        _ = rule.contains { expression in
            if case .derivative(_, let variable) = expression, variable == parameter { gradients.append(expression) }
            return false
        }
        guard let gradient = gradients.first else {
            return Verdict(unchecked: .noGradient(parameter.description))
        }
        let gradientSymbols = gradient.freeSymbols
        let rates = rule.freeSymbols.subtracting([parameter]).subtracting(gradientSymbols).filter {
            !reading.isFunctionName($0)
        }
        guard rates.count == 1, let rate = rates.first else {
            if rates.isEmpty { return Verdict(unchecked: .learningRateUnclear("none")) }
            return Verdict(unchecked: .learningRateUnclear(rates.map(\.description).sorted().joined(separator: ", ")))
        }
        let update = catalog.update
        let gradientDrawn = SampleBox()
        var sampler = Sampler(reading: reading, samples: samples)
        sampler.inference = ShapeInference(shapes: [:])
        let prepare: (inout Evaluator) throws(EvaluationFailure) -> Void = { evaluator throws(EvaluationFailure) in
            evaluator.bindDrawn(parameter)
            evaluator.bindDrawn(rate, domain: .positive)
            let g = Tensor(evaluator.drawNumber(.real))
            gradientDrawn.value = g.values[0]
            evaluator.expressionBindings[gradient] = g
        }
        let outcome = sampler.compare(
            [rule], prepare: prepare,
            reference: { evaluator throws(EvaluationFailure) in
                let w = try evaluator.value(of: parameter).values[0]
                let eta = try evaluator.value(of: rate).values[0]
                return Tensor(update(w, gradientDrawn.value, eta))
            })
        let against = catalog.updateName
        switch outcome {
        case .holds(let points, _):
            return Verdict(
                .verified,
                "a gradient-descent step on \(parameter) with learning rate \(rate): agrees with "
                    + "\(against) at \(points) points", against: against)
        case .fails(_, var example, _):
            example.inputs.append("\(printer.print(gradient)) = \(Tensor.format(gradientDrawn.value))")
            let direction = stepDirection(rule, parameter, prepare: prepare, gradient: gradientDrawn)
            if direction == .descent {
                return Verdict(
                    .verified,
                    "a descent step on \(parameter): it moves against ∂…/∂\(parameter) at every point (not the "
                        + "plain SGD step \(against))", against: "a descent step")
            }
            if direction == .mixed { return Verdict(unchecked: .noGradient(parameter.description)) }
            let message =
                "`\(printer.print(rule))` is not a gradient-descent step on \(parameter): it climbs the gradient "
                + "(an ascent step) where SGD descends (w − η·g)"
            return Verdict(.mismatch, message, against: against, counterexample: example)
        case .failed(let because):
            return Verdict(unchecked: Self.reason(because))
        }
    }

    /// Which way a step moves relative to the gradient at every sampled point.
    enum StepDirection { case descent, ascent, mixed }

    /// The sign of (w′ − w)·g at the sample points: a descent step moves against the gradient.
    func stepDirection(
        _ rule: Expression, _ parameter: Symbol, prepare: (inout Evaluator) throws(EvaluationFailure) -> Void,
        gradient: SampleBox
    ) -> StepDirection {
        var descents = 0
        var ascents = 0
        let sampler = Sampler(reading: reading, samples: samples)
        for attempt in 1...UInt64(samples) {
            var evaluator = sampler.pointEvaluator(attempt)
            guard (try? prepare(&evaluator)) != nil, let next = try? evaluator.value(of: rule),
                let current = try? evaluator.value(of: parameter), next.isSingle, current.isSingle
            else { return .mixed }
            let step = (next.values[0] - current.values[0]) * gradient.value
            if step < 0 { descents += 1 } else if step > 0 { ascents += 1 }
        }
        if ascents == 0, descents > 0 { return .descent }
        if descents == 0, ascents > 0 { return .ascent }
        return .mixed
    }

    /// Whether `rule` contains a derivative with respect to `parameter` (∂L/∂θ, ∇_θ L).
    func containsGradient(of parameter: Symbol, in rule: Expression) -> Bool {
        rule.contains { expression in
            if case .derivative(_, let variable) = expression { return variable == parameter }
            return false
        }
    }

    // MARK: - Recurrences

    /// `v_t = β v_{t-1} + (1 - β) g_t`, `x_{t+1} = x_t - η ∇f(x_t)`: a sequence defined by a
    /// recurrence, evaluated later by bounded iteration from its initial value; `nil` when the
    /// symbol is not a time-indexed entry referring to itself.
    mutating func sequenceStatement(_ symbol: Symbol, _ terms: [Expression], _ relations: [Formula.Relation])
        -> Verdict?
    {
        guard terms.count == 2, let index = symbol.index, let (letter, offset) = Self.timeIndex(index) else {
            return nil
        }
        let parent = symbol.withoutIndex
        let refersToItself = terms[1].freeSymbols.contains { $0.withoutIndex == parent && $0.index != nil }
        guard refersToItself || offset != 0 else { return nil }
        // Written for step t + k: shift it to step t (`x_{t+1} = f(x_t)` is `x_t = f(x_{t-1})`).
        let body = offset == 0 ? terms[1] : Self.shift(terms[1], letter: letter, by: -offset)
        let head = Symbol(
            symbol.name, label: symbol.label, index: letter, accents: symbol.accents, primes: symbol.primes)
        reading.definitions[head] = body
        reading.definedAt[head] = line
        reading.note(parent, is: .sequence, evidence: .words)
        return Verdict(
            .definition,
            "defines the sequence \(parent) by the recurrence \(head) = \(printer.print(body)), evaluated step by "
                + "step from its initial value")
    }

    /// The first derivative in an expression, if any.
    func firstGradient(in expression: Expression) -> Expression? {
        var found: Expression? = nil
        _ = expression.contains { candidate in
            if found == nil, case .derivative = candidate { found = candidate }
            return false
        }
        return found
    }

    /// A time index `t`, `t+1`, `t-1`, `k+1`: its letter and offset.
    static func timeIndex(_ index: String) -> (String, Int)? {
        // Most indices start with a digit or a capital (`x_1`, `W_{ij}` aside): no time index. An
        // ASCII first character other than a space decides alone.
        if let first = index.utf8.first, first < 0x80, first != UInt8(ascii: " "),
            !(UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first)
        {
            return nil
        }
        let compact = index.filter { $0 != " " }
        guard let first = compact.first, first.isLetter, first.isLowercase else { return nil }
        let letter = String(first)
        let rest = compact.dropFirst()
        if rest.isEmpty { return (letter, 0) }
        guard let sign = rest.first, sign == "+" || sign == "-", let amount = Int(rest.dropFirst()) else { return nil }
        return (letter, sign == "+" ? amount : -amount)
    }

    /// `expression` with every index `letter ± k` moved by `by` (`x_t` → `x_{t-1}` for -1).
    static func shift(_ expression: Expression, letter: String, by delta: Int) -> Expression {
        expression.replacing { candidate in
            guard case .variable(var symbol) = candidate, let index = symbol.index,
                let (found, offset) = timeIndex(index), found == letter
            else { return nil }
            let moved = offset + delta
            symbol.index = moved == 0 ? letter : "\(letter)\(moved > 0 ? "+" : "-")\(abs(moved))"
            return .variable(symbol)
        }
    }
}
