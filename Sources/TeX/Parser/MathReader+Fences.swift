import LitmusDiagnostics

extension MathReader {
    /// Pairs plain `(`…`)`, `[`…`]`, `\{`…`\}`, `\langle`…`\rangle`, `\|`…`\|` and the like in one
    /// row into `.fenced` nodes, so `σ(Wx + b)` keeps its argument together; scripts on the closer
    /// move to the pair (`(y - ŷ)^2`). Unpaired delimiters (`[0, 1)`, the bar of `P(A|B)`) stay
    /// flat symbols. Pairs nest only while the tree stays within `TeXParser.maximumDepth`.
    func groupPlainFences(_ nodes: [TeXNode]) -> [TeXNode] {
        guard nodes.contains(where: { Self.plainOpening($0) != nil }) else { return nodes }
        // `out` is the result so far; `opens` holds the indexes in `out` of unpaired openers.
        var out: [TeXNode] = []
        out.reserveCapacity(nodes.count)
        var opens: [Int] = []
        for node in nodes {
            // `\|` is the same on both sides: it closes an open `\|`, or else opens.
            let closesNorm = Self.isNorm(node) && opens.last.map { Self.isNorm(out[$0]) } == true
            if !closesNorm, Self.plainOpening(node) != nil, depth + opens.count < TeXParser.maximumDepth {
                opens.append(out.count)
                out.append(node)
            } else if let close = Self.plainClosing(node), let start = opens.last,
                let open = Self.plainOpening(out[start]), Self.pairs(open.text, close.text)
            {
                opens.removeLast()
                let openRange = out[start].range
                let body = row(Array(out[(start + 1)...]), at: openRange.end)
                out.removeSubrange(start...)
                let fence = Fence(open: open, close: close, body: body, isStretchy: false)
                if case .scripts(var scripts) = node.kind {
                    // `(…)_i`: TeX puts the scripts on `)`, but they index the whole group.
                    scripts.base = TeXNode(.fenced(fence), span(openRange, scripts.base.range))
                    out.append(TeXNode(.scripts(scripts), span(openRange, node.range)))
                } else {
                    out.append(TeXNode(.fenced(fence), span(openRange, node.range)))
                }
            } else {
                out.append(node)
            }
        }
        return out
    }

    private static func plainOpening(_ node: TeXNode) -> TeXSymbol? {
        guard case .symbol(let symbol) = node.kind else { return nil }
        return symbol.atomClass == .opening || (symbol.atomClass == .fence && symbol.text == "‖") ? symbol : nil
    }

    /// A closing symbol, alone or carrying scripts (`)^2`).
    private static func plainClosing(_ node: TeXNode) -> TeXSymbol? {
        switch node.kind {
        case .symbol(let symbol) where symbol.atomClass == .closing || isNorm(node): symbol
        case .scripts(let scripts): plainClosing(scripts.base)
        default: nil
        }
    }

    /// `\|` or `\Vert`: a norm bar, which pairs with the next one.
    private static func isNorm(_ node: TeXNode) -> Bool {
        guard case .symbol(let symbol) = node.kind else { return false }
        return symbol.atomClass == .fence && symbol.text == "‖"
    }

    private static func pairs(_ open: String, _ close: String) -> Bool {
        switch (open, close) {
        case ("(", ")"), ("[", "]"), ("{", "}"), ("⟨", "⟩"), ("⌊", "⌋"), ("⌈", "⌉"), ("|", "|"), ("‖", "‖"):
            true
        default: false
        }
    }
}
