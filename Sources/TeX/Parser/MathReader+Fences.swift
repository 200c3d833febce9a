import LitmusDiagnostics

extension MathReader {
    /// Pairs plain `(`…`)`, `[`…`]` and `\{`…`\}` in one row into `.fenced` nodes, so `σ(Wx + b)`
    /// keeps its argument together. Unpaired delimiters (`[0, 1)`) stay flat symbols. Pairs are
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
                current = top.outer + [TeXNode(.fenced(fence), span(top.open.range, node.range))]
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

    private static func plainClosing(_ node: TeXNode) -> TeXSymbol? {
        if case .symbol(let symbol) = node.kind, symbol.atomClass == .closing { return symbol }
        return nil
    }

    private static func pairs(_ open: String, _ close: String) -> Bool {
        switch (open, close) {
        case ("(", ")"), ("[", "]"), ("{", "}"): true
        default: false
        }
    }
}
