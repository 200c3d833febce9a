import LitmusDiagnostics
import TeX

/// Lowers a TeX syntax tree to a `Formula`: terms split at relations, each term read with the
/// usual precedence (sums of products of factors), juxtaposition as multiplication.
///
/// What a name means depends on the lesson so far: `\sigma(x)` is a call because `σ` names a
/// function, `a(b + c)` is a product because `a` does not. Superscripts in parentheses (`W^{(2)}`)
/// are layer labels, not powers. Lints the TeX module reports (`W{(2)}`, `b^(l)`, `RelU`,
/// `max(0,z)`) are read as the author meant.
public struct Lowerer: Sendable {
    /// Normalised names (see `FunctionName.normalise`) read as functions when followed by arguments.
    public var functionKeys: Set<String>

    /// The elementary functions every lesson may use.
    public static let elementaryFunctions: Set<String> = [
        "exp", "log", "ln", "max", "min", "abs", "sqrt", "sin", "cos", "tan", "sinh", "cosh", "tanh", "sign", "sgn",
        "floor", "ceil", "erf", "Φ", "det", "tr", "trace", "argmax", "argmin", "norm", "factorial",
    ]
    /// Letters conventionally naming a function (`f(z)`) when followed by parentheses.
    public static let functionLetters: Set<String> = ["f", "g", "φ", "ϕ", "ψ"]

    /// What the lesson's formulas say about names: values (`p` of `p = σ(z)`, which multiplies
    /// when followed by parentheses) and the layer labels each symbol carries.
    public var survey: NameSurvey

    /// Creates a lowerer that reads `functionKeys` (plus the elementary functions) as functions.
    public init(functionKeys: Set<String> = [], survey: NameSurvey = NameSurvey()) {
        self.functionKeys = functionKeys.adding(Self.elementaryFunctions).adding(survey.functionKeys)
        self.survey = survey
    }

    /// The formula of a parsed span (the root `.row` of a `TeXParseResult`).
    public func lower(_ root: TeXNode) throws(LoweringFailure) -> Formula {
        try lower(items: TermReader.flatten(root), range: root.range)
    }

    /// `lower` of a root whose items (`TermReader.flatten`) are `items` and whose range is `range`.
    private func lower(items: [TeXNode], range rootRange: SourceRange) throws(LoweringFailure) -> Formula {
        var terms: [Expression] = []
        var relations: [Formula.Relation] = []
        var ranges: [SourceRange] = []
        var current: [TeXNode] = []
        func close(at range: SourceRange) throws(LoweringFailure) {
            var trimmed = current
            while let last = trimmed.last, case .symbol(let symbol) = last.kind,
                symbol.atomClass == .punctuation || [".", ",", ";"].contains(symbol.text)
            {
                trimmed.removeLast()
            }
            guard !trimmed.isEmpty else {
                throw LoweringFailure(.missingSide, at: range)
            }
            var reader = TermReader(items: trimmed, lowerer: self)
            terms.append(try reader.readAll())
            ranges.append(SourceRange(start: trimmed[0].range.start, end: trimmed[trimmed.count - 1].range.end))
            current = []
        }
        for item in items {
            if let relation = Self.relation(of: item) {
                try close(at: item.range)
                relations.append(relation)
            } else {
                current.append(item)
            }
        }
        if current.isEmpty, let last = relations.last, !terms.isEmpty {
            // A span of a group may end with `=`; an equation that ends there has nothing to check.
            throw LoweringFailure(.missingSide, last.description, at: items.last?.range)
        }
        try close(at: items.last?.range ?? rootRange)
        return Formula(terms: terms, relations: relations, termRanges: ranges)
    }

