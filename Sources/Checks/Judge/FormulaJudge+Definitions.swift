import Formulas

extension FormulaJudge {
    /// A chain whose first term is a bare symbol: a definition (`s = …`), a redefinition, a
    /// restatement of a definition (a claim), a value the prose states (an assumption), a
    /// recurrence, or — when the symbol is on both sides — an update or an equation (`nil`).
    mutating func symbolStatement(_ symbol: Symbol, _ terms: [Expression], _ relations: [Formula.Relation]) -> Verdict?
    {
        guard !reading.isFunctionName(symbol) else { return nil }
        // The free symbols of the other terms, read once.
        let free = terms.dropFirst().map(\.freeSymbols)
        if terms.count == 2, let verdict = engineRuleStatement(symbol, terms[1], arrow: free[0].contains(symbol)) {
            return verdict
        }
        if terms.count == 2, free[0].contains(symbol) || free[0].contains(symbol.withoutIndex) && symbol.index == nil {
            // `b = b + Δb`, `θ = θ - η ∂L/∂θ`: an update written with `=`; `t = t^2`: an equation.
            if containsGradient(of: symbol, in: terms[1]) {
                return update(target: terms[0], rule: terms[1], arrow: .assignLeft)
            }
            return nil
        }
        if free.contains(where: { $0.contains(symbol) }) { return nil }
        if let recurrence = sequenceStatement(symbol, terms, relations) { return recurrence }
        if terms.count == 2, case .tuple(let entries) = terms[1], entries.contains(.ellipsis) {
            return listStatement(symbol, entries)
        }
        if terms.count == 2, let value = Self.constantValue(terms[1]) {
            if let definition = reading.definitions[symbol], Self.constantValue(definition) == nil,
                ClaimReadings.inputs(of: [definition], reading: reading).isEmpty
            {
                return nil  // `y = 9` of a y computed from stated numbers: a claim.
            }
            return valueStatement(symbol, value)
        }
        if let previous = reading.definitions[symbol], let previousLine = reading.definedAt[symbol] {
            return restatement(symbol, previous: previous, line: previousLine, terms, relations)
        }
        if let family = genericFamily(of: symbol), let line = reading.definedAt[family],
            let previous = reading.definitions[family]
        {
            // `δ^{(L)} = …` after `δ^{(l)} = …`: a case of the layer-generic definition.
            return restatement(symbol, previous: previous, line: line, terms, relations, isCase: true)
        }
        return define(symbol, as: terms[1], forms: Array(terms.dropFirst()), relations: relations)
    }

    /// The layer-generic symbol (`δ^{(l)}`) whose family a labelled symbol (`δ^{(L)}`, `δ^{(2)}`)
    /// belongs to, if the lesson defines one.
    func genericFamily(of symbol: Symbol) -> Symbol? {
        guard let label = symbol.label, label == "L" || (Int(label) ?? 0) >= 1 else { return nil }
        return reading.definitions.keys.sorted { $0.description < $1.description }.first { candidate in
            guard let other = candidate.label, LayerLabels.isGeneric(other), other != label else { return false }
            var plain = candidate
            plain.label = symbol.label
            return plain == symbol
        }
    }

    /// `l = 1, \dots, L`: the range an index runs over; `x = (x_1, \dots, x_n)`: the entries of a
    /// vector, which give its length.
    mutating func listStatement(_ symbol: Symbol, _ entries: [Expression]) -> Verdict {
        let written = entries.map { printer.print($0) }.joined(separator: ", ")
        let entryLetters = entries.compactMap(\.asSymbol).filter { $0.index != nil && $0.withoutIndex == symbol }
        if entryLetters.count >= 2, let last = entryLetters.last?.index {
            let length: Dimension = Int(last).map { .number($0) } ?? .named(last)
            reading.note(symbol, is: .array(.vector(length)), evidence: .declared)
            reading.definedAt[symbol] = line
            return Verdict(.definition, "declares \(symbol) as the vector of its entries \(written)")
        }
        reading.note(symbol, is: .whole, evidence: .declared)
        return Verdict(.definition, "states the range of \(symbol): \(written)")
    }

