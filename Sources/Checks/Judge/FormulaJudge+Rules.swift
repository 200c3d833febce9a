import Formulas
import NeuralCore

extension FormulaJudge {
    /// One input of a formula, as the rule matcher sees it.
    struct RuleInput {
        /// What is bound at each point: a symbol, or a gradient (`\nabla_\theta L`, `L′(θ + μv)`).
        var expression: Expression
        var symbol: Symbol?
        var key: String
        /// Its time index relative to the left side's (`-1` for `v_{t-1}` beside `v_t`).
        var offset: Int?
        var isGradient = false
        /// The point a gradient is written at (`θ_{t-1} + μ v_{t-1}` of `\nabla L(θ_{t-1} + μ v_{t-1})`).
        var gradientPoint: Expression?
        /// The left side one step earlier (`v_{t-1}` of `v_t = …`, `θ` of `θ ← θ − ηg`).
        var isPrevious = false
        /// The letter of the time index itself (the `t` of `\beta_1^t`).
        var isStep = false
        /// The engine quantity an earlier formula of the section showed it to be.
        var quantity: String?
    }

    /// A rule with an assignment of the formula's inputs to its roles.
    struct RuleMatch {
        var rule: EngineRule
        /// For each input, the index of its role.
        var roles: [Int]
    }

    /// `v_t = \mu v_{t-1} - \eta g_t`, `\theta \leftarrow \theta - \eta (g + \lambda\theta)`,
    /// `\hat{m}_t = \frac{m_t}{1 - \beta_1^t}`, `\eta_t = \eta_0 \gamma^{\lfloor t/s \rfloor}`: the formula
    /// compared with the engine's optimizers and schedules, its symbols in every role their names
    /// allow. Verified when one rule holds at every point (and the formula takes a gradient, or
    /// the prose names the rule's family); a mismatch when the prose names a family whose rules
    /// the formula's names fit and none holds; otherwise `nil`, and the formula is read as before.
    mutating func engineRuleStatement(_ output: Symbol, _ rhs: Expression, arrow: Bool) -> Verdict? {
        let outputKey = EngineRule.key(output.withoutTimeIndex)
        // Most definitions name no rule's output: their inputs are not read.
        guard catalog.ruleOutputNames.contains(outputKey),
            let inputs = ruleInputs(output, rhs, arrow: arrow), !inputs.isEmpty, inputs.count <= 7
        else { return nil }
        let recurrent = inputs.contains(where: \.isPrevious)
        // Only rules whose output this could be, and only their families, are looked for in the prose.
        let fitting = catalog.rules.filter { rule in
            rule.isRecurrence == recurrent && rule.output.hints.contains(outputKey)
        }
        guard !fitting.isEmpty else { return nil }
        let families = Set(fitting.map(\.family))
        let named = families.filter { $0.isNamed(in: context.words) }
        let mentioned = families.filter { $0.isMentioned(in: context.words) }
        let takesGradient = inputs.contains(where: \.isGradient) || inputs.contains { $0.key == "g" }
        var candidates = fitting.filter { rule in
            mentioned.contains(rule.family) || takesGradient || rule.family.kind == .schedule
        }
        guard !candidates.isEmpty else { return nil }
        // The rules of the families the prose names first: `m_t = β_1 m_{t-1} + (1 - β_1) g_t` is
        // Adam's first moment in a section on Adam, an averaged momentum elsewhere.
        candidates.sort { mentioned.contains($0.family) && !mentioned.contains($1.family) }
        var failures: [(RuleMatch, Counterexample)] = []
        var heldByAnother = false
        for rule in candidates {
            for roles in assignments(inputs, to: rule).prefix(200) {
                let match = RuleMatch(rule: rule, roles: roles)
                switch compareRule(match, inputs, rhs) {
                case .holds(let points):
                    // A schedule's shape alone is common (`x_0 e^{-kt}`): the prose must call it a rate.
                    if rule.family.kind == .schedule, !mentioned.contains(rule.family) { return nil }
                    // Where the prose names a family with a rule for this quantity (Adam, for `v_t`),
                    // another family's rule (an averaged momentum) does not verify it: Adam's `v_t`
                    // written as a moving average of `g_t` is not Adam's second moment. Where the
                    // prose also speaks of that other family, the formula may be its: left alone.
                    if !named.isEmpty, !named.contains(rule.family) {
                        if mentioned.contains(rule.family) { heldByAnother = true }
                        continue
                    }
                    if let quantity = rule.output.quantity {
                        reading.ruleQuantities[output.withoutTimeIndex] = (quantity, reading.section)
                    }
                    let readingText = roleReading(match, inputs)
                    return Verdict(
                        .verified,
                        "agrees with \(rule.engineName) at \(points) points: \(rule.name)"
                            + (readingText.isEmpty ? "" : ", reading " + readingText), against: rule.engineName)
                case .fails(let example):
                    if named.contains(rule.family) { failures.append((match, example)) }
                case .unusable:
                    continue
                }
            }
        }
        // What holds for a family the prose speaks of but does not name is left alone.
        if heldByAnother { return nil }
        // The rule the names fit best: the most inputs written as its roles usually are.
        func fit(_ match: RuleMatch) -> Int {
            zip(inputs, match.roles).filter { match.rule.roles[$1].usual.contains($0.key) }.count
        }
        guard
            let (match, example) = failures.enumerated().max(by: { a, b in
                (fit(a.element.0), -a.offset) < (fit(b.element.0), -b.offset)
            })?.element
        else { return nil }
        let readingText = roleReading(match, inputs)
        return Verdict(
            .mismatch,
            "`\(printer.print(rhs))` is not \(match.rule.name) (\(match.rule.engineName))"
                + (readingText.isEmpty ? "" : ", reading " + readingText),
            against: match.rule.engineName, counterexample: example)
    }

