import LitmusDiagnostics

extension MathReader {
    /// Pairs plain `(`…`)`, `[`…`]` and `\{`…`\}` in one row into `.fenced` nodes, so `σ(Wx + b)`
    /// keeps its argument together; scripts on the closer move to the pair (`(y - ŷ)^2`).
    /// Unpaired delimiters (`[0, 1)`) stay flat symbols. Pairs are
    /// nested only while the tree stays within `TeXParser.maximumDepth`.
    func groupPlainFences(_ nodes: [TeXNode]) -> [TeXNode] {
        guard nodes.contains(where: { Self.plainOpening($0) != nil }) else { return nodes }
        var stack: [(open: TeXNode, outer: [TeXNode])] = []
        var current: [TeXNode] = []
        for node in nodes {
            if Self.plainOpening(node) != nil, depth + stack.count < TeXParser.maximumDepth {
                stack.append((node, current))
                current = []
            } else if let close = Self.plainClosing(node), let top = stack.last,
                let open = Self.plainOpening(top.open), Self.pairs(open.text, close.text) {
                stack.removeLast()
                let body = row(current, at: top.open.range.end)
                let fence = Fence(open: open, close: close, body: body, isStretchy: false)
                if case .scripts(var scripts) = node.kind {
                    // `(…)_i`: TeX puts the scripts on `)`, but they index the whole group.
                    scripts.base = TeXNode(.fenced(fence), span(top.open.range, scripts.base.range))
                    current = top.outer + [TeXNode(.scripts(scripts), span(top.open.range, node.range))]
                } else {
                    current = top.outer + [TeXNode(.fenced(fence), span(top.open.range, node.range))]
                }
            } else {
                current.append(node)
            }
        }
        while let top = stack.popLast() {
            current = top.outer + [top.open] + current
        }
        return current
    }

    private static func plainOpening(_ node: TeXNode) -> TeXSymbol? {
        if case .symbol(let symbol) = node.kind, symbol.atomClass == .opening,
            ["(", "[", "{"].contains(symbol.text) {
            return symbol
        }
        return nil
    }

    /// A closing symbol, alone or carrying scripts (`)^2`).
    private static func plainClosing(_ node: TeXNode) -> TeXSymbol? {
        switch node.kind {
        case .symbol(let symbol) where symbol.atomClass == .closing: symbol
        case .scripts(let scripts): plainClosing(scripts.base)
        default: nil
        }
    }

    private static func pairs(_ open: String, _ close: String) -> Bool {
        switch (open, close) {
        case ("(", ")"), ("[", "]"), ("{", "}"): true
        default: false
        }
    }
}
