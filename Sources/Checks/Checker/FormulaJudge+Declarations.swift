import Formulas

extension FormulaJudge {
    /// `x = (x_1, …, x_5)ᵀ \in ℝ^5`, `W \in ℝ^{m×n}`, `t \in \{0, 1\}`: a shape or a constraint,
    /// checked against the matrix written beside it or the shape known before.
    mutating func declaration(_ formula: Formula) -> Verdict {
        guard let elementIndex = formula.relations.firstIndex(of: .element),
            elementIndex + 1 == formula.relations.count,
            case .variable(let subject) = formula.terms[0]
        else {
            return Verdict(.unchecked, "only `symbol \\in set` (possibly after `symbol = matrix`) is read")
        }
        let set = formula.terms[elementIndex + 1]
        let written = formula.terms[1..<(elementIndex + 1)].first
        switch set {
        case .finiteSet(let elements):
            let numbers = elements.compactMap { if case .number(let value) = $0 { value } else { nil } }
            guard numbers.count == elements.count else {
                return Verdict(.unchecked, "a set of symbols is not read as a constraint")
            }
            state.domains[subject] = .values(numbers)
            return Verdict(
                .definition,
                "constrains \(subject) to {\(numbers.map(Tensor.format).joined(separator: ", "))}; "
                    + "later checks draw it from there")
        case .realSpace(let dimensions):
            // Sizes drawn at every sample point stay small: at most 4096 entries, none empty.
            let numbers = dimensions.compactMap { dimension -> Int? in
                guard case .number(let value) = dimension, let size = Int(exactly: value), (1...4096).contains(size)
                else { return nil }
                return size
            }
            let sizeText = dimensions.map { printer.print($0) }.joined(separator: "×")
            guard numbers.count == dimensions.count, !numbers.isEmpty, numbers.count <= 2, numbers.reduce(1, *) <= 4096
            else {
                if let written { _ = symbolDefinition(subject, [written]) }
                return Verdict(
                    .definition,
                    "declares \(subject) ∈ ℝ^\(sizeText); the size is symbolic or too large to sample, "
                        + "so shapes are not checked")
            }
            let shape = numbers.count == 1 ? [numbers[0], 1] : numbers
            let shapeText = "\(shape[0])×\(shape[1])"
            var writtenShape: [Int]? = nil
            if case .matrix(let rows)? = written { writtenShape = [rows.count, rows[0].count] }
            if writtenShape == nil, let known = state.shapes[subject] { writtenShape = known }
            if let writtenShape, writtenShape != shape {
                return Verdict(
                    .mismatch,
                    "\(subject) is declared in ℝ^\(sizeText) (\(shapeText)) but "
                        + "\(written == nil ? "was declared" : "the matrix written is") \(writtenShape[0])×\(writtenShape[1])",
                    against: "shape ℝ^\(sizeText)",
                    counterexample: Counterexample(
                        inputs: [], formula: "\(writtenShape[0])×\(writtenShape[1])", expected: shapeText))
            }
            if let written, !isEntryList(written, of: subject) {
                _ = symbolDefinition(subject, [written])
            }
            state.shapes[subject] = shape
            state.definedAt[subject] = line
            if written != nil {
                return Verdict(
                    .verified, "\(subject): the matrix written is \(shapeText), as ℝ^\(sizeText) says",
                    against: "shape ℝ^\(sizeText)")
            }
            return Verdict(.definition, "declares \(subject) ∈ ℝ^\(sizeText) (\(shapeText))")
        default:
            return Verdict(.unchecked, "membership in `\(printer.print(set))` is not read")
        }
    }

    // MARK: - Update rules

    /// `W \leftarrow W - η ∂L/∂W` (also `:=`, and `\rightarrow` written from the target):
    /// compared with the engine's SGD step at random w, η > 0 and gradient g.
    mutating func update(_ formula: Formula) -> Verdict {
        var target = formula.terms[0]
        var rule = formula.terms[1]
        if formula.relations[0] == .arrowRight, target.asSymbol == nil || !rule.freeSymbols.contains(target.asSymbol!) {
            swap(&target, &rule)
        }
        guard let parameter = target.asSymbol, rule.freeSymbols.contains(parameter) else {
            return Verdict(.unchecked, "an arrow that is not an update of a parameter from itself")
        }
        var gradients: [Expression] = []
        _ = rule.contains { expression in
            if case .derivative(_, let variable) = expression, variable == parameter { gradients.append(expression) }
            return false
        }
        guard let gradient = gradients.first else {
            return Verdict(.unchecked, "no gradient ∂…/∂\(parameter) in the update; only gradient steps are checked")
        }
        let gradientSymbols = gradient.freeSymbols
        let rates = rule.freeSymbols.subtracting([parameter]).subtracting(gradientSymbols).filter {
            !isFunctionName($0)
        }
        guard rates.count == 1, let rate = rates.first else {
            return Verdict(
                .unchecked,
                rates.isEmpty
                    ? "no learning rate in the update"
                    : "several symbols could be the learning rate: \(rates.map(\.description).sorted().joined(separator: ", "))"
            )
        }
        let update = catalog.update
        let gradientDrawn = SampleBox()
        let outcome = comparison.compare(
            [rule], scalarOnly: true,
            prepare: { evaluator throws(EvaluationFailure) in
                evaluator.bindDrawn(parameter)
                evaluator.bindDrawn(rate, domain: .positive)
                let g = Tensor(evaluator.drawNumber(.real))
                gradientDrawn.value = g.values[0]
                evaluator.expressionBindings[gradient] = g
            },
            reference: { evaluator throws(EvaluationFailure) in
                let w = try evaluator.value(of: parameter).values[0]
                let eta = try evaluator.value(of: rate).values[0]
                return Tensor(update(w, gradientDrawn.value, eta))
            })
        let against = catalog.updateName
        switch outcome {
        case .agree(let points, _):
            return Verdict(
                .verified,
                "a gradient-descent step on \(parameter) with learning rate \(rate): agrees with "
                    + "\(against) at \(points) points", against: against)
        case .differ(_, var example, let evaluator):
            example.inputs.append("\(printer.print(gradient)) = \(Tensor.format(gradientDrawn.value))")
            var message = "`\(printer.print(rule))` is not a gradient-descent step on \(parameter)"
            if let w = try? {
                var copy = evaluator; return try copy.value(of: parameter).values[0]
            }(),
                let eta = try? {
                    var copy = evaluator; return try copy.value(of: rate).values[0]
                }(),
                let got = Double(example.formula), abs(got - (w + eta * gradientDrawn.value)) < 1e-5 * max(1, abs(got))
            {
                message += ": it climbs the gradient (w + η·g, an ascent step) where SGD descends (w − η·g)"
            }
            return Verdict(.mismatch, message, against: against, counterexample: example)
        case .failed(let failure, _):
            return Verdict(.unchecked, "cannot evaluate the update: \(failure)")
        }
    }
}