    /// The statements of a span: `z = w x + b, \qquad a = f(z).` is two formulas. A comma splits
    /// only where both parts have a relation (a tuple `(a, b)` or `f(x, y)` stays whole).
    public func lowerStatements(_ root: TeXNode) throws(LoweringFailure) -> [Formula] {
        let items = TermReader.flatten(root)
        if let statements = Self.displayStatements(flattened: items) {
            var formulas: [Formula] = []
            for statement in statements { formulas += try lowerStatements(statement) }
            return formulas
        }
        let isSeparator: (TeXNode) -> Bool = { item in
            guard case .symbol(let symbol) = item.kind else { return false }
            return symbol.text == "," || symbol.text == ";" || Self.implications.contains(symbol.source)
        }
        // Most spans hold no comma: one statement, with no parts to gather.
        guard items.contains(where: isSeparator) else { return [try lower(items: items, range: root.range)] }
        var parts: [[TeXNode]] = [[]]
        for item in items {
            if isSeparator(item) {
                parts.append([])
            } else {
                parts[parts.count - 1].append(item)
            }
        }
        let hasRelation: ([TeXNode]) -> Bool = { part in
            part.contains { node in
                return Self.relation(of: node) != nil
            }
        }
        guard parts.count > 1, parts.allSatisfy(hasRelation) else {
            return [try lower(items: items, range: root.range)]
        }
        return try parts.map { part throws(LoweringFailure) in
            try lower(TeXNode(.row(part), SourceRange(start: part[0].range.start, end: part[part.count - 1].range.end)))
        }
    }

    /// The entries of a list with no relation, `z_1, \dots, z_K`, without its dots; `nil` when
    /// the span is not such a list.
    public func lowerList(_ root: TeXNode) -> [Expression]? {
        var parts: [[TeXNode]] = [[]]
        for item in TermReader.flatten(root) {
            if case .symbol(let symbol) = item.kind {
                if Self.relation(symbol) != nil { return nil }
                if symbol.text == "," {
                    parts.append([])
                    continue
                }
                if ["…", "⋯", "⋮", "⋱", "...", "."].contains(symbol.text) { continue }
            }
            parts[parts.count - 1].append(item)
        }
        parts.removeAll { $0.isEmpty }
        guard parts.count > 1 else { return nil }
        var entries: [Expression] = []
        for part in parts {
            let row = TeXNode(.row(part), SourceRange(start: part[0].range.start, end: part[part.count - 1].range.end))
            guard let formula = try? lower(row), formula.relations.isEmpty else { return nil }
            entries.append(formula.terms[0])
        }
        return entries
    }

    /// The relation a node stands for: a relation symbol, or one with material over it
    /// (`\stackrel{\text{def}}{=}` defines); `nil` for anything else.
    static func relation(of node: TeXNode) -> Formula.Relation? {
        switch node.kind {
        case .symbol(let symbol): return relation(symbol)
        case .overUnder(_, let over, let under, let base):
            let inner = TermReader.flatten(base)
            guard inner.count == 1, case .symbol(let symbol) = inner[0].kind, let relation = relation(symbol) else {
                return nil
            }
            return (over != nil || under != nil) && relation == .equals ? .defines : relation
        default: return nil
        }
    }

    /// The relation a symbol stands for, or `nil` if it is not one.
    static func relation(_ symbol: TeXSymbol) -> Formula.Relation? {
        guard symbol.atomClass == .relation else { return nil }
        switch symbol.source {
        case "=": return .equals
        case ":=", "\\coloneqq", "\\triangleq", "\\equiv", "\\doteq", "\\eqqcolon", "≔": return .defines
        case "\\in": return .element
        case "\\leftarrow", "\\gets", "\\longleftarrow": return .assignLeft
        case "\\rightarrow", "\\to", "\\longrightarrow": return .arrowRight
        case "\\approx": return .approximately
        case "\\sim": return .distributed
        default:
            switch symbol.text {
            case "=": return .equals
            case "≔", "≜", "≡", "≐": return .defines
            case "∈": return .element
            case "←": return .assignLeft
            case "→": return .arrowRight
            case "≈": return .approximately
            case "<": return .less
            case "≤", "⩽", "≦": return .lessOrEqual
            case ">": return .greater
            case "≥", "⩾", "≧": return .greaterOrEqual
            case "≠": return .notEqual
            case "∼": return .distributed
            default: return .other(symbol.text)
            }
        }
    }
}

