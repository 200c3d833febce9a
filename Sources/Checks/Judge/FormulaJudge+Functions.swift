import Formulas

extension FormulaJudge {
    /// The left side of a function definition: `σ(x)`, `σ'(x)`, `\frac{dσ}{dx}`, `\text{softmax}(z)_k`.
    struct FunctionHead {
        var name: FunctionName
        var order: Int
        var parameters: [Symbol]
        /// The entry index of a componentwise head (`k` in `softmax(z)_k`).
        var component: String? = nil
    }

    func functionHead(_ expression: Expression) -> FunctionHead? {
        switch expression {
        case .component(.call(let name, 0, let arguments), let index):
            guard arguments.count == 1, let parameter = arguments[0].asSymbol else { return nil }
            return FunctionHead(name: name, order: 0, parameters: [parameter], component: index)
        case .call(let name, let order, let arguments):
            let parameters = arguments.compactMap(\.asSymbol)
            guard parameters.count == arguments.count, !parameters.isEmpty, Set(parameters).count == parameters.count
            else { return nil }
            return FunctionHead(name: name, order: order, parameters: parameters)
        case .derivative(.variable(let function), let variable) where reading.isFunctionName(function):
            // `\frac{dz}{dx}` of a lesson function z(x): its derivative in its own variable only
            // (`\frac{\partial z}{\partial s}` for an intermediate s is a chain-rule factor).
            let name = FunctionName(function.name)
            if case .expression(let parameters, _)? = reading.functions[name.key], parameters != [variable] {
                return nil
            }
            return FunctionHead(name: name, order: 1 + function.primes, parameters: [variable])
        case .derivative(.call(let name, 0, let arguments), let variable) where arguments == [.variable(variable)]:
            return FunctionHead(name: name, order: 1, parameters: [variable])
        default:
            return nil
        }
    }

    /// The engine function a head names: forced by an annotation, given by the lesson's words
    /// ("where σ is the ReLU"), or by the name itself.
    func catalogFunction(for name: FunctionName) -> Catalog.Function? {
        if let engine = context.engine, let forced = catalog.function(forKey: FunctionName.normalise(engine)) {
            return forced
        }
        if let alias = reading.aliases[name.key] { return catalog.function(forKey: alias) }
        return catalog.function(forKey: name.key)
    }

