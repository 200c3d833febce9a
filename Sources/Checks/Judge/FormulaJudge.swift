import Formulas

/// Decides the verdict of one formula given the lesson's reading so far, and records what the
/// formula defines or assumes.
///
/// A formula is read as a grammar reads a sentence: with no relation it is a mention; `∈` makes
/// a declaration; an arrow or a `t + 1` on the left makes an update rule; otherwise it is a
/// chain of links (`a = b = c`, `a \le b = c`), whose first term may define a symbol, a function
/// or a sequence, and whose other links are claims checked at random points.
struct FormulaJudge {
    let catalog: Catalog
    var reading: LessonReading
    var context: FormulaContext
    var samples: Int
    let printer = ExpressionPrinter()

    init(catalog: Catalog, reading: LessonReading, context: FormulaContext, samples: Int) {
        self.catalog = catalog
        self.reading = reading
        self.context = context
        self.samples = samples
    }

    var line: Int { context.line }

    mutating func verdict(_ formula: Formula) -> Verdict {
        let terms = formula.terms
        let relations = formula.relations
        if relations.isEmpty {
            if let (subject, shape) = context.shapeStatement { return shapeStatement(subject, shape) }
            return mention(terms[0])
        }
        if relations.contains(.element) { return declaration(formula) }
        if relations.count == 1, relations[0] == .assignLeft || relations[0] == .arrowRight {
            return update(target: terms[0], rule: terms[1], arrow: relations[0])
        }
        if relations.allSatisfy({ $0 == .arrowRight }), terms.allSatisfy(Self.isWidth) {
            // `a $3 \to 4 \to 2$ network`: the widths of a network's layers, nothing to check.
            return Verdict(
                .mention,
                "the layer widths " + terms.map { printer.print($0) }.joined(separator: " → ") + " of a network")
        }
        if relations[0] == .other(":"), case .variable(let function) = terms[0] {
            // `f: \mathbb{R}^n \to \mathbb{R}`: where a function goes from and to.
            reading.note(function, is: .function(arity: 1), evidence: .declared)
            return Verdict(
                .definition,
                "declares \(function): " + terms.dropFirst().map { printer.print($0) }.joined(separator: " → "))
        }
        if relations.allSatisfy({ $0 == .other("↦") || $0 == .arrowRight }), relations.contains(.other("↦")) {
            // `x \mapsto f(x)`: a mapping the lesson describes.
            return Verdict(
                .definition, "describes the mapping " + terms.map { printer.print($0) }.joined(separator: " ↦ "))
        }
        if relations.count == 1, relations[0] == .distributed, case .variable(let symbol) = terms[0] {
            reading.note(symbol, is: .scalar, evidence: .words)
            if let law = RandomLaw.reading(terms[1]) {
                reading.laws[symbol] = law
                // `W_{ij} \sim \mathcal{N}(0, \frac{2}{n_{\text{in}}})`: weights drawn as an initialisation draws them.
                switch law {
                case .normal(.number(0), let variance):
                    if let verdict = initialisation(variance, as: [.variance, .deviation]) { return verdict }
                case .uniform(let lower, let upper):
                    if let verdict = initialisation(upper, as: [.bound], lower: lower) { return verdict }
                default: break
                }
            }
            return Verdict(.definition, "states that \(symbol) is drawn from \(printer.print(terms[1]))")
        }
        if relations[0] == .equals || relations[0] == .defines {
            if let head = functionHead(terms[0]) { return functionStatement(head, terms, relations) }
            if relations[0] == .defines, terms[0].asSymbol == nil {
                // `\frac{a}{b} \equiv \frac{a a^\top}{a^\top b}`: a notation the lesson defines.
                return Verdict(
                    .definition, "defines the notation `\(printer.print(terms[0]))` as `\(printer.print(terms[1]))`")
            }
            if case .variable(let symbol) = terms[0], let verdict = symbolStatement(symbol, terms, relations) {
                return verdict
            }
            if terms.count == 2, case .power(.variable(let symbol), .number(2)) = terms[0],
                reading.definitions[symbol] == nil, reading.statedValues[symbol] == nil,
                !terms[1].freeSymbols.contains(symbol), reading.arrayShape(symbol) == nil
            {
                // `\sigma_B^2 = \frac{1}{m} \sum_i (x_i - \mu_B)^2`: a variance names its square.
                let verdict = define(symbol, as: .call(FunctionName("sqrt"), derivative: 0, [terms[1]]), forms: [])
                if verdict.status == .definition {
                    return Verdict(.definition, "defines \(symbol)² = \(printer.print(terms[1]))")
                }
                return verdict
            }
            if terms.count == 2, case .variable(let function) = terms[0], reading.isAppliedName(function),
                FormulaJudge.constantValue(terms[1]) != nil
            {
                // `the function $f = 0$`: a function taken to be a constant.
                return Verdict(.definition, "takes \(function) to be the constant function \(printer.print(terms[1]))")
            }
            if terms.count == 2, case .variable(let symbol) = terms[1], !Evaluator.isIdentity(symbol),
                reading.definitions[symbol] == nil,
                reading.arrayShape(symbol) == nil, !reading.isFunctionName(symbol), symbol.index == nil,
                !terms[0].freeSymbols.contains(symbol), !reading.index.counts.contains(symbol.name),
                reading.statedValues[symbol] == nil,
                !reading.laws.values.contains(where: { $0.parameters.contains { $0.freeSymbols.contains(symbol) } })
            {
                // `Let $Wx + b = z$`: the name is on the right.
                return define(symbol, as: terms[0], forms: [])
            }
        }
        return chain(terms, relations)
    }