extension Lowerer {
    /// Where a span's top-level relations stand, to decide whether neighbouring spans of a group
    /// (`$W$ $x =$ $z$`) continue one formula: a span ending with `=` continues into the next.
    public struct RelationLayout: Hashable, Sendable {
        /// Whether the first item is a relation (`= z`).
        public var startsWithRelation: Bool
        /// Whether the last item is a relation (`x =`).
        public var endsWithRelation: Bool
        /// The top-level relations, in order.
        public var relations: [Formula.Relation]
        /// How many top-level relations there are.
        public var count: Int { relations.count }
    }

    /// Arrows between statements (`A = B \implies C = D`): each side is a statement of its own,
    /// as after a comma.
    static let implications: Set<String> = [
        "\\implies", "\\impliedby", "\\iff", "\\Rightarrow", "\\Longrightarrow", "\\Leftrightarrow",
        "\\Longleftrightarrow", "\\Leftarrow", "\\Longleftarrow", "⟹", "⇒", "⟺", "⇔", "⟸", "⇐",
    ]

    /// The environments a display writes its equations in: their rows are statements, `&` only
    /// aligns them.
    static let displayEnvironments: Set<String> = [
        "equation", "equation*", "align", "align*", "aligned", "alignat", "alignat*", "alignedat", "gather",
        "gather*", "gathered", "split", "multline", "multline*", "eqnarray", "eqnarray*", "flalign", "flalign*",
    ]

    /// The statements of a formula written as one display environment (`\begin{aligned} … \end{aligned}`,
    /// an `equation` around it): each row is a statement, and a row that starts with a relation
    /// (`&= …`) carries on the one before (a derivation is one chain). Cells of words only
    /// (`&& \text{by the chain rule}`) are the author's notes, not mathematics. `nil` for any other
    /// formula.
    public static func displayStatements(_ root: TeXNode) -> [TeXNode]? {
        displayStatements(flattened: TermReader.flatten(root))
    }

    /// `displayStatements` of a root whose items (`TermReader.flatten`) are `items`.
    static func displayStatements(flattened items: [TeXNode]) -> [TeXNode]? {
        guard items.count == 1, case .environment(let environment) = items[0].kind,
            displayEnvironments.contains(environment.name)
        else { return nil }
        var statements: [[TeXNode]] = []
        for row in environment.rows {
            let cells = row.map(TermReader.flatten).filter { cell in
                !cell.isEmpty && !cell.allSatisfy { if case .text = $0.kind { true } else { false } }
            }
            let rowItems = cells.flatMap { $0 }
            guard let first = rowItems.first else { continue }
            if relation(of: first) != nil, !statements.isEmpty {
                statements[statements.count - 1] += rowItems
            } else {
                statements.append(rowItems)
            }
        }
        var out: [TeXNode] = []
        for statement in statements {
            let node = TeXNode(
                .row(statement),
                SourceRange(start: statement[0].range.start, end: statement[statement.count - 1].range.end))
            // `\begin{equation}\begin{aligned} … \end{aligned}\end{equation}`: the inner one's rows.
            out += displayStatements(node) ?? [node]
        }
        return out.isEmpty ? nil : out
    }

    /// The relation layout of a parsed span.
    public static func relationLayout(_ root: TeXNode) -> RelationLayout {
        let rootItems = TermReader.flatten(root)
        let flat = displayStatements(flattened: rootItems).map { $0.flatMap(TermReader.flatten) } ?? rootItems
        let items = flat.filter { item in
            if case .symbol(let symbol) = item.kind, symbol.atomClass == .punctuation { return false }
            return true
        }
        func isRelation(_ node: TeXNode) -> Bool {
            return relation(of: node) != nil
        }
        return RelationLayout(
            startsWithRelation: items.first.map(isRelation) ?? false,
            endsWithRelation: items.last.map(isRelation) ?? false,
            relations: items.compactMap(relation(of:)))
    }
}