    /// `f(x) = …`: checked against the engine when it names an engine function, against the
    /// lesson's earlier definition when it restates one, otherwise a new definition of the lesson
    /// (a later `f(x) = …` in a new example replaces the earlier one: definitions have scope);
    /// `f'(x) = …` against the derivative of the engine's or the lesson's f.
    mutating func functionStatement(
        _ head: FunctionHead, _ terms: [Expression], _ relations: [Formula.Relation]
    ) -> Verdict {
        if let function = catalogFunction(for: head.name) {
            return engineDefinition(head, terms, relations, function)
        }
        if let verdict = mathematicalIdentity(head, terms, relations) { return verdict }
        if ["var", "variance"].contains(head.name.key), head.parameters.count == 1, terms.count == 2,
            let verdict = initialisation(terms[1], as: [.variance])
        {
            // `\operatorname{Var}(W_{ij}) = \frac{2}{n_{\text{in}}}`: the variance weights are drawn with.
            return verdict
        }
        if terms.count == 2, relations == [.equals] || relations == [.defines],
            let verdict = engineQuantity(head, terms[1])
        {
            // The lesson keeps its own definition for what follows (`H(p)` beside `H(t, p)`: one name
            // for two numbers of arguments).
            let existing = lessonFunction(head.name, arity: head.parameters.count)
            if existing == nil || verdict.status == .verified {
                let key =
                    existing == nil && lessonFunction(head.name, arity: nil) != nil
                    ? "\(head.name.key)#\(head.parameters.count)" : head.name.key
                reading.functions[key] = .expression(parameters: head.parameters, body: terms[1])
                reading.functionKeys.insert(head.name.key)
                reading.definedAt[Symbol(head.name.written)] = line
            }
            return verdict
        }
        let existing = lessonFunction(head.name, arity: head.parameters.count)
        if head.order > 0 {
            guard let existing, case .expression(let parameters, let body) = existing.definition else {
                return Verdict(unchecked: .undefinedFunction(head.name.written))
            }
            guard parameters.count == 1, head.parameters.count == 1 else {
                return Verdict(unchecked: .derivativeNotTaken("of a function of several variables"))
            }
            let verdict = lessonDerivative(head, parameters[0], body, Array(terms.dropFirst()), line: existing.line)
            if verdict.status == .mismatch, let why = conditionOrExample(Array(terms.dropFirst())) {
                return Verdict(.definition, "\(head.name)\(String(repeating: "′", count: head.order))(…) " + why)
            }
            let open = openFunctionsCalled(Array(terms.dropFirst())).subtracting([head.name.key])
            if verdict.status == .mismatch, !open.isEmpty {
                // `\frac{df}{dx}(x) = \frac{dg}{dx}(x) + \frac{dh}{dx}(x)` in a passage where f is built from
                // the functions g and h it leaves open: not the f of its earlier example.
                return Verdict(
                    unchecked: .dependsOnReading(
                        holds: "if \(head.name) here is the function the passage builds from "
                            + open.sorted().joined(separator: ", "),
                        fails: "for \(head.name) of line \(existing.line)"))
            }
            return verdict
        }
        let body = terms[1]
        let signature = "\(head.name)(\(head.parameters.map(\.description).joined(separator: ", ")))"
        let call = Expression.call(head.name, derivative: 0, head.parameters.map(Expression.variable))
        if let existing {
            // The same function written again: a claim that holds, an identity between the
            // lesson's functions (`H(t, p) = H(t) + D_{KL}(t \| p)`), or a new definition in a new
            // example.
            let against = "the definition of \(head.name) (line \(existing.line))"
            let outcome = checkLink(call, body, relations[0])
            if case .holds(let message, _) = outcome {
                if terms.count > 2 {
                    return chain([call] + terms.dropFirst(), relations, from: 1, defined: "agrees with \(against)")
                }
                return Verdict(.verified, "agrees with \(against): \(message)", against: against)
            }
            let relatesFunctions = body.calledFunctions.contains { lessonFunction($0, arity: nil) != nil }
            if relatesFunctions { return chain([call] + terms.dropFirst(), relations) }
        } else if body.calledFunctions.contains(where: { $0 == head.name }),
            lessonFunction(head.name, arity: nil) == nil
        {
            return Verdict(unchecked: .selfDefinition(head.name.written))
        }
        let key =
            existing == nil && lessonFunction(head.name, arity: nil) != nil
            ? "\(head.name.key)#\(head.parameters.count)" : head.name.key
        reading.functions[key] = .expression(parameters: head.parameters, body: body)
        reading.functionKeys.insert(head.name.key)
        reading.definedAt[Symbol(head.name.written)] = line
        let defined =
            existing == nil
            ? "defines the function \(signature)"
            : "redefines \(head.name) (previously at line \(existing!.line)) as \(signature)"
        if terms.count > 2 { return chain([call] + terms.dropFirst(), relations, from: 1, defined: defined) }
        return Verdict(.definition, defined)
    }

    /// The functions of mathematics a lesson states facts about rather than defines: `\max(a, b) =
    /// \frac{a + b + |a - b|}{2}`, `|x| = \begin{cases}…`, `\|x\|_2 = \sqrt{x^\top x}`.
    static let mathematicalFunctions: Set<String> = [
        "exp", "log", "ln", "max", "min", "abs", "sqrt", "sin", "cos", "tan", "sinh", "cosh", "tanh", "sign", "sgn",
        "floor", "ceil", "erf", "Φ", "det", "tr", "trace", "norm", "norm1", "normmax", "factorial",
    ]

    /// `f(x) = …` for a function of mathematics: an identity checked at random points. `Φ` is the
    /// normal distribution function only where the prose speaks of one; elsewhere a failing
    /// statement defines the lesson's own Φ.
    mutating func mathematicalIdentity(
        _ head: FunctionHead, _ terms: [Expression], _ relations: [Formula.Relation]
    ) -> Verdict? {
        let key = head.name.key
        let isInverse =
            key.hasSuffix("⁻¹")
            && {
                let base = FunctionName(String(head.name.written.dropLast(2)))
                return catalogFunction(for: base) != nil || Self.mathematicalFunctions.contains(base.key)
                    || lessonFunction(base, arity: 1) != nil
            }()
        guard head.component == nil, Self.mathematicalFunctions.contains(key) || isInverse,
            lessonFunction(head.name, arity: nil) == nil, head.order == 0 || head.parameters.count == 1
        else { return nil }
        var call = Expression.call(head.name, derivative: 0, head.parameters.map(Expression.variable))
        for _ in 0..<head.order { call = .derivative(of: call, with: head.parameters[0]) }
        let verdict = chain([call] + terms.dropFirst(), relations)
        if verdict.status == .mismatch, Self.isConventionalName(head.name),
            !context.words.contains(where: { ["normal", "gaussian", "cdf", "distribution"].contains($0) })
        {
            return nil
        }
        return verdict
    }

