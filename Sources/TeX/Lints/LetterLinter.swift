import LitmusDiagnostics

/// Finds function names written as italic letters (`max(0,z)`, `tanh(z)`), misspelt names
/// (`RelU`) and braced groups glued to a letter (`W{(2)}`), walking every row of a tree.
///
/// These read as valid LaTeX, which is why they need a lint: `max(0,z)` renders as the product
/// m·a·x·(0,z), and `W{(2)}` as W(2) with no superscript.
struct LetterLinter: Sendable {
    /// The function names that should be commands, and the command to suggest.
    /// Longest first, so `softmax(` is not reported as `max(`.
    static let functionNames: [(name: String, command: String)] =
        ([
            "max": "\\max", "min": "\\min", "exp": "\\exp", "log": "\\log", "ln": "\\ln", "sin": "\\sin",
            "cos": "\\cos", "tan": "\\tan", "tanh": "\\tanh", "sinh": "\\sinh", "cosh": "\\cosh",
            "softmax": "\\operatorname{softmax}", "sigmoid": "\\operatorname{sigmoid}",
            "argmax": "\\operatorname*{arg\\,max}", "argmin": "\\operatorname*{arg\\,min}",
            "ReLU": "\\operatorname{ReLU}", "GELU": "\\operatorname{GELU}", "ELU": "\\operatorname{ELU}",
        ] as [String: String])
        .map { (name: $0.key, command: $0.value) }
        .sorted { ($0.name.count, $1.name) > ($1.name.count, $0.name) }

    /// Names whose capitalisation is conventional; another capitalisation is a misspelling.
    static let canonicalNames: [String: String] = [
        "relu": "ReLU", "leakyrelu": "LeakyReLU", "gelu": "GELU", "elu": "ELU", "selu": "SELU",
        "prelu": "PReLU",
    ]

    /// The lints of the tree under `root`.
    func lint(_ root: TeXNode) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        walk(root, into: &diagnostics)
        return diagnostics
    }

    /// Visits every node; recursion is bounded by `TeXParser.maximumDepth`. Containers are
    /// opened case by case rather than through `children`, which would allocate an array each.
    private func walk(_ node: TeXNode, into diagnostics: inout [Diagnostic]) {
        switch node.kind {
        case .row(let nodes), .group(let nodes):
            lintRow(nodes, into: &diagnostics)
            for child in nodes { walk(child, into: &diagnostics) }
        case .text(let text, _):
            lintSpelling(text, at: node.range, into: &diagnostics)
        case .function(let name, _):
            lintSpelling(name, at: node.range, into: &diagnostics)
        case .scripts(let scripts):
            walk(scripts.base, into: &diagnostics)
            if let sub = scripts.sub { walk(sub, into: &diagnostics) }
            if let sup = scripts.sup { walk(sup, into: &diagnostics) }
        case .fraction(_, let numerator, let denominator):
            walk(numerator, into: &diagnostics)
            walk(denominator, into: &diagnostics)
        case .styled(_, let body), .accent(_, let body), .mathStyle(_, let body), .color(_, let body):
            walk(body, into: &diagnostics)
        case .fenced(let fence):
            walk(fence.body, into: &diagnostics)
        case .environment(let environment):
            for row in environment.rows {
                for cell in row { walk(cell, into: &diagnostics) }
            }
        case .root, .overUnder:
            for child in node.children { walk(child, into: &diagnostics) }
        case .identifier, .number, .symbol, .largeOperator, .space, .sizedDelimiter, .lineBreak, .unknownCommand,
            .error:
            break
        }
    }

    private func lintRow(_ nodes: [TeXNode], into diagnostics: inout [Diagnostic]) {
        var index = 0
        while index < nodes.count {
            // A run of glued ASCII letters (each may carry scripts, as in `x_1`, only at its end).
            var end = index
            var word = ""
            while end < nodes.count, let letter = Self.asciiLetter(nodes[end]),
                end == index || nodes[end - 1].range.end == nodes[end].range.start
            {
                word += letter
                end += 1
                if case .scripts = nodes[end - 1].kind { break }
            }
            if end > index + 1 || (end == index + 1 && Self.opensGluedGroup(nodes, after: index)) {
                let range = SourceRange(start: nodes[index].range.start, end: nodes[end - 1].range.end)
                let next = end < nodes.count ? nodes[end] : nil
                let glued = next.map { $0.range.start == range.end } ?? false
                lintWord(
                    word, letters: nodes[index..<end],
                    followedByParenthesis: glued
                        && next.map(Self.opensWithParenthesis) == true, into: &diagnostics)
                if let next, glued, case .group(let inner) = next.kind, let first = inner.first,
                    Self.opensWithParenthesis(first)
                {
                    diagnostics.append(.texGluedGroup(after: word.suffix(1), at: next.range))
                }
                index = end
            } else {
                index = max(end, index + 1)
            }
        }
    }

    /// Whether the node after `index` is a braced group glued to it (`W{(2)}`).
    private static func opensGluedGroup(_ nodes: [TeXNode], after index: Int) -> Bool {
        guard index + 1 < nodes.count, case .group = nodes[index + 1].kind else { return false }
        return nodes[index].range.end == nodes[index + 1].range.start
    }

    /// Checks a word for a misspelt name, or a function name written as letters.
    /// `letters` are the nodes of `word`, one per letter.
    private func lintWord(
        _ word: String, letters: ArraySlice<TeXNode>, followedByParenthesis: Bool,
        into diagnostics: inout [Diagnostic]
    ) {
        let range = SourceRange(start: letters.first!.range.start, end: letters.last!.range.end)
        if lintSpelling(word, at: range, into: &diagnostics) { return }
        // Only before `(`: a bare `x_{max}` is a label, `max(0, z)` is a call.
        guard followedByParenthesis, word.utf8.count >= 2 else { return }
        for (name, command) in Self.functionNames where word.hasSuffix(name) {
            let start = letters[letters.endIndex - name.utf8.count].range.start
            let nameRange = SourceRange(start: start, end: range.end)
            diagnostics.append(.texFunctionAsLetters(name, command: command, at: nameRange))
            return
        }
    }

    /// Reports `word` if it is a misspelt name such as `RelU`; returns whether it did.
    @discardableResult
    private func lintSpelling(_ word: String, at range: SourceRange, into diagnostics: inout [Diagnostic]) -> Bool {
        // The names are 3 to 9 letters long; skip the lowercasing for every other word.
        guard (3...9).contains(word.utf8.count), let canonical = Self.canonicalNames[word.lowercased()],
            canonical != word
        else { return false }
        diagnostics.append(.texMisspeltName(word, canonical: canonical, at: range))
        return true
    }

    private static func asciiLetter(_ node: TeXNode) -> String? {
        switch node.kind {
        case .identifier(let text) where text.utf8.count == 1: text
        case .scripts(let scripts): asciiLetter(scripts.base)
        default: nil
        }
    }

    private static func opensWithParenthesis(_ node: TeXNode) -> Bool {
        switch node.kind {
        case .fenced(let fence): fence.open?.text == "(" && !fence.isStretchy
        case .symbol(let symbol): symbol.text == "("
        case .scripts(let scripts): opensWithParenthesis(scripts.base)
        default: false
        }
    }
}