    /// A positive whole number, as a layer's width.
    static func isWidth(_ term: Expression) -> Bool {
        if case .number(let value) = term { return value >= 1 && value == value.rounded() }
        return false
    }

    // MARK: - Mentions

    /// A formula with no relation: it states nothing to check. The message says what the
    /// reading makes of it.
    func mention(_ term: Expression) -> Verdict {
        switch term {
        case .variable(let symbol) where reading.isFunctionName(symbol):
            let engine = catalogFunction(for: FunctionName(symbol.name)).map { " (\($0.engineName))" } ?? ""
            return Verdict(.mention, "names the function \(symbol.name)\(engine)")
        case .variable(let symbol):
            var parts: [String] = []
            if let place = whereIs(symbol) { parts.append(place) }
            if let (kind, _) = reading.kind(of: symbol) {
                parts.append(kind.description)
            } else if let shape = reading.arrayShape(symbol) {
                parts.append(SymbolKind.array(shape).description)
            }
            if let partner = reading.replacements[symbol] { parts.append("in place of \(partner)") }
            return Verdict(.mention, "names \(symbol)" + (parts.isEmpty ? "" : ", " + parts.joined(separator: "; ")))
        case .number(let value):
            return Verdict(.mention, "the number \(Tensor.format(value))")
        case .realSpace, .finiteSet:
            return Verdict(.mention, "the set \(printer.print(term))")
        case .tuple(let entries):
            let written = entries.count <= 6 ? ": " + entries.map { printer.print($0) }.joined(separator: ", ") : ""
            return Verdict(.mention, "a list of \(entries.filter { $0 != .ellipsis }.count) entries\(written)")
        default:
            return Verdict(.mention, "the expression `\(printer.print(term))`")
        }
    }