    /// Why a failed statement about a function is not a claim: the prose starts a new example or
    /// announces a condition, or the right side is a constant (`f'(x) = 0`: where the slope is 0).
    func conditionOrExample(_ sides: [Expression]) -> String? {
        if context.exampleCue { return "is a new example the prose introduces, not the lesson's function" }
        if context.conditionCue { return "states a condition, as the prose announces" }
        if sides.allSatisfy({ Self.constantValue($0) != nil }) {
            return "states where it takes that value (an equation to solve)"
        }
        return nil
    }

    /// The lesson's own function of that name (and number of arguments, if given), with its line.
    func lessonFunction(_ name: FunctionName, arity: Int?) -> (definition: FunctionDefinition, line: Int)? {
        let line = reading.definedAt[Symbol(name.written)] ?? line
        if let arity, let definition = reading.functions["\(name.key)#\(arity)"] { return (definition, line) }
        guard let definition = reading.functions[name.key], case .expression(let parameters, _) = definition else {
            return nil
        }
        if let arity, parameters.count != arity { return nil }
        return (definition, line)
    }

    /// `f'(x) = …` against the derivative of the lesson's f, by automatic differentiation.
    func lessonDerivative(
        _ head: FunctionHead, _ parameter: Symbol, _ body: Expression, _ sides: [Expression], line definedLine: Int
    ) -> Verdict {
        let variable = head.parameters[0]
        let sampler = ClaimReadings(sides, relating: true, reading: reading, samples: samples).all[0].sampler
        let outcome = sampler.compare(
            sides, test: .equal,
            prepare: { evaluator throws(EvaluationFailure) in evaluator.bindDrawn(variable) },
            reference: { evaluator throws(EvaluationFailure) in
                let x = try evaluator.value(of: variable)
                var inner = evaluator
                inner.bind(parameter, to: Tensor(Dual(x.values[0], 1)))
                return Tensor(Dual(try inner.value(of: body).entries[0].tangent))
            })
        return engineVerdict(
            outcome, sides, against: "the derivative of \(head.name) (line \(definedLine))", what: "\(head.name)′")
    }

    // MARK: - Engine functions

    /// A definition of a function the catalog binds to the engine, checked by evaluation.
    mutating func engineDefinition(
        _ head: FunctionHead, _ terms: [Expression], _ relations: [Formula.Relation], _ function: Catalog.Function
    ) -> Verdict {
        let sides = Array(terms.dropFirst())
        guard head.parameters.count == 1 else {
            return Verdict(
                unchecked: .arity("\(function.name) takes one argument; this definition has \(head.parameters.count)"))
        }
        let parameter = head.parameters[0]
        let verdict: Verdict
        let isVector = { if case .vector = function.kind { true } else { false } }()
        let componentwise =
            head.component != nil
            || parameter.index != nil && sides.contains { $0.contains { if case .sum = $0 { true } else { false } } }
        if componentwise || isVector {
            verdict = vectorDefinition(head, sides, function, componentwise: componentwise)
        } else {
            verdict = scalarDefinition(head, sides, function, relations: relations)
        }
        if verdict.status == .mismatch, let why = conditionOrExample(sides) {
            return Verdict(.definition, "\(head.name)(\(parameter)) \(why)")
        }
        guard verdict.status == .mismatch, head.order == 0, Self.isConventionalName(head.name),
            !context.words.contains(where: { function.keys.contains(FunctionName.normalise($0)) })
        else { return verdict }
        // `σ(z) = max(0, z)` where the lesson uses σ for another activation: read σ as the
        // engine function the definition is, or as the lesson's own function.
        for other in catalog.functions where other.name != function.name {
            let candidate = scalarOrVector(head, sides, other)
            if candidate.status == .verified {
                reading.aliases[head.name.key] = other.keys.first
                return Verdict(
                    .verified, "\(head.name) here is the \(other.name): " + candidate.message,
                    against: candidate.against)
            }
        }
        reading.functionKeys.insert(head.name.key)
        reading.functions[head.name.key] = .expression(parameters: head.parameters, body: sides[sides.count - 1])
        reading.definedAt[Symbol(head.name.written)] = line
        return Verdict(
            .definition,
            "defines \(head.name) as the lesson's own function (it is not the engine's \(function.name), and the "
                + "lesson does not name it so)")
    }

