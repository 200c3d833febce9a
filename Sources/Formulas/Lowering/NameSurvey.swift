import TeX

/// What a lesson's formulas say about names, read from their trees before any is lowered: which
/// names are functions (`f(x) = …`, `\text{model}(x)`, `D_{KL}(p \| q) = …`) and which layer
/// labels each symbol carries (`W^{(l)}`), so a later `x^{l-1}` can be read as the label it means.
public struct NameSurvey: Hashable, Sendable {
    /// Normalised names (`FunctionName.key`) a lesson applies as functions.
    public var functionKeys: Set<String> = []
    /// Letters the lesson applies to a single name somewhere (`J(x)`): applied to any argument
    /// elsewhere (`J(x + \Delta)`), they are the same function.
    public var appliedLetters: Set<String> = []
    /// The layer labels written in parentheses for each base name (`W` → {`l`, `2`}).
    public var layerLabels: [String: Set<String>] = [:]

    /// An empty survey.
    public init() {}

    /// Adds what one formula's tree says.
    public mutating func record(_ root: TeXNode) {
        var stack = [root]
        var visited = 0
        while let node = stack.popLast(), visited < 100_000 {
            visited += 1
            switch node.kind {
            case .row, .group:
                scanRow(TermReader.flatten(node))
            case .environment(let environment):
                for row in environment.rows {
                    // `f(x) &= …` in an aligned row: the head is in the first cell.
                    scanRow(row.flatMap { TermReader.flatten($0) })
                }
            default: break
            }
            if case .scripts(let scripts) = node.kind, let sup = scripts.sup, let base = Self.baseName(scripts.base) {
                let inner = TermReader.flatten(sup)
                if case .group = sup.kind, inner.count == 1, case .fenced(let fence) = inner[0].kind,
                    fence.open?.text == "("
                {
                    layerLabels[base, default: []].insert(Self.compact(TermReader.text(fence.body)))
                }
            }
            stack.append(contentsOf: node.children)
        }
    }

    /// The label text without spaces (`l - 1` → `l-1`).
    public static func compact(_ text: String) -> String { text.filter { $0 != " " } }

    /// Function heads, applied names and value letters in one row of items.
    private mutating func scanRow(_ items: [TeXNode]) {
        var statementStart = true
        for (index, item) in items.enumerated() {
            defer {
                if case .symbol(let symbol) = item.kind {
                    statementStart = symbol.atomClass == .relation || symbol.atomClass == .punctuation
                } else if case .space = item.kind {
                } else {
                    statementStart = false
                }
            }
            let next = index + 1 < items.count ? items[index + 1] : nil
            var afterNext = index + 2 < items.count ? items[index + 2] : nil
            var appliedToParentheses: Bool = {
                guard let next, case .fenced(let fence) = next.kind else { return false }
                return fence.open?.text == "(" || fence.open?.text == "["
            }()
            if let next, case .symbol(let open) = next.kind, open.text == "(",
                let close = Self.matchingClose(items, from: index + 1)
            {
                // `D_{KL}(t \| p)`: the parser leaves the parentheses unpaired around a `\|`.
                appliedToParentheses = true
                afterNext = close + 1 < items.count ? items[close + 1] : nil
            }
            // Only a name applied to parentheses says something (its key is read only then).
            guard appliedToParentheses, let key = Self.nameKey(item) else { continue }
            if case .identifier(let letter) = item.kind, let next,
                case .fenced(let fence) = next.kind, fence.open?.text == "("
            {
                let inner = TermReader.flatten(fence.body)
                if inner.count == 1, case .identifier = inner[0].kind { appliedLetters.insert(letter) }
            }
            if statementStart, let afterNext, Self.isDefiningRelation(afterNext) {
                // `f(x) = …`, `L(\mathbf{w}) := …`: a function the lesson defines.
                functionKeys.insert(key)
            } else if Self.isWord(item) {
                // `\text{model}(x)`, `\mathrm{ReLU6}(x)`: a multi-letter name is never a product.
                functionKeys.insert(key)
            }
        }
    }

    /// The index of the `)` that closes the `(` at `start`, if the row has one.
    static func matchingClose(_ items: [TeXNode], from start: Int) -> Int? {
        var depth = 0
        for index in start..<items.count {
            guard case .symbol(let symbol) = items[index].kind else { continue }
            if symbol.text == "(" { depth += 1 }
            if symbol.text == ")" {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    private static func isDefiningRelation(_ node: TeXNode) -> Bool {
        guard case .symbol(let symbol) = node.kind, symbol.atomClass == .relation else { return false }
        return ["=", ":=", "≔", "≡", "≜", "\\coloneqq", "\\equiv", "\\triangleq", "\\doteq"].contains(symbol.source)
            || symbol.text == "="
    }

    /// The normalised key of a name that could be applied: a letter (with a subscript, as in
    /// `D_{KL}`), a styled or text word, an upright function name.
    static func nameKey(_ node: TeXNode) -> String? {
        switch node.kind {
        case .identifier(let text): return FunctionName(text).key
        case .function(let name, _): return FunctionName(name).key
        case .text(let text, _):
            let trimmed = text.trimmingSpaces
            guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " }) else { return nil }
            return FunctionName(trimmed).key
        case .styled(_, let body):
            let inner = TermReader.flatten(body)
            let letters = inner.compactMap { item -> String? in
                if case .identifier(let text) = item.kind { return text }
                if case .number(let text) = item.kind { return text }
                return nil
            }
            guard letters.count == inner.count, !letters.isEmpty else { return nil }
            return FunctionName(letters.joined()).key
        case .scripts(let scripts):
            guard scripts.sup == nil, scripts.primes == 0, let sub = scripts.sub, let base = nameKey(scripts.base)
            else { return nil }
            return FunctionName("\(base)_{\(TermReader.text(sub))}").key
        default: return nil
        }
    }

    /// Whether a name is a word of several letters (never a product of its letters).
    static func isWord(_ node: TeXNode) -> Bool {
        switch node.kind {
        case .text(let text, _): return text.trimmingSpaces.count > 1
        case .function: return true
        case .styled(_, let body): return TermReader.flatten(body).count > 1
        default: return false
        }
    }

    /// The base letter of a scripted symbol (`W` of `\mathbf{W}^{(l)}`).
    public static func baseName(_ node: TeXNode) -> String? {
        switch node.kind {
        case .identifier(let text): return text
        case .styled(_, let body):
            let inner = TermReader.flatten(body)
            if inner.count == 1, case .identifier(let text) = inner[0].kind { return text }
            return nil
        default: return nil
        }
    }
}

extension NameSurvey {
    /// The plain text of a small tree (`l-1`, `2`), as the lowering reads labels.
    public static func text(_ node: TeXNode) -> String { TermReader.text(node) }
}