    /// The inputs of `rhs` for the rules, or `nil` when the formula is not one a rule can be
    /// (sums, vectors written out, integrals).
    func ruleInputs(_ output: Symbol, _ rhs: Expression, arrow: Bool) -> [RuleInput]? {
        let time = output.index.flatMap(Self.timeIndex)
        var inputs: [RuleInput] = []
        var seen: Set<Expression> = []
        var stack = [rhs]
        while let expression = stack.popLast() {
            switch expression {
            case .sum, .product, .matrix, .tuple, .integral, .piecewise, .realSpace, .finiteSet, .ellipsis:
                return nil
            case .derivative:
                if seen.insert(expression).inserted {
                    inputs.append(RuleInput(expression: expression, key: "∇", isGradient: true))
                }
            case .call(let name, 1, let arguments)
            where arguments.count == 1 && !reading.shapePreservingKeys.contains(name.key)
                && !Lowerer.elementaryFunctions.contains(name.key):
                // `\nabla L(\theta + \mu v)`: the gradient of the loss at a point.
                if seen.insert(expression).inserted {
                    inputs.append(
                        RuleInput(expression: expression, key: "∇", isGradient: true, gradientPoint: arguments[0]))
                }
                stack.append(arguments[0])
            case .variable(let symbol):
                guard !reading.isFunctionName(symbol), seen.insert(expression).inserted else { continue }
                var input = RuleInput(
                    expression: expression, symbol: symbol, key: EngineRule.key(symbol.withoutTimeIndex))
                if let (letter, offset) = time {
                    if symbol.name == letter, symbol.index == nil, symbol.accents.isEmpty { input.isStep = true }
                    if let index = symbol.index, let (other, k) = Self.timeIndex(index), other == letter {
                        input.offset = k - offset
                    }
                    if symbol.withoutIndex == output.withoutIndex, input.offset == -1 { input.isPrevious = true }
                } else if arrow, symbol == output {
                    input.isPrevious = true
                } else if symbol.name == "t", symbol.index == nil {
                    input.isStep = true
                }
                if let (quantity, section) = reading.ruleQuantities[symbol.withoutTimeIndex], section == reading.section
                {
                    input.quantity = quantity
                }
                inputs.append(input)
            default:
                stack += expression.children
            }
        }
        return inputs
    }

