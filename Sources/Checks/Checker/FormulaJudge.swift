import Formulas

/// Decides the verdict of one formula given what the lesson said before it, and records what
/// the formula itself defines.
struct FormulaJudge {
    let catalog: Catalog
    var state: LessonState
    /// The formula's line in the file, for "defined at line N".
    let line: Int
    let samples: Int
    /// A catalog name forced by `<!-- litmus: engine=… -->`.
    let engine: String?
    let printer = ExpressionPrinter()

    init(catalog: Catalog, state: LessonState, line: Int, samples: Int, engine: String?) {
        self.catalog = catalog
        self.state = state
        self.line = line
        self.samples = samples
        self.engine = engine
    }

    var comparison: Comparison { Comparison(state: state, samples: samples) }

    mutating func verdict(_ formula: Formula) -> Verdict {
        let terms = formula.terms
        let relations = formula.relations
        if relations.isEmpty {
            if case .variable(let symbol) = terms[0] {
                return Verdict(.unchecked, "a mention of \(symbol): no relation to check")
            }
            return Verdict(.unchecked, "an expression with no relation (`=`, `\\in`, `\\leftarrow`): nothing to check")
        }
        if relations.contains(.comparison) || relations.contains(.approximately) {
            return Verdict(.unchecked, "inequalities and approximations are stated, not checked")
        }
        if relations.contains(.element) { return declaration(formula) }
        if relations.count == 1, relations[0] == .assignLeft || relations[0] == .arrowRight {
            return update(formula)
        }
        guard relations.allSatisfy({ $0 == .equals }) else {
            return Verdict(.unchecked, "a chain of different relations is not checked")
        }
        if let head = functionHead(terms[0]) { return functionDefinition(head, Array(terms.dropFirst())) }
        if terms.count == 2, case .variable(let symbol) = terms[0], case .number(let value) = terms[1] {
            // `at $z = 0$`: a point the prose talks about, not a definition later formulas should use.
            return Verdict(.unchecked, "states the value \(symbol) = \(Tensor.format(value)); not kept as a definition")
        }
        // A symbol defined in terms of itself (`t = t^2`) is an equation to check, not a definition.
        if case .variable(let symbol) = terms[0], !isFunctionName(symbol),
            !terms.dropFirst().contains(where: { $0.freeSymbols.contains(symbol) }) {
            return symbolDefinition(symbol, Array(terms.dropFirst()))
        }
        if terms.count == 2, case .variable(let symbol) = terms[1], state.definitions[symbol] == nil,
            state.shapes[symbol] == nil, !isFunctionName(symbol), !terms[0].freeSymbols.contains(symbol) {
            return symbolDefinition(symbol, [terms[0]])
        }
        return equation(terms)
    }

    func isFunctionName(_ symbol: Symbol) -> Bool {
        symbol.index == nil && symbol.label == nil && state.functionKeys.contains(FunctionName(symbol.name).key)
            && state.definitions[symbol] == nil
    }

    // MARK: - Equations

    /// Every side must have the same value at every sample point.
    mutating func equation(_ terms: [Expression]) -> Verdict {
        let usesDerivatives = terms.contains { term in
            term.contains { expression in
                if case .derivative = expression { return true }
                if case .call(_, let order, _) = expression { return order > 0 }
                return false
            }
        }
        if usesDerivatives, let unrelated = unrelatedDerivative(terms) {
            return Verdict(.unchecked, "\(unrelated): nothing the lesson defined links them, so there is nothing to differentiate")
        }
        var scalarOnly = usesDerivatives
        var outcome = comparison.compare(terms, scalarOnly: scalarOnly)
        if case .failed(.shape(let message), let undeclared) = outcome, !scalarOnly {
            if !undeclared { return shapeMismatch(message, terms) }
            scalarOnly = true
            outcome = comparison.compare(terms, scalarOnly: true)
        }
        let convention = scalarOnly
            ? (usesDerivatives ? " (scalar network: one neuron per layer, every symbol a scalar)" : " (every symbol read as a scalar)")
            : ""
        let against = usesDerivatives ? derivativeReference(terms) : definitionsReference(terms)
        switch outcome {
        case .agree(let points):
            let sides = terms.count == 2 ? "both sides agree" : "all \(terms.count) sides agree"
            return Verdict(.verified, "\(sides) at \(points) points\(convention)", against: against)
        case .differ(let side, let example, let evaluator):
            var message = "`\(printer.print(terms[side]))` differs from `\(printer.print(terms[0]))`\(convention)"
            if let dropped = droppedTerm(terms[0], terms[side], evaluator) { message += "; \(dropped)" }
            return Verdict(.mismatch, message, against: against, counterexample: example)
        case .failed(let failure, _):
            return Verdict(.unchecked, "cannot evaluate: \(failure)")
        }
    }