    /// Whether a name is a conventional letter (σ, φ, g) rather than the name of a function.
    static func isConventionalName(_ name: FunctionName) -> Bool { name.key.count == 1 }

    private mutating func scalarOrVector(_ head: FunctionHead, _ sides: [Expression], _ function: Catalog.Function)
        -> Verdict
    {
        if case .vector = function.kind { return vectorDefinition(head, sides, function, componentwise: false) }
        return scalarDefinition(head, sides, function)
    }

    /// `σ(x) = …` or `σ'(x) = …` for an engine function of one number: compared with the engine
    /// (its fixed constants bound to the symbols that name them, a family's parameter drawn or
    /// read from the numbers written), then with the other forms the engine has under the name.
    mutating func scalarDefinition(
        _ head: FunctionHead, _ sides: [Expression], _ function: Catalog.Function,
        relations: [Formula.Relation] = []
    ) -> Verdict {
        let verdict = scalarForm(head, sides, function, relations: relations)
        guard verdict.status == .mismatch else { return verdict }
        for variant in function.variants {
            let other = scalarForm(head, sides, variant, relations: relations)
            if other.status == .verified { return other }
        }
        return verdict
    }

    /// The comparison `scalarDefinition` makes with one engine form.
    private func scalarForm(
        _ head: FunctionHead, _ sides: [Expression], _ function: Catalog.Function, relations: [Formula.Relation]
    ) -> Verdict {
        let parameter = head.parameters[0]
        let derivativeName = head.order == 0 ? function.name : "\(function.name)′"
        let free = Set(sides.flatMap(\.freeSymbols).filter { $0 != parameter && !reading.isFunctionName($0) })
        let sampler = ClaimReadings(sides, relating: true, reading: reading, samples: samples).all[0].sampler
        // `\approx` holds to the precision of the numbers written.
        let test: Sampler.Test =
            relations.contains(.approximately)
            ? Self.writtenTolerance(sides).map { .approximately(tolerance: $0) } ?? .equal : .equal
        func compare(
            _ value: @escaping @Sendable (Double) -> Double, _ derivative: @escaping @Sendable (Double) -> Double,
            bind: [(Symbol, Double)] = [], drawn: Symbol? = nil,
            make: (
                @Sendable (Double) -> (value: @Sendable (Double) -> Double, derivative: @Sendable (Double) -> Double)
            )? = nil
        ) -> Sampler.Outcome {
            let slope = SampleBox()
            return sampler.compare(
                sides, test: test,
                prepare: { evaluator throws(EvaluationFailure) in
                    for (symbol, number) in bind { evaluator.bind(symbol, to: Tensor(number)) }
                    if let drawn, let make {
                        slope.value = evaluator.bindDrawn(drawn, domain: .positive).values[0]
                        // The function's own name in the formula means the same member of the family.
                        let member = make(slope.value)
                        for key in function.keys {
                            evaluator.functions[key] = .scalar(
                                value: member.value, derivative: member.derivative, kinks: [])
                        }
                    }
                    evaluator.bindDrawn(parameter)
                },
                reference: { evaluator throws(EvaluationFailure) in
                    let x = try evaluator.value(of: parameter).values[0]
                    if drawn != nil, let make {
                        let member = make(slope.value)
                        return Tensor(head.order == 0 ? member.value(x) : member.derivative(x))
                    }
                    return Tensor(head.order == 0 ? value(x) : derivative(x))
                })
        }
        let against = function.engineName + (head.order == 0 ? "" : " derivative")
        switch function.kind {
        case .scalar(let value, let derivative, _):
            let constants = free.compactMap { symbol in
                symbol.index == nil ? function.constants[symbol.name].map { (symbol, $0) } : nil
            }
            guard constants.count == free.count else {
                return Verdict(
                    unchecked: .extraSymbols(
                        function: function.name, symbols: free.map(\.description).sorted().joined(separator: ", ")))
            }
            let note =
                constants.isEmpty
                ? ""
                : " with its constants "
                    + constants.map { "\($0.0) = \(Tensor.format($0.1))" }.sorted()
                    .joined(separator: ", ")
            return engineVerdict(
                compare(value, derivative, bind: constants), sides, against: against + note, what: derivativeName)
        case .parametric(let make, let defaultParameter, let names, _):
            if free.count == 1, let symbol = free.first, names.contains(symbol.name) || symbol.index == nil {
                // α written as a symbol: bound to a drawn value, the engine built with the same α.
                let outcome = compare({ $0 }, { $0 }, drawn: symbol, make: make)
                return engineVerdict(
                    outcome, sides,
                    against: "\(function.engineName) with the same \(symbol) (drawn in [0.01, 0.5])"
                        + (head.order == 0 ? "" : " derivative"), what: derivativeName)
            }
            guard free.isEmpty else {
                return Verdict(
                    unchecked: .extraSymbols(
                        function: function.name, symbols: free.map(\.description).sorted().joined(separator: ", ")))
            }
            // The parameter written as a number: one of the numbers written, or the usual value.
            var candidates: [Double] = []
            for side in sides {
                _ = side.contains { expression in
                    if case .number(let number) = expression, number > 0, number.isFinite, !candidates.contains(number)
                    {
                        candidates.append(number)
                    }
                    return false
                }
            }
            if !candidates.contains(defaultParameter) { candidates.append(defaultParameter) }
            var first: Verdict? = nil
            for alpha in candidates {
                let engine = make(alpha)
                let verdict = engineVerdict(
                    compare(engine.value, engine.derivative), sides,
                    against: function.engineName + "(\(names.first ?? "α") = \(Tensor.format(alpha)))"
                        + (head.order == 0 ? "" : " derivative"), what: derivativeName)
                if verdict.status != .mismatch { return verdict }
                if first == nil || alpha == defaultParameter { first = verdict }
            }
            return first!
        case .vector:
            return vectorDefinition(head, sides, function, componentwise: false)
        }
    }

