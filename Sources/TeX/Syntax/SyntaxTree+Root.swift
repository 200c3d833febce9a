import LitmusDiagnostics

extension SyntaxTree {
    /// The public `TeXNode` tree under node `id`, with positions from `lines`.
    func node(_ id: SyntaxNode.ID, lines: LineOffsets) -> TeXNode {
        let node = self[id]
        let range = lines.range(node.start, node.end)
        func child(_ id: Int32) -> TeXNode { self.node(id, lines: lines) }
        func optional(_ id: Int32) -> TeXNode? { id >= 0 ? child(id) : nil }
        func symbol(_ id: Int32) -> TeXSymbol {
            let symbol = self[id]
            return TeXSymbol(source: sourceString(symbol), text: string(symbol), atomClass: symbol.atomClass)
        }
        let kind: TeXNode.Kind
        switch node.kind {
        case .row: kind = .row(list(node).map(child))
        case .group: kind = .group(list(node).map(child))
        case .tableRow: kind = .row(list(node).map(child))
        case .identifier: kind = .identifier(string(node))
        case .number: kind = .number(string(node))
        case .symbol: kind = .symbol(symbol(id))
        case .largeOperator: kind = .largeOperator(symbol(id), limits: node.b != 0)
        case .function: kind = .function(name: string(node), limits: node.b != 0)
        case .styled: kind = .styled(MathFont(code: node.a), child(node.first))
        case .text: kind = .text(string(node), MathFont(code: node.a))
        case .scripts:
            kind = .scripts(
                Scripts(
                    base: child(node.first), sub: optional(node.second), sup: optional(node.third),
                    primes: Int(node.fourth)))
        case .fraction: kind = .fraction(FractionKind(code: node.a), child(node.first), child(node.second))
        case .root: kind = .root(child(node.first), index: optional(node.second))
        case .accent: kind = .accent(CommandTable.accents[Int(node.a)], child(node.first))
        case .overUnder:
            kind = .overUnder(
                OverUnderKind(code: node.a), over: optional(node.first), under: optional(node.second),
                base: child(node.third))
        case .fenced:
            kind = .fenced(
                Fence(
                    open: node.first >= 0 ? symbol(node.first) : nil, close: node.second >= 0 ? symbol(node.second) : nil,
                    body: child(node.third), isStretchy: node.b != 0))
        case .table:
            let spec =
                node.third >= 0
                ? String(decoding: text[Int(node.third)..<Int(node.third + node.fourth)], as: UTF8.self) : nil
            let rows = list(node).map { list(self[$0]).map(child) }
            kind = .environment(Environment(name: string(node), columnSpec: spec, rows: rows))
        case .space: kind = .space(node.width)
        case .sizedDelimiter: kind = .sizedDelimiter(symbol(node.first), size: Int(node.a))
        case .mathStyle: kind = .mathStyle(MathStyle(code: node.a), child(node.first))
        case .color: kind = .color(string(node), child(node.first))
        case .lineBreak: kind = .lineBreak
        case .unknownCommand: kind = .unknownCommand(string(node))
        case .error: kind = .error(string(node))
        }
        return TeXNode(kind, range)
    }
}
