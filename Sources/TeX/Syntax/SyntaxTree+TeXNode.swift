import LitmusDiagnostics

// The public `TeXNode` tree, built from the flat `SyntaxTree` that the parser builds and the
// writer and lints read, only when a caller asks (`TeXParseResult.root`). The fields each kind
// uses are listed on `SyntaxNode`.
extension SyntaxTree {
    /// The `TeXNode` tree under `id`, with ranges converted back from byte offsets by `lines`
    /// (the offsets of the LaTeX the tree was read from).
    func node(_ id: SyntaxNode.ID, lines: LineOffsets) -> TeXNode {
        let node = self[id]
        let range = lines.range(node.start, node.end)
        switch node.kind {
        case .row:
            return TeXNode(.row(nodes(in: node, lines: lines)), range)
        case .group:
            return TeXNode(.group(nodes(in: node, lines: lines)), range)
        case .identifier:
            return TeXNode(.identifier(string(node)), range)
        case .number:
            return TeXNode(.number(string(node)), range)
        case .symbol:
            return TeXNode(.symbol(symbol(node)), range)
        case .largeOperator:
            return TeXNode(.largeOperator(symbol(node), limits: node.b != 0), range)
        case .function:
            return TeXNode(.function(name: string(node), limits: node.b != 0), range)
        case .styled:
            return TeXNode(.styled(MathFont(code: node.a), self.node(node.first, lines: lines)), range)
        case .text:
            return TeXNode(.text(string(node), MathFont(code: node.a)), range)
        case .scripts:
            let scripts = Scripts(
                base: self.node(node.first, lines: lines), sub: optionalNode(node.second, lines: lines),
                sup: optionalNode(node.third, lines: lines), primes: Int(node.fourth))
            return TeXNode(.scripts(scripts), range)
        case .fraction:
            let numerator = self.node(node.first, lines: lines)
            let denominator = self.node(node.second, lines: lines)
            return TeXNode(.fraction(FractionKind(code: node.a), numerator, denominator), range)
        case .root:
            let radicand = self.node(node.first, lines: lines)
            return TeXNode(.root(radicand, index: optionalNode(node.second, lines: lines)), range)
        case .accent:
            return TeXNode(.accent(CommandTable.accents[Int(node.a)], self.node(node.first, lines: lines)), range)
        case .overUnder:
            let over = optionalNode(node.first, lines: lines)
            let under = optionalNode(node.second, lines: lines)
            let base = self.node(node.third, lines: lines)
            return TeXNode(.overUnder(OverUnderKind(code: node.a), over: over, under: under, base: base), range)
        case .fenced:
            let fence = Fence(
                open: node.first >= 0 ? symbol(self[node.first]) : nil,
                close: node.second >= 0 ? symbol(self[node.second]) : nil,
                body: self.node(node.third, lines: lines), isStretchy: node.b != 0)
            return TeXNode(.fenced(fence), range)
        case .table:
            let columnSpec = node.third >= 0 ? string(start: node.third, count: node.fourth) : nil
            let rows = list(node).map { nodes(in: self[$0], lines: lines) }
            return TeXNode(.environment(Environment(name: string(node), columnSpec: columnSpec, rows: rows)), range)
        case .tableRow:
            preconditionFailure("a table row \(id) is read only through its table")
        case .space:
            return TeXNode(.space(node.width), range)
        case .sizedDelimiter:
            return TeXNode(.sizedDelimiter(symbol(self[node.first]), size: Int(node.a)), range)
        case .mathStyle:
            return TeXNode(.mathStyle(MathStyle(code: node.a), self.node(node.first, lines: lines)), range)
        case .color:
            return TeXNode(.color(string(node), self.node(node.first, lines: lines)), range)
        case .lineBreak:
            return TeXNode(.lineBreak, range)
        case .unknownCommand:
            return TeXNode(.unknownCommand(string(node)), range)
        case .label:
            return TeXNode(.label(string(node)), range)
        case .tag:
            return TeXNode(.tag(string(node), starred: node.b != 0), range)
        case .noNumber:
            return TeXNode(.noNumber, range)
        case .reference:
            return TeXNode(.reference(string(node), equation: node.b != 0), range)
        case .divider:
            return TeXNode(.divider(symbol(node), stretchy: node.b != 0), range)
        case .enclosed:
            return TeXNode(.enclosed(EncloseNotation(code: node.a), self.node(node.first, lines: lines)), range)
        case .phantom:
            return TeXNode(.phantom(PhantomKind(code: node.a), self.node(node.first, lines: lines)), range)
        case .sizing:
            return TeXNode(.sizing(node.size, self.node(node.first, lines: lines)), range)
        case .error:
            return TeXNode(.error(string(node)), range)
        }
    }

    // MARK: - Reading back

    private func nodes(in list: SyntaxNode, lines: LineOffsets) -> [TeXNode] {
        self.list(list).map { node($0, lines: lines) }
    }

    private func optionalNode(_ id: SyntaxNode.ID, lines: LineOffsets) -> TeXNode? {
        id >= 0 ? node(id, lines: lines) : nil
    }

    private func symbol(_ node: SyntaxNode) -> TeXSymbol {
        TeXSymbol(source: sourceString(node), text: string(node), atomClass: node.atomClass)
    }

    private func string(start: Int32, count: Int32) -> String {
        String(decoding: text[Int(start)..<Int(start + count)], as: UTF8.self)
    }
}