    /// The first `∂A/∂B` where A does not depend on B through the lesson's definitions (the
    /// lesson has not said how; a derivative of 0 would be a guess).
    func unrelatedDerivative(_ terms: [Expression]) -> String? {
        let evaluator = state.evaluator(seed: 0, scalarOnly: true)
        var found: String? = nil
        for term in terms where found == nil {
            _ = term.contains { expression in
                guard found == nil, case .derivative(let of, let with) = expression else { return false }
                let symbols = of.freeSymbols
                if symbols.contains(with) { return false }
                if case .variable(let function) = of, isFunctionName(function) { return false }
                if !symbols.contains(where: { evaluator.dependsOn($0, with) }) {
                    found = "∂\(printer.print(of))/∂\(with)"
                }
                return false
            }
        }
        return found
    }

    /// A shape error as a mismatch whose counterexample lists the declared shapes.
    func shapeMismatch(_ message: String, _ terms: [Expression]) -> Verdict {
        let symbols = Set(terms.flatMap(\.freeSymbols)).sorted { $0.description < $1.description }
        let shapes = symbols.compactMap { symbol in state.shapes[symbol].map { "\(symbol) is \($0[0])×\($0[1])" } }
        return Verdict(.mismatch, "the shapes do not agree: \(message)", against: "shape rules",
                       counterexample: Counterexample(inputs: shapes, formula: "no value (\(message))",
                                                      expected: "shapes that fit"))
    }

    /// What a derivative side was computed from: "∂L/∂W^(2) by automatic differentiation of the
    /// lesson's definitions of L, y".
    func derivativeReference(_ terms: [Expression]) -> String {
        var derivatives: [String] = []
        var used: Set<Symbol> = []
        for term in terms {
            _ = term.contains { expression in
                if case .derivative(let of, let with) = expression {
                    derivatives.append("∂\(printer.print(of))/∂\(with)")
                    var stack = Array(of.freeSymbols)
                    while let symbol = stack.popLast() {
                        guard let definition = state.definitions[symbol], used.insert(symbol).inserted else { continue }
                        stack += definition.freeSymbols
                    }
                }
                return false
            }
        }
        let names = used.map { symbol in "\(symbol)" + (state.definedAt[symbol].map { " (line \($0))" } ?? "") }.sorted()
        let subject = derivatives.first ?? "the derivative"
        return names.isEmpty ? "\(subject) by automatic differentiation"
            : "\(subject) by automatic differentiation of the lesson's definitions of " + names.joined(separator: ", ")
    }

    func definitionsReference(_ terms: [Expression]) -> String {
        let defined = Set(terms.flatMap(\.freeSymbols).map { $0.index == nil ? $0 : $0.withoutIndex })
            .filter { state.definitions[$0] != nil }
        if defined.isEmpty { return "algebra (both sides evaluated at random points)" }
        return "the lesson's definitions of " + defined.map { "\($0)" + (state.definedAt[$0].map { " (line \($0))" } ?? "") }
            .sorted().joined(separator: ", ")
    }

    /// `W x = z` after `z = Wx + b`: names the term of a definition that one side leaves out.
    func droppedTerm(_ a: Expression, _ b: Expression, _ evaluator: Evaluator) -> String? {
        for (reference, other) in [(a, b), (b, a)] {
            guard let symbol = referencedSymbol(reference), let definition = state.definitions[symbol] else { continue }
            let parts = summands(definition)
            guard parts.count > 1 else { continue }
            for (index, part) in parts.enumerated() {
                let others = parts.enumerated().filter { $0.offset != index }.map(\.element)
                let rest = others.dropFirst().reduce(others[0]) { sum, next in .add(sum, next) }
                var copy = evaluator
                guard let left = try? copy.value(of: other), let right = try? copy.value(of: rest),
                    left.isClose(to: right) else { continue }
                return "it drops the term `\(printer.print(part))` of \(symbol) = \(printer.print(definition))"
                    + (state.definedAt[symbol].map { " (line \($0))" } ?? "")
            }
        }
        return nil
    }

    /// The symbol an expression stands for: `z`, or a column of its entries `(z_1, …, z_6)ᵀ`.
    func referencedSymbol(_ expression: Expression) -> Symbol? {
        if case .variable(let symbol) = expression { return symbol }
        if case .matrix(let rows) = expression {
            let parents = Set(rows.flatMap { $0 }.compactMap { $0.asSymbol?.index != nil ? $0.asSymbol?.withoutIndex : nil })
            if parents.count == 1, rows.flatMap({ $0 }).allSatisfy({ $0.asSymbol?.index != nil }) { return parents.first }
        }
        return nil
    }

    func summands(_ expression: Expression) -> [Expression] {
        if case .add(let a, let b) = expression { return summands(a) + summands(b) }
        return [expression]
    }
}
