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
        if relations.isEmpty { return mention(terms[0]) }
        if relations.contains(.comparison) || relations.contains(.approximately) {
            return Verdict(.unchecked, "inequalities and approximations are stated, not checked")
        }
        if relations.contains(.element) { return declaration(formula) }
        if relations.allSatisfy({ $0 == .arrowRight }), terms.count > 2, terms.allSatisfy(Self.isWidth) {
            // `a $3 \to 4 \to 2$ network`: the widths of a network's layers.
            return Verdict(
                .definition,
                "describes a network of layer widths "
                    + terms.map { printer.print($0) }.joined(separator: " → "))
        }
        if relations.count == 1, relations[0] == .assignLeft || relations[0] == .arrowRight {
            return update(formula)
        }
        guard relations.allSatisfy({ $0 == .equals }) else {
            return Verdict(.unchecked, "a chain of different relations is not checked")
        }
        if LayerInstance.involvesGenericLayers(terms), let verdict = layered(terms) { return verdict }
        if let head = functionHead(terms[0]), !isIdentity(head) {
            return functionDefinition(head, Array(terms.dropFirst()))
        }
        if terms.count == 2, case .sum(let index, nil, nil, .variable(let entry)) = terms[0], entry.index == index,
            terms[1] == .number(1), !state.definitions.keys.contains(where: { $0.withoutIndex == entry.withoutIndex })
        {
            // `\sum_k t_k = 1`: a constraint on t, used when drawing it later.
            state.domains[entry.withoutIndex] = .distribution
            return Verdict(
                .definition, "constrains the entries of \(entry.withoutIndex) to sum to 1; later checks draw it so")
        }
        if terms.count == 2, case .variable(let symbol) = terms[0], case .number(let value) = terms[1] {
            // `one sample $x = 2$`, `when $t = 1$`: a value the prose talks about, not a definition
            // later formulas should use; the next formula is read with it, and a later one that
            // fails in general may hold for it (a worked example).
            guard !isFunctionName(symbol) else {
                return Verdict(
                    .unchecked, "states the value \(symbol) = \(Tensor.format(value)); not kept as a definition")
            }
            if let line = state.definedAt[symbol], state.definitions[symbol] != nil {
                // `at the extreme $p = 0$` of a defined p: a point the next formula is read at, no more.
                state.caseValues[symbol] = value
                return Verdict(
                    .definition,
                    "states the value \(symbol) = \(Tensor.format(value)) (of \(symbol) defined at "
                        + "line \(line)) for the formula that follows")
            }
            if case .values(let allowed)? = state.domains[symbol], !allowed.contains(value) {
                return Verdict(
                    .mismatch,
                    "\(symbol) = \(Tensor.format(value)) is outside the values {"
                        + allowed.map(Tensor.format).joined(separator: ", ") + "} the lesson allows for \(symbol)",
                    against: "the lesson's constraint on \(symbol)",
                    counterexample: Counterexample(
                        inputs: [], formula: Tensor.format(value),
                        expected: "one of " + allowed.map(Tensor.format).joined(separator: ", ")))
            }
            if let domain = state.domains[symbol], domain == .distribution || domain == .oneHot {
                // `label $t = 1$` after t was a distribution: the lesson now uses the name for a number.
                state.domains[symbol] = nil
            }
            state.statedValues[symbol] = (value, line)
            state.caseValues[symbol] = value
            return Verdict(
                .definition,
                "states the value \(symbol) = \(Tensor.format(value)) for the formula that follows "
                    + "and for worked examples later")
        }
        // A symbol defined in terms of itself (`t = t^2`) is an equation to check, not a definition.
        if case .variable(let symbol) = terms[0], !isFunctionName(symbol),
            !terms.dropFirst().contains(where: { $0.freeSymbols.contains(symbol) })
        {
            return symbolDefinition(symbol, Array(terms.dropFirst()))
        }
        if terms.count == 2, case .variable(let symbol) = terms[1], state.definitions[symbol] == nil,
            state.shapes[symbol] == nil, !isFunctionName(symbol), !terms[0].freeSymbols.contains(symbol)
        {
            return symbolDefinition(symbol, [terms[0]])
        }
        return equation(terms)
    }

    /// `H(t, t) = H(t)`, `H(t, p) = H(t) + D(t ‖ p)`: a lesson function already defined with
    /// these many arguments, or applied to a repeated argument, is used in an equation, not defined.
    func isIdentity(_ head: FunctionHead) -> Bool {
        guard head.order == 0, catalog.function(forKey: head.name.key) == nil else { return false }
        if Set(head.parameters).count != head.parameters.count { return true }
        let key = head.name.key
        for candidate in [key + "#\(head.parameters.count)", key] {
            if case .expression(let parameters, _)? = state.functions[candidate],
                parameters.count == head.parameters.count
            {
                return true
            }
        }
        return false
    }

    /// A positive whole number, as a layer's width.
    static func isWidth(_ term: Expression) -> Bool {
        if case .number(let value) = term { return value >= 1 && value == value.rounded() }
        return false
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
            return Verdict(
                .unchecked, "\(unrelated): nothing the lesson defined links them, so there is nothing to differentiate")
        }
        var scalarOnly = usesDerivatives
        let prepare = indexPreparation(terms)
        if usesDerivatives, involvesDeclaredShapes(terms) {
            // Vectors and matrices as declared (∂L/∂W laid out like W); if that reading fails,
            // the scalar-network reading below decides.
            let sides = terms.count == 2 ? "both sides agree" : "all \(terms.count) sides agree"
            let reading = "vectors and matrices with their declared shapes"
            switch comparison.compare(terms, scalarOnly: false, prepare: prepare) {
            case .agree(let points, let evaluator):
                let note = Self.convention(evaluator, scalarOnly: false, derivatives: true)
                return Verdict(
                    .verified,
                    "\(sides) at \(points) points (\(reading), ∂L/∂W laid out like W"
                        + "\(note.isEmpty ? "" : "; " + note.dropFirst(2).dropLast()))",
                    against: derivativeReference(terms))
            case .differ(let side, let example, let evaluator) where evaluator.undeclaredInputs.isEmpty:
                // Every input has a declared shape, so this reading is the lesson's own. The other
                // common layout writes ∂L/∂W like Wᵀ (numerator layout): accepted, and said.
                let transposed = [Expression.transpose(terms[0])] + terms.dropFirst()
                if case .derivative = terms[0],
                    case .agree(let points, _) = comparison.compare(transposed, scalarOnly: false, prepare: prepare)
                {
                    return Verdict(
                        .verified,
                        "\(sides) at \(points) points (\(reading), with the derivative in numerator "
                            + "layout: ∂L/∂W laid out like Wᵀ)", against: derivativeReference(terms))
                }
                return Verdict(
                    .mismatch, "`\(printer.print(terms[side]))` differs from `\(printer.print(terms[0]))` (\(reading))",
                    against: derivativeReference(terms), counterexample: example)
            case .failed(.shape(let message), let undeclared) where !undeclared:
                return shapeMismatch(message, terms)
            default:
                break
            }
        }
        var outcome = comparison.compare(terms, scalarOnly: scalarOnly, prepare: prepare)
        if case .failed(.shape(let message), let undeclared) = outcome, !scalarOnly {
            if !undeclared { return shapeMismatch(message, terms) }
            scalarOnly = true
            outcome = comparison.compare(terms, scalarOnly: true, prepare: prepare)
        }
        if case .differ = outcome, let constraint = neededConstraint(terms, scalarOnly: scalarOnly, prepare: prepare) {
            return Verdict(
                .unchecked,
                "holds only if \(constraint), which the lesson does not state; say so "
                    + "(e.g. `<!-- litmus: assume \(constraint.split(separator: " ").first ?? "t") one-hot -->`) to have it checked"
            )
        }
        let drawn: Evaluator?
        switch outcome {
        case .agree(_, let evaluator), .differ(_, _, let evaluator): drawn = evaluator
        case .failed: drawn = nil
        }
        let convention = Self.convention(drawn, scalarOnly: scalarOnly, derivatives: usesDerivatives)
        let against = usesDerivatives ? derivativeReference(terms) : definitionsReference(terms)
        switch outcome {
        case .agree(let points, _):
            let sides = terms.count == 2 ? "both sides agree" : "all \(terms.count) sides agree"
            return Verdict(.verified, "\(sides) at \(points) points\(convention)", against: against)
        case .differ(let side, let example, let evaluator):
            if let example = workedExample(terms, scalarOnly: scalarOnly, prepare: prepare) { return example }
            var message = "`\(printer.print(terms[side]))` differs from `\(printer.print(terms[0]))`\(convention)"
            if let dropped = droppedTerm(terms[0], terms[side], evaluator) { message += "; \(dropped)" }
            return Verdict(.mismatch, message, against: against, counterexample: example)
        case .failed(let failure, _):
            return Verdict(.unchecked, "cannot evaluate: \(failure)")
        }
    }

    /// An equation that differs in general but holds for the values the prose stated
    /// (`$x = 2$`, `$\eta = 0.05$` … `$1 - 2\eta x^{2} = 0.6$`): verified for those values, and said.
    func workedExample(
        _ terms: [Expression], scalarOnly: Bool,
        prepare: @escaping (inout Evaluator) throws(EvaluationFailure) -> Void
    ) -> Verdict? {
        let used = Set(terms.flatMap(\.freeSymbols))
        let stated = state.statedValues.filter { used.contains($0.key) && state.caseValues[$0.key] == nil }
        guard !stated.isEmpty else { return nil }
        var example = state
        for (symbol, value) in stated { example.caseValues[symbol] = value.value }
        guard
            case .agree = Comparison(state: example, samples: samples).compare(
                terms, scalarOnly: scalarOnly, prepare: prepare)
        else { return nil }
        let values = stated.sorted { $0.key.description < $1.key.description }
            .map { "\($0.key) = \(Tensor.format($0.value.value)) (line \($0.value.line))" }
        return Verdict(
            .verified, "holds for the values the lesson states: " + values.joined(separator: ", "),
            against: "the lesson's worked example")
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

    /// Whether a symbol of the terms, or of the definitions they use, has a declared shape.
    func involvesDeclaredShapes(_ terms: [Expression]) -> Bool {
        var seen: Set<Symbol> = []
        var stack = terms.flatMap { Array($0.freeSymbols) }
        while let symbol = stack.popLast() {
            guard seen.insert(symbol).inserted else { continue }
            if state.shapes[symbol] != nil || state.shapes[symbol.withoutIndex] != nil { return true }
            if let definition = state.definitions[symbol] { stack += definition.freeSymbols }
        }
        return false
    }

    /// How the inputs were read: " (scalar network: …)", " (z, t vectors of 4 entries; t one-hot)".
    static func convention(_ evaluator: Evaluator?, scalarOnly: Bool, derivatives: Bool) -> String {
        guard let evaluator else { return "" }
        let vectors = evaluator.bindings.filter { !$0.value.isSingle }.map(\.key.description).sorted()
        var notes: [String] = []
        if vectors.isEmpty {
            if scalarOnly {
                notes.append(
                    derivatives
                        ? "scalar network: one neuron per layer, every symbol a scalar"
                        : "every symbol read as a scalar")
            }
        } else if scalarOnly {
            let length = evaluator.bindings.first { !$0.value.isSingle }.map { $0.value.rows * $0.value.columns } ?? 0
            notes.append(
                "\(vectors.joined(separator: ", ")) as vectors of \(length) entries, every other symbol a scalar")
        }
        for (symbol, domain) in evaluator.domains.sorted(by: { $0.key.description < $1.key.description })
        where evaluator.bindings[symbol] != nil {
            switch domain {
            case .oneHot: notes.append("\(symbol) one-hot")
            case .distribution: notes.append("the entries of \(symbol) summing to 1")
            case .values(let values): notes.append("\(symbol) ∈ {\(values.map(Tensor.format).joined(separator: ", "))}")
            case .probability: notes.append("\(symbol) in (0, 1)")
            case .positive: notes.append("\(symbol) > 0")
            case .real: break
            }
        }
        return notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")"
    }

    /// `∂L/∂z_i`, `∂p_k/∂z_j`: binds each free index (i, j, k, and the c of a definition
    /// `t_k = 1 if k = c`) to an entry, respecting the case the prose stated just before
    /// (`for $j \neq k$`), and draws z as a vector, so derivatives with respect to one entry of a
    /// vector can be taken.
    func indexPreparation(_ terms: [Expression]) -> (inout Evaluator) throws(EvaluationFailure) -> Void {
        var vectors: [Symbol] = []
        var letters: Set<String> = []
        for term in terms {
            _ = term.contains { expression in
                if case .derivative(_, let variable) = expression, let index = variable.index,
                    index.count == 1, index.first!.isLetter
                {
                    letters.insert(index)
                    vectors.append(variable.withoutIndex)
                }
                return false
            }
        }
        letters.formUnion(freeIndexLetters(terms))
        guard !letters.isEmpty else { return { _ in } }
        let shapes = state.shapes
        let entrywise = Set(state.definitions.keys.filter { $0.index != nil }.map(\.withoutIndex))
        let definitions = state.definitions
        let condition = state.indexCondition
        return { evaluator throws(EvaluationFailure) in
            let length = evaluator.vectorLength
            for _ in 0..<32 {
                for letter in letters.sorted() {
                    evaluator.bindIndex(letter, to: evaluator.randomInteger(in: 1...length))
                }
                guard let condition, case .variable(let a) = condition.lhs, case .variable(let b) = condition.rhs,
                    let i = evaluator.boundIndex(a.name), let j = evaluator.boundIndex(b.name)
                else { break }
                if condition.holds(Double(i), Double(j)) { break }
            }
            for vector in vectors
            where shapes[vector] == nil && definitions[vector] == nil && !entrywise.contains(vector) {
                evaluator.provide(vector, evaluator.draw(vector, shape: [evaluator.vectorLength, 1]))
            }
        }
    }

    /// The index letters a formula leaves free, in its terms and in the entrywise definitions
    /// it reaches: the k and j of `∂p_k/∂z_j`, the c of `t_k = 1 if k = c`.
    func freeIndexLetters(_ terms: [Expression]) -> Set<String> {
        var letters: Set<String> = []
        var seen: Set<Symbol> = []
        var work: [(Expression, Set<String>)] = terms.map { ($0, []) }
        while let (expression, own) = work.popLast() {
            for symbol in expression.freeSymbols {
                if let index = symbol.index, index.count <= 2, index.allSatisfy({ $0.isLowercase }) {
                    for letter in index where !own.contains(String(letter)) { letters.insert(String(letter)) }
                } else if symbol.index == nil, symbol.label == nil, symbol.accents.isEmpty, symbol.name.count == 1,
                    !own.contains(symbol.name), state.definitions[symbol] == nil, state.shapes[symbol] == nil,
                    state.index.indexLetters[symbol.name] != nil, symbol.name.first!.isLowercase,
                    expression.contains(where: Self.isIndexComparison(symbol))
                {
                    letters.insert(symbol.name)
                }
                guard seen.insert(symbol).inserted else { continue }
                if let definition = state.definitions[symbol] { work.append((definition, [])) }
                for (key, body) in state.definitions
                where key.index?.count == 1 && key.withoutIndex == symbol.withoutIndex
                    && key != symbol
                {
                    work.append((body, [key.index!]))
                }
            }
        }
        return letters
    }

    /// Whether an expression is a case condition comparing `symbol` (`k = c` in a `cases`).
    static func isIndexComparison(_ symbol: Symbol) -> (Expression) -> Bool {
        { expression in
            guard case .piecewise(let pieces) = expression else { return false }
            return pieces.contains { piece in
                guard let condition = piece.condition else { return false }
                return condition.lhs == .variable(symbol) || condition.rhs == .variable(symbol)
            }
        }
    }

    /// A constraint on one input under which the sides agree (`t one-hot`, `t ∈ {0, 1}`): the
    /// formula may be right for what the author had in mind, so it is not called a mismatch.
    func neededConstraint(
        _ terms: [Expression], scalarOnly: Bool,
        prepare: @escaping (inout Evaluator) throws(EvaluationFailure) -> Void
    ) -> String? {
        var probe = state.evaluator(seed: 99, scalarOnly: scalarOnly)
        try? prepare(&probe)
        for term in terms { _ = try? probe.value(of: term) }
        let inputs = probe.bindings.filter { state.domains[$0.key] == nil }.sorted {
            $0.key.description < $1.key.description
        }
        for (symbol, value) in inputs {
            let candidates: [(Domain, String)] =
                value.isSingle
                ? [(.values([0, 1]), "\(symbol) ∈ {0, 1}")]
                : [(.oneHot, "\(symbol) is one-hot"), (.distribution, "the entries of \(symbol) sum to 1")]
            for (domain, text) in candidates {
                var constrained = state
                constrained.domains[symbol] = domain
                if value.isSingle == false { constrained.domains[symbol.withoutIndex] = domain }
                let outcome = Comparison(state: constrained, samples: samples).compare(
                    terms, scalarOnly: scalarOnly,
                    prepare: {
                        evaluator throws(EvaluationFailure) in
                        try prepare(&evaluator)
                        if !value.isSingle {
                            evaluator.provide(symbol, evaluator.draw(symbol, shape: [value.rows, value.columns]))
                        }
                    })
                if case .agree = outcome { return text }
            }
        }
        return nil
    }

    /// A shape error as a mismatch whose counterexample lists the declared shapes.
    func shapeMismatch(_ message: String, _ terms: [Expression]) -> Verdict {
        let symbols = Set(terms.flatMap(\.freeSymbols)).sorted { $0.description < $1.description }
        let shapes = symbols.compactMap { symbol in state.shapes[symbol].map { "\(symbol) is \($0[0])×\($0[1])" } }
        return Verdict(
            .mismatch, "the shapes do not agree: \(message)", against: "shape rules",
            counterexample: Counterexample(
                inputs: shapes, formula: "no value (\(message))",
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
        let names = used.map { symbol in "\(symbol)" + (state.definedAt[symbol].map { " (line \($0))" } ?? "") }
            .sorted()
        let subject = derivatives.first ?? "the derivative"
        return names.isEmpty
            ? "\(subject) by automatic differentiation"
            : "\(subject) by automatic differentiation of the lesson's definitions of " + names.joined(separator: ", ")
    }

    func definitionsReference(_ terms: [Expression]) -> String {
        let defined = Set(terms.flatMap(\.freeSymbols).map { $0.index == nil ? $0 : $0.withoutIndex })
            .filter { state.definitions[$0] != nil }
        if defined.isEmpty { return "algebra (both sides evaluated at random points)" }
        return "the lesson's definitions of "
            + defined.map { "\($0)" + (state.definedAt[$0].map { " (line \($0))" } ?? "") }
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
                    left.isClose(to: right)
                else { continue }
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
            let parents = Set(
                rows.flatMap { $0 }.compactMap { $0.asSymbol?.index != nil ? $0.asSymbol?.withoutIndex : nil })
            if parents.count == 1, rows.flatMap({ $0 }).allSatisfy({ $0.asSymbol?.index != nil }) {
                return parents.first
            }
        }
        return nil
    }

    func summands(_ expression: Expression) -> [Expression] {
        if case .add(let a, let b) = expression { return summands(a) + summands(b) }
        return [expression]
    }
}