    /// Every way to give each input a role of `rule` that its name, time index and known quantity
    /// allow, with every required role filled.
    func assignments(_ inputs: [RuleInput], to rule: EngineRule) -> [[Int]] {
        let hinted = rule.roles.reduce(into: Set<String>()) { $0.formUnion($1.hints) }
        func allowed(_ input: RuleInput, _ index: Int) -> Bool {
            let role = rule.roles[index]
            if input.isPrevious != (rule.isRecurrence && index == 0) { return false }
            if input.isStep != role.isStep { return false }
            if input.isGradient && !role.isGradient { return false }
            if role.isGradient && !input.isGradient && input.key != "g" && hinted.contains(input.key)
                && !role.hints.contains(input.key)
            {
                return false
            }
            if !input.isGradient, !input.isStep, !input.isPrevious, hinted.contains(input.key),
                !role.hints.contains(input.key)
            {
                return false
            }
            if let offset = input.offset {
                if role.time == .before && offset != -1 || role.time == .after && offset != 0 { return false }
                if role.time == .any && offset != 0 && !role.isGradient { return false }
            }
            // The left side's own earlier value may be another quantity: the formula redefines it.
            if let quantity = input.quantity, !input.isPrevious, role.quantity != quantity { return false }
            return true
        }
        var results: [[Int]] = []
        var current: [Int] = []
        var used = Set<Int>()
        func search(_ position: Int) {
            guard results.count < 200 else { return }
            if position == inputs.count {
                let required = rule.roles.indices.filter { !rule.roles[$0].optional }
                if required.allSatisfy(used.contains) { results.append(current) }
                return
            }
            for index in rule.roles.indices where !used.contains(index) && allowed(inputs[position], index) {
                used.insert(index)
                current.append(index)
                search(position + 1)
                current.removeLast()
                used.remove(index)
            }
        }
        search(0)
        return results
    }

    enum RuleOutcome {
        case holds(points: Int)
        case fails(Counterexample)
        /// The formula could not be evaluated with this assignment.
        case unusable
    }

    /// The formula against the rule at `samples` points, each input bound to its role's value.
    func compareRule(_ match: RuleMatch, _ inputs: [RuleInput], _ rhs: Expression) -> RuleOutcome {
        let present = match.rule.roles.indices.map { match.roles.contains($0) }
        var generator = SplitMix64(seed: Evaluator.stableHash("\(line) \(match.rule.name)"))
        for point in 1...samples {
            let drawn = match.rule.draw(&generator, present)
            var evaluator = reading.evaluator(seed: UInt64(point))
            var shown: [String] = []
            for (input, role) in zip(inputs, match.roles) {
                let value = Tensor(drawn.inputs[role])
                if input.isGradient {
                    evaluator.expressionBindings[input.expression] = value
                } else if let symbol = input.symbol {
                    evaluator.bind(symbol, to: value)
                }
                shown.append("\(input.symbol.map(\.description) ?? printer.print(input.expression)) = \(value)")
            }
            if let wanted = drawn.gradientPoint {
                for input in inputs where input.isGradient {
                    guard let point = input.gradientPoint else { continue }
                    guard let at = try? evaluator.value(of: point), at.isSingle else { return .unusable }
                    if !Tensor(wanted).isClose(to: at, relative: 1e-6, absolute: 1e-9) {
                        return .fails(
                            Counterexample(
                                inputs: shown.sorted(), formula: "the gradient at \(at)",
                                expected: "the gradient at \(Tensor(wanted)) (\(match.rule.engineName))"))
                    }
                }
            }
            guard let value = try? evaluator.value(of: rhs), value.isSingle else { return .unusable }
            guard value.values[0].isFinite else { continue }
            let expected = Tensor(drawn.output)
            if !expected.isClose(to: value, relative: 1e-6, absolute: 1e-9) {
                return .fails(Counterexample(inputs: shown.sorted(), formula: "\(value)", expected: "\(expected)"))
            }
        }
        return .holds(points: samples)
    }

    /// "η as the learning rate η, β_1 as β₁": the roles the inputs were read in.
    func roleReading(_ match: RuleMatch, _ inputs: [RuleInput]) -> String {
        zip(inputs, match.roles).compactMap { input, index -> String? in
            let role = match.rule.roles[index]
            guard let symbol = input.symbol, !input.isPrevious, !input.isStep else { return nil }
            return "\(symbol) as \(role.name)"
        }
        .sorted().joined(separator: ", ")
    }
}

extension Symbol {
    /// The symbol without a time index (`v` of `v_{t-1}`, `\hat{m}` of `\hat{m}_t`); other
    /// indices (`β_1`) stay.
    var withoutTimeIndex: Symbol {
        guard let index, FormulaJudge.timeIndex(index) != nil else { return self }
        return withoutIndex
    }
}