    /// The value of an expression made of numbers only (`0.5`, `-1`, `\frac{1}{2}`), if it is one.
    static func constantValue(_ expression: Expression) -> Double? {
        guard expression.freeSymbols.isEmpty,
            !expression.contains(where: {
                switch $0 {
                case .call, .derivative, .matrix, .tuple, .realSpace, .finiteSet, .sum, .product: return true
                default: return false
                }
            })
        else { return nil }
        var evaluator = Evaluator(functions: [:], seed: 0, makeGenerator: { _ in ConstantGenerator() })
        guard let value = try? evaluator.value(of: expression), value.isSingle, value.values[0].isFinite else {
            return nil
        }
        return value.values[0]
    }

    // MARK: - New definitions

    /// Defines `symbol` as `body`; the other forms of the chain (`s = A = B`) are claims that
    /// `A = B`, checked with the definition in force.
    mutating func define(
        _ symbol: Symbol, as body: Expression, forms: [Expression], relations: [Formula.Relation] = []
    ) -> Verdict {
        if isEntryList(body, of: symbol), case .matrix(let rows) = body {
            // `x = (x_1, …, x_5)^\top`: the entries of x, which fixes its shape and nothing else.
            let shape = Shape(.number(rows.count), .number(rows[0].count))
            reading.note(symbol, is: .array(shape), evidence: .declared)
            reading.definedAt[symbol] = line
            if forms.count > 1, relations.count > 1 {
                return chain(
                    [.variable(symbol)] + forms.dropFirst(), Array(relations.dropFirst()),
                    defined: "declares \(symbol) as a \(shape) matrix of its entries")
            }
            return Verdict(.definition, "declares \(symbol) as a \(shape) matrix of its entries")
        }
        if case .variable(let entry) = body, let index = entry.index, index.count == 2,
            entry.name.lowercased() == symbol.name.lowercased(), entry.name != symbol.name
        {
            // `\mathbf{A} = (a_{ij})`: A is the matrix of its entries a_{ij}.
            reading.note(symbol, is: .array(LessonReading.matrixShape(symbol)), evidence: .declared)
            reading.definedAt[symbol] = line
            return Verdict(.definition, "declares \(symbol) as the matrix of its entries \(entry)")
        }
        if body.calledFunctions.contains(where: { $0.key == FunctionName(symbol.name).key }) && symbol.index == nil {
            return Verdict(unchecked: .selfDefinition(symbol.description))
        }
        // What the body reaches and the shapes stated for it, read once for both shape checks below.
        let inputs = ClaimReadings.inputs(of: [body], reading: reading)
        let stated = ClaimReadings.statedShapes(
            inputs: inputs, definedAlongTheWay: ClaimReadings.definedAlongTheWay([body], reading: reading),
            reading: reading)
        if let conflict = declaredShapeConflict([body], statedShapes: stated) {
            return Verdict(
                .mismatch, "the shapes do not agree: \(conflict)", against: "shape rules",
                counterexample: Counterexample(
                    inputs: declaredShapes([body]), formula: "no value (\(conflict))", expected: "shapes that fit"))
        }
        var shapeNote = ""
        if let shape = inferredShape(body, inputs: inputs, statedShapes: stated) {
            reading.note(symbol, is: .array(shape), evidence: .declared)
            shapeNote = " (\(shape))"
        }
        if let old = reading.definitions[symbol], old != body {
            reading.earlierDefinitions[symbol, default: []].append((old, reading.definedAt[symbol] ?? line))
        }
        reading.definitions[symbol] = body
        reading.definedAt[symbol] = line
        reading.definedIn[symbol] = context.section
        let defined = "defines \(symbol) = \(printer.print(body))\(shapeNote)"
        if let kronecker = kroneckerDefinition(symbol, body) { return kronecker }
        if let loss = recogniseLoss(symbol, body) { return loss }
        if forms.count > 1 {
            // `s = A = B`: the definition, then the claims A = B.
            return chain([.variable(symbol)] + forms, relations, from: 1, defined: defined)
        }
        return Verdict(.definition, defined)
    }