    /// `softmax(z) = …` or `σ(x_i) = e^{x_i} / Σ_j e^{x_j}` (a vector function written by components).
    func vectorDefinition(
        _ head: FunctionHead, _ sides: [Expression], _ named: Catalog.Function, componentwise: Bool
    ) -> Verdict {
        let function: Catalog.Function
        var note = ""
        if case .vector = named.kind {
            function = named
        } else if let vector = catalog.functions.first(where: { if case .vector = $0.kind { true } else { false } }) {
            function = vector
            note = "; \(head.name)(\(head.parameters[0])) is written by components, so it is read as \(vector.name)"
        } else {
            return Verdict(unchecked: .derivativeNotTaken("of a vector function the catalog does not have"))
        }
        guard head.order == 0, case .vector(let value, _) = function.kind else {
            return Verdict(unchecked: .derivativeNotTaken("of \(function.name), a Jacobian matrix"))
        }
        let parameter = head.parameters[0]
        let vector = parameter.withoutIndex
        let entryIndex = head.component ?? parameter.index
        let length = 4
        let entry = SampleBox()
        let sampler = ClaimReadings(sides, relating: true, reading: reading, samples: samples).all[0].sampler
        let outcome = sampler.compare(
            sides,
            prepare: { evaluator throws(EvaluationFailure) in
                evaluator.vectorLength = length
                evaluator.bindDrawn(vector, shape: [length, 1])
                if componentwise, let index = entryIndex {
                    let k = evaluator.randomInteger(in: 1...length)
                    entry.value = Double(k)
                    evaluator.bindIndex(index, to: k)
                    if parameter.index != nil {
                        evaluator.bind(parameter, to: Tensor(try evaluator.value(of: vector).entries[k - 1]))
                    }
                }
            },
            reference: { evaluator throws(EvaluationFailure) in
                let x = try evaluator.value(of: vector)
                let s = value(x.values)
                if componentwise { return Tensor(s[Int(entry.value) - 1]) }
                return Tensor(rows: s.count, columns: 1, entries: s.map { Dual($0) })
            })
        return engineVerdict(outcome, sides, against: function.engineName, what: function.name, note: note)
    }

    /// The verdict of comparing sides with a reference.
    func engineVerdict(
        _ outcome: Sampler.Outcome, _ sides: [Expression], against: String, what: String, note: String = ""
    )
        -> Verdict
    {
        switch outcome {
        case .holds(let points, _):
            return Verdict(.verified, "agrees with \(against) at \(points) points\(note)", against: against)
        case .fails(let side, let example, _):
            return Verdict(
                .mismatch, "`\(printer.print(sides[side]))` differs from \(against)\(note)",
                against: against, counterexample: example)
        case .failed(let because):
            return Verdict(unchecked: Self.reason(because))
        }
    }

    /// `expression` with every free `symbol` replaced by `value`.
    static func substitute(_ symbol: Symbol, with value: Expression, in expression: Expression) -> Expression {
        expression.replacing { $0 == .variable(symbol) ? value : nil }
    }
}
