import Formulas

extension FormulaJudge {
    /// The left side of a function definition: `σ(x)`, `σ'(x)`, `\frac{dσ}{dx}`.
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
            guard parameters.count == arguments.count, !parameters.isEmpty else { return nil }
            return FunctionHead(name: name, order: order, parameters: parameters)
        case .derivative(.variable(let function), let variable) where isFunctionName(function):
            return FunctionHead(name: FunctionName(function.name), order: 1 + function.primes, parameters: [variable])
        case .derivative(.call(let name, 0, let arguments), let variable) where arguments == [.variable(variable)]:
            return FunctionHead(name: name, order: 1, parameters: [variable])
        default:
            return nil
        }
    }

    /// `σ(x) = …` against the engine's σ, `σ'(x) = …` against its derivative, `f(x) = …` as a new
    /// function of the lesson, `f'(x) = …` against the derivative of the lesson's f.
    mutating func functionDefinition(_ head: FunctionHead, _ sides: [Expression]) -> Verdict {
        let forced = engine.flatMap { catalog.function(forKey: FunctionName.normalise($0)) }
        if let function = forced ?? catalog.function(forKey: head.name.key) {
            return engineDefinition(head, sides, function)
        }
        if case .expression(let parameters, let body)? = state.functions[head.name.key], head.order > 0 {
            guard parameters.count == 1, head.parameters.count == 1 else {
                return Verdict(.unchecked, "derivatives of functions of several variables are not checked")
            }
            let parameter = head.parameters[0]
            let outcome = comparison.compare(
                sides, scalarOnly: true,
                prepare: { evaluator throws(EvaluationFailure) in
                    evaluator.bindDrawn(parameter)
                },
                reference: { evaluator throws(EvaluationFailure) in
                    let x = try evaluator.value(of: parameter)
                    var inner = evaluator
                    inner.bind(parameters[0], to: Tensor(Dual(x.values[0], 1)))
                    return Tensor(Dual(try inner.value(of: body).entries[0].tangent))
                })
            let against = "the derivative of \(head.name) (line \(state.definedAt[Symbol(head.name.written)] ?? line))"
            return verdict(outcome, sides, against: against, what: "\(head.name)′")
        }
        guard head.order == 0, let body = sides.last else {
            return Verdict(.unchecked, "\(head.name)′ is the derivative of a function the lesson has not defined")
        }
        if body.calledFunctions.contains(head.name) {
            return Verdict(.unchecked, "\(head.name) is defined in terms of itself; not kept as a definition")
        }
        if case .expression(let parameters, _)? = state.functions[head.name.key],
            parameters.count != head.parameters.count
        {
            // `H(t, p)` after `H(p)`: another function of the same name, told apart by its arguments.
            state.functions["\(head.name.key)#\(head.parameters.count)"] = .expression(
                parameters: head.parameters, body: body)
            state.definedAt[Symbol(head.name.written)] = line
            return Verdict(
                .definition,
                "defines the function \(head.name)(\(head.parameters.map(\.description).joined(separator: ", "))) "
                    + "beside \(head.name)(\(parameters.map(\.description).joined(separator: ", ")))")
        }
        state.functions[head.name.key] = .expression(parameters: head.parameters, body: body)
        state.functionKeys.insert(head.name.key)
        state.definedAt[Symbol(head.name.written)] = line
        return Verdict(
            .definition,
            "defines the function \(head.name)(\(head.parameters.map(\.description).joined(separator: ", ")))")
    }

    /// A definition of a function the catalog binds to the engine, checked by evaluation.
    mutating func engineDefinition(_ head: FunctionHead, _ sides: [Expression], _ function: Catalog.Function) -> Verdict
    {
        guard head.parameters.count == 1 else {
            return Verdict(
                .unchecked, "\(function.name) takes one argument; this definition has \(head.parameters.count)")
        }
        let parameter = head.parameters[0]
        if head.component != nil { return vectorDefinition(head, sides, function, componentwise: true) }
        let componentwise =
            parameter.index != nil && sides.contains { $0.contains { if case .sum = $0 { true } else { false } } }
        if componentwise || { if case .vector = function.kind { true } else { false } }() {
            return vectorDefinition(head, sides, function, componentwise: componentwise)
        }
        let derivativeName = head.order == 0 ? function.name : "\(function.name)′"
        let (value, derivative, parameterNote): ((Double) -> Double, (Double) -> Double, String)
        var prepare: (inout Evaluator) throws(EvaluationFailure) -> Void = { evaluator throws(EvaluationFailure) in
            evaluator.bindDrawn(parameter)
        }
        switch function.kind {
        case .scalar(let f, let df, _):
            (value, derivative, parameterNote) = (f, df, "")
            let free = sides.flatMap(\.freeSymbols).filter { $0 != parameter && !isFunctionName($0) }
            if !free.isEmpty {
                return Verdict(
                    .unchecked,
                    "the right side uses \(Set(free).map(\.description).sorted().joined(separator: ", ")), "
                        + "which \(function.name) does not depend on")
            }
        case .parametric(let make, let defaultParameter, let names, _):
            let free = Set(sides.flatMap(\.freeSymbols).filter { $0 != parameter && !isFunctionName($0) })
            if free.count == 1, let symbol = free.first, names.contains(symbol.name) || symbol.index == nil {
                // α written as a symbol: bound to a drawn slope, the engine built with the same α.
                let slope = SampleBox()
                prepare = { evaluator throws(EvaluationFailure) in
                    let alpha = evaluator.bindDrawn(symbol, domain: .positive).values[0]
                    slope.value = alpha
                    evaluator.bindDrawn(parameter)
                }
                let reference: (inout Evaluator) throws(EvaluationFailure) -> Tensor = {
                    evaluator throws(EvaluationFailure) in
                    let x = try evaluator.value(of: parameter).values[0]
                    let engine = make(slope.value)
                    return Tensor(head.order == 0 ? engine.value(x) : engine.derivative(x))
                }
                let outcome = comparison.compare(sides, scalarOnly: true, prepare: prepare, reference: reference)
                return verdict(
                    outcome, sides, against: "\(function.engineName) with the same \(symbol) (drawn in [0.01, 0.5])",
                    what: derivativeName)
            }
            guard free.isEmpty else {
                return Verdict(
                    .unchecked,
                    "the right side has several free symbols (\(free.map(\.description).sorted().joined(separator: ", ")))"
                )
            }
            // α written as a number: read it from the formula at x = −1 (f(−1) = −α).
            var probe = state.evaluator(seed: 1, scalarOnly: true)
            probe.bind(parameter, to: Tensor(-1.0))
            let written = (try? probe.value(of: sides[sides.count - 1]).values[0]).map { head.order == 0 ? -$0 : $0 }
            let alpha = written.flatMap { $0 > 0 && $0 < 1 ? $0 : nil } ?? defaultParameter
            let engine = make(alpha)
            (value, derivative, parameterNote) = (engine.value, engine.derivative, "(α = \(Tensor.format(alpha)))")
        case .vector:
            return Verdict(.unchecked, "unreachable")
        }
        let outcome = comparison.compare(
            sides, scalarOnly: true, prepare: prepare,
            reference: { evaluator throws(EvaluationFailure) in
                let x = try evaluator.value(of: parameter).values[0]
                return Tensor(head.order == 0 ? value(x) : derivative(x))
            })
        let against = function.engineName + parameterNote + (head.order == 0 ? "" : " derivative")
        return verdict(outcome, sides, against: against, what: derivativeName)
    }

    /// `softmax(z) = …` or `σ(x_i) = e^{x_i} / Σ_j e^{x_j}` (a vector function written by components).
    mutating func vectorDefinition(
        _ head: FunctionHead, _ sides: [Expression], _ named: Catalog.Function,
        componentwise: Bool
    ) -> Verdict {
        let function: Catalog.Function
        var note = ""
        if case .vector = named.kind {
            function = named
        } else if let vector = catalog.functions.first(where: { if case .vector = $0.kind { true } else { false } }) {
            function = vector
            note = "; \(head.name)(\(head.parameters[0])) is written by components, so it is read as \(vector.name)"
        } else {
            return Verdict(.unchecked, "no vector function in the catalog to compare with")
        }
        guard head.order == 0, case .vector(let value, _) = function.kind else {
            return Verdict(.unchecked, "the derivative of \(function.name) is a Jacobian matrix; not checked here")
        }
        let parameter = head.parameters[0]
        let vector = parameter.withoutIndex
        let entryIndex = head.component ?? parameter.index
        let length = 4
        let entry = SampleBox()
        let outcome = comparison.compare(
            sides, scalarOnly: true,
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
        return verdict(outcome, sides, against: function.engineName, what: function.name, note: note)
    }

    /// The verdict of comparing sides with a reference.
    func verdict(_ outcome: Comparison.Outcome, _ sides: [Expression], against: String, what: String, note: String = "")
        -> Verdict
    {
        switch outcome {
        case .agree(let points, _):
            return Verdict(.verified, "agrees with \(against) at \(points) points\(note)", against: against)
        case .differ(let side, let example, _):
            return Verdict(
                .mismatch, "`\(printer.print(sides[side]))` differs from \(against)\(note)",
                against: against, counterexample: example)
        case .failed(let failure, _):
            return Verdict(.unchecked, "cannot evaluate the right side: \(failure)")
        }
    }
}