    /// The shape of `expression` as the stated kinds make it (the stated reading of
    /// `ClaimReadings`, without its sampler), if it is a vector or matrix. `inputs` and `stated`
    /// are `ClaimReadings`' inputs and stated shapes of the expression.
    func inferredShape(_ expression: Expression, inputs: Set<Symbol>, statedShapes stated: [Symbol: Shape]) -> Shape? {
        var inference = ClaimReadings.inference(
            [expression], relating: false, shapes: stated, flexible: ClaimReadings.flexible(inputs, reading: reading),
            reading: reading)
        guard inference.isConsistent else { return nil }
        let shape = inference.shape(of: expression)
        guard let shape, shape != .scalar else { return nil }
        return shape
    }

    /// `δ_{kj} = 1 if k = j, 0 otherwise`: the Kronecker delta, checked at every pair of indices
    /// of a 4-entry vector; `nil` for any other symbol.
    func kroneckerDefinition(_ symbol: Symbol, _ definition: Expression) -> Verdict? {
        guard symbol.name == "δ", symbol.label == nil, let index = symbol.index, index.count == 2,
            index.allSatisfy(\.isLetter), index.first != index.last
        else { return nil }
        let letters = index.map(String.init)
        var evaluator = reading.evaluator(seed: 3)
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
                            formula: Tensor.format(value.values[0]), expected: Tensor.format(expected)))
                }
            }
        }
        return Verdict(
            .verified,
            "the Kronecker delta: 1 where \(letters[0]) = \(letters[1]), 0 elsewhere (all 16 pairs of indices of a "
                + "4-entry vector)", against: "the Kronecker delta")
    }

    /// Whether `expression` lists the entries of `symbol` (`(h_1, …, h_6)ᵀ` for h, `w_{ij}` for W).
    func isEntryList(_ expression: Expression, of symbol: Symbol) -> Bool {
        guard case .matrix(let rows) = expression else { return false }
        return rows.flatMap { $0 }.allSatisfy { entry in
            guard let entry = entry.asSymbol, entry.index != nil else { return false }
            return entry.name.lowercased() == symbol.name.lowercased() && entry.label == symbol.label
        }
    }

    // MARK: - Definitions stated again

    /// `s = …` for a symbol defined before: the same quantity written another way (a claim
    /// that held), a case of it the prose states (a claim that may fail), or a new definition
    /// in a new example (definitions have scope).
    mutating func restatement(
        _ symbol: Symbol, previous: Expression, line previousLine: Int, _ terms: [Expression],
        _ relations: [Formula.Relation], isCase: Bool = false
    ) -> Verdict {
        let usedCases = Set(reading.caseValues.keys).intersection(
            ClaimReadings.inputs(of: [previous, terms[1]], reading: reading).union(previous.freeSymbols))
        // "When $t = 1$ only $L = …$": the words announce the stated case, which is then checked.
        let saved = context
        if !usedCases.isEmpty {
            context.conditionCue = false
            context.looseConditionCue = false
        }
        let outcome = evaluateLink([.variable(symbol), terms[1]], test: .equal)
        context = saved
        // In the section of the definition, a right side built from the lesson's other definitions
        // relates the symbol to them (a derivation), it does not start a new example.
        let family = genericFamily(of: symbol)
        let relates =
            reading.definedIn[family ?? symbol] == context.section
            && terms[1].freeSymbols.contains { other in
                other != symbol && (reading.definitions[other] != nil || genericFamily(of: other) != nil)
            }
        // "When $t = 1$ only $L = …$": the case the prose states is the condition its words announce.
        // "…, so $\mathrm{PPL} = k$": a consequence of what was defined, in the same section, of a
        // quantity that is not a bare number (a value stated again starts a new case).
        let concludes =
            context.consequenceCue && reading.definedIn[symbol] == context.section
            && !Self.isNumber(previous) && !Self.isNumber(terms[1])
        let statedCase =
            !usedCases.isEmpty || concludes
            || (isCase || relates || !freeIndexLetters(terms).isEmpty) && !context.conditionCue && !context.exampleCue
        switch outcome {
        case .holds:
            let agreed = "agrees with the definition of \(symbol) at line \(previousLine)"
            if terms.count > 2 { return chain(terms, relations, from: 1, defined: agreed) }
            return Verdict(
                .verified, agreed + caseNote(), against: "the definition of \(symbol) (line \(previousLine))")
        case .fails(_, let example, _) where statedCase:
            // `When $t = 1$ only $L = …$ is left`: a case of the earlier definition, not a new one.
            return Verdict(
                .mismatch,
                "`\(printer.print(terms[1]))` differs from the definition of \(symbol) at line \(previousLine)"
                    + (reading.caseValues.isEmpty ? "" : " in the case the lesson states"),
                against: "the definition of \(symbol) (line \(previousLine))",
                counterexample: example)
        default:
            let verdict = define(symbol, as: terms[1], forms: Array(terms.dropFirst()), relations: relations)
            guard verdict.status == .definition else { return verdict }
            return Verdict(
                .definition,
                "redefines \(symbol) (previously at line \(previousLine)) as \(printer.print(terms[1]))")
        }
    }

    /// Whether `expression` is a number as written (`2`, `-0.5`).
    static func isNumber(_ expression: Expression) -> Bool {
        switch expression {
        case .number: true
        case .negate(let inner): isNumber(inner)
        default: false
        }
    }

    /// " (with t = 1, as stated just before)" when the prose stated values for this formula.
    func caseNote() -> String {
        guard !reading.caseValues.isEmpty else { return "" }
        return " (with "
            + reading.caseValues.sorted { $0.key.description < $1.key.description }
            .map { "\($0.key) = \(Tensor.format($0.value))" }.joined(separator: ", ") + ", as stated just before)"
    }

    // MARK: - Values the prose states

    /// `one sample $x = 2$`, `when $t = 1$`, `$v_0 = 0$`: a value of what follows, not a claim.
    mutating func valueStatement(_ symbol: Symbol, _ value: Double) -> Verdict {
        if case .values(let allowed)? = reading.domains[symbol], !allowed.contains(value) {
            return Verdict(
                .mismatch,
                "\(symbol) = \(Tensor.format(value)) is outside the values {"
                    + allowed.map(Tensor.format).joined(separator: ", ") + "} the lesson allows for \(symbol)",
                against: "the lesson's constraint on \(symbol)",
                counterexample: Counterexample(
                    inputs: [], formula: Tensor.format(value),
                    expected: "one of " + allowed.map(Tensor.format).joined(separator: ", ")))
        }
        if let index = symbol.index, let step = Int(index), reading.templates[symbol.withoutIndex] != nil,
            reading.definitions[symbol] == nil,
            reading.definitions.keys.contains(where: { known in
                known.withoutIndex == symbol.withoutIndex && known.index.flatMap(Int.init).map { $0 < step } == true
            })
        {
            // `x_5 = 32` after `x_t = 2 x_{t-1}` and `x_0 = 1`: the recurrence run from its start.
            return chain([.variable(symbol), .number(value)], [.equals])
        }
        if let index = symbol.index, reading.templates[symbol.withoutIndex] != nil || Self.isInitialIndex(index) {
            // `v_0 = 0`: where a sequence starts, for every formula that follows.
            reading.definitions[symbol] = .number(value)
            reading.definedAt[symbol] = line
            return Verdict(.definition, "states the initial value \(symbol) = \(Tensor.format(value))")
        }
        if let definedLine = reading.definedAt[symbol], reading.definitions[symbol] != nil {
            // `at the extreme $p = 0$` of a defined p: a point the next formula is read at, no more.
            reading.stateCase(symbol, value)
            return Verdict(
                .definition,
                "states the value \(symbol) = \(Tensor.format(value)) (of \(symbol) defined at line \(definedLine)) "
                    + "for the formula that follows")
        }
        if let domain = reading.domains[symbol], domain == .distribution || domain == .oneHot {
            // `label $t = 1$` after t was a distribution: the lesson now uses the name for a number.
            reading.domains[symbol] = nil
        }
        reading.statedValues[symbol] = (value, line)
        reading.stateCase(symbol, value)
        return Verdict(
            .definition,
            "states the value \(symbol) = \(Tensor.format(value)) for the formula that follows and for worked "
                + "examples later")
    }

    /// Whether an index names the start of a sequence (`0`).
    static func isInitialIndex(_ index: String) -> Bool { index == "0" }
}

/// A generator for evaluating constants, which draw nothing.
struct ConstantGenerator: RandomNumberGenerator {
    mutating func next() -> UInt64 { 0 }
}