    /// `$W$ : a matrix of shape $(m, n)$`: the sizes the prose states, checked against the
    /// lesson's definitions that use the symbol (with every size the prose states, and sizes
    /// named differently taken as different).
    func shapeStatement(_ subject: Symbol, _ shape: Shape) -> Verdict {
        let statement = "\(subject) is \(shape)"
        let uses = reading.definitions.filter { $0.key == subject || $0.value.freeSymbols.contains(subject) }
            .sorted {
                (reading.definedAt[$0.key] ?? 0, $0.key.description) < (
                    reading.definedAt[$1.key] ?? 0, $1.key.description
                )
            }
        guard !uses.isEmpty else { return Verdict(.definition, "states that \(statement)") }
        var stated: [Symbol: Shape] = [:]
        for (symbol, (kind, evidence)) in reading.kindsHere where evidence >= .words {
            if case .array(let known) = kind { stated[symbol] = known }
        }
        stated[subject] = shape
        var inference = ShapeInference(shapes: stated, shapePreserving: reading.shapePreservingKeys)
        inference.unstatedAreUnknown = true
        inference.namesAreDistinct = true
        for (head, body) in uses { inference.constrainEqual(.variable(head), body) }
        let places = uses.map {
            "\($0.key) = \(printer.print($0.value))" + (reading.definedAt[$0.key].map { " (line \($0))" } ?? "")
        }
        guard inference.isConsistent else {
            let conflict = inference.conflict ?? "the sizes do not fit"
            return Verdict(
                .mismatch, "\(statement) does not fit \(places.joined(separator: "; ")): \(conflict)",
                against: "shape rules",
                counterexample: Counterexample(inputs: [statement], formula: conflict, expected: "sizes that fit"))
        }
        return Verdict(
            .verified, "\(statement), consistent with " + places.joined(separator: "; "), against: "shape rules")
    }

    /// Where the lesson's formulas define or use `symbol` ("defined at line 14"), or `nil`.
    func whereIs(_ symbol: Symbol) -> String? {
        let index = reading.index
        if let line = reading.definedAt[symbol] ?? index.defined[symbol] { return "defined at line \(line)" }
        if let line = index.used[symbol] { return "used in the formula at line \(line)" }
        if reading.isFunctionName(symbol) { return "the function \(symbol.name)" }
        if symbol.index != nil {
            let parent = symbol.withoutIndex
            if let line = reading.definedAt[parent] ?? index.defined[parent] {
                return "an entry of \(parent) (defined at line \(line))"
            }
            if let line = index.used[parent], index.indexLetters[parent.name] == nil || parent.label != nil {
                return "an entry of \(parent) (used in the formula at line \(line))"
            }
        }
        if symbol.index == nil, symbol.label == nil, symbol.accents.isEmpty, symbol.name.count == 1 {
            if let use = index.indexLetters[symbol.name] {
                return use.symbol.name == "Σ"
                    ? "the index of the sum at line \(use.line)" : "the index of \(use.symbol) at line \(use.line)"
            }
            if let use = index.labelLetters[symbol.name] {
                return "the layer in the label of \(use.symbol) at line \(use.line)"
            }
        }
        return nil
    }
}

/// What the checker knows about the place a formula stands in.
struct FormulaContext {
    /// The formula's line in the file.
    var line: Int
    /// The section it stands in (how many headings come before it).
    var section = 0
    /// The words just before it announce a condition ("if", "such that", "solve", "the minimizer"…).
    var conditionCue = false
    /// The words just before it start a new example ("e.g.", "for instance").
    var exampleCue = false
    /// The words just before it loosely announce a condition ("where", "those matrices where").
    var looseConditionCue = false
    /// The word just before it draws a consequence ("so", "hence", "thus"): a symbol written
    /// again after it is a claim about the quantity defined before, not a new definition.
    var consequenceCue = false
    /// The words around it, lower-cased (to find the name of a function the prose gives).
    var words: [String] = []
    /// A catalog name forced by `<!-- litmus: engine=… -->`.
    var engine: String? = nil
    /// The sizes this formula states for the symbol named just before it (`$W$ : a matrix of
    /// shape $(m, n)$`).
    var shapeStatement: (subject: Symbol, shape: Shape)? = nil
}
