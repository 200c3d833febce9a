import LitmusDiagnostics

// Conversion between the two forms of a syntax tree: the flat `SyntaxTree` that the parser
// builds and the writer and lints read, and the public `TeXNode` tree built from it only when
// a caller asks (`TeXParseResult.root`). The fields each kind uses are listed on `SyntaxNode`.
extension SyntaxTree {
    /// The flat form of `root`, a tree read from `latex`: each node's range becomes byte offsets
    /// into `latex`. O(n) in the number of nodes and the length of their text.
    ///
    /// Fence and sized-delimiter symbols, which have no range of their own in a `TeXNode`, get
    /// an empty range at the start (opening, sized) or end (closing) of their node.
    init(_ root: TeXNode, latex: String) {
        self.init(capacity: 64)
        let converter = TeXNodeConverter(lines: LineOffsets(Array(latex.utf8)))
        self.root = converter.add(root, to: &self)
    }

    /// The `TeXNode` tree under `id`, with ranges converted back from byte offsets by `lines`
    /// (the offsets of the LaTeX the tree was read from). The inverse of `init(_:latex:)`.
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

/// Appends a `TeXNode` tree to a `SyntaxTree`, children before their parent (a list's ids must
/// be known before the list is appended, and nested lists append their own lists first).
private struct TeXNodeConverter {
    let lines: LineOffsets

    /// The accents' indexes in `CommandTable.accents`, by name.
    static let accentIndexes: [String: Int] = Dictionary(
        uniqueKeysWithValues: CommandTable.accents.enumerated().map { ($0.element.name, $0.offset) })

    func add(_ node: TeXNode, to tree: inout SyntaxTree) -> SyntaxNode.ID {
        var flat = SyntaxNode(kind(of: node), start: lines.offset(node.range.start), end: lines.offset(node.range.end))
        switch node.kind {
        case .row(let nodes), .group(let nodes):
            setList(nodes.map { add($0, to: &tree) }, of: &flat, in: &tree)
        case .identifier(let text), .number(let text), .function(let text, _), .unknownCommand(let text),
            .error(let text):
            setText(text, of: &flat, in: &tree)
            if case .function(_, let limits) = node.kind { flat.b = limits ? 1 : 0 }
        case .symbol(let symbol):
            setSymbol(symbol, of: &flat, in: &tree)
        case .largeOperator(let symbol, let limits):
            setSymbol(symbol, of: &flat, in: &tree)
            flat.b = limits ? 1 : 0
        case .styled(let font, let body):
            flat.a = font.code
            flat.first = add(body, to: &tree)
        case .text(let text, let font):
            flat.a = font.code
            setText(text, of: &flat, in: &tree)
        case .scripts(let scripts):
            flat.first = add(scripts.base, to: &tree)
            flat.second = scripts.sub.map { add($0, to: &tree) } ?? -1
            flat.third = scripts.sup.map { add($0, to: &tree) } ?? -1
            flat.fourth = Int32(scripts.primes)
        case .fraction(let kind, let numerator, let denominator):
            flat.a = kind.code
            flat.first = add(numerator, to: &tree)
            flat.second = add(denominator, to: &tree)
        case .root(let radicand, let index):
            flat.first = add(radicand, to: &tree)
            flat.second = index.map { add($0, to: &tree) } ?? -1
        case .accent(let accent, let base):
            guard let index = Self.accentIndexes[accent.name] else {
                preconditionFailure("accent \\\(accent.name) is not in CommandTable.accents")
            }
            flat.a = UInt8(index)
            flat.first = add(base, to: &tree)
        case .overUnder(let kind, let over, let under, let base):
            flat.a = kind.code
            flat.first = over.map { add($0, to: &tree) } ?? -1
            flat.second = under.map { add($0, to: &tree) } ?? -1
            flat.third = add(base, to: &tree)
        case .fenced(let fence):
            flat.b = fence.isStretchy ? 1 : 0
            flat.first = fence.open.map { addSymbol($0, at: flat.start, to: &tree) } ?? -1
            flat.second = fence.close.map { addSymbol($0, at: flat.end, to: &tree) } ?? -1
            flat.third = add(fence.body, to: &tree)
        case .environment(let environment):
            addEnvironment(environment, to: &flat, in: &tree)
        case .space(let width):
            flat.setWidth(width)
        case .sizedDelimiter(let symbol, let size):
            flat.a = UInt8(clamping: size)
            flat.first = addSymbol(symbol, at: flat.start, to: &tree)
        case .mathStyle(let style, let body):
            flat.a = style.code
            flat.first = add(body, to: &tree)
        case .color(let color, let body):
            setText(color, of: &flat, in: &tree)
            flat.first = add(body, to: &tree)
        case .lineBreak:
            break
        }
        return tree.add(flat)
    }

    /// A table node: its kind's index (255 when unknown), its name and column spec as text, and
    /// one `tableRow` node per row, whose list holds the row's cells.
    private func addEnvironment(_ environment: Environment, to flat: inout SyntaxNode, in tree: inout SyntaxTree) {
        flat.a = EnvironmentKind.index(named: environment.name).map(UInt8.init) ?? 255
        var rows: [SyntaxNode.ID] = []
        rows.reserveCapacity(environment.rows.count)
        for cells in environment.rows {
            let ids = cells.map { add($0, to: &tree) }
            let start = cells.first.map { lines.offset($0.range.start) } ?? flat.start
            let end = cells.last.map { lines.offset($0.range.end) } ?? start
            var row = SyntaxNode(.tableRow, start: start, end: end)
            setList(ids, of: &row, in: &tree)
            rows.append(tree.add(row))
        }
        setList(rows, of: &flat, in: &tree)
        setText(environment.name, of: &flat, in: &tree)
        if let columnSpec = environment.columnSpec {
            (flat.third, flat.fourth) = tree.appendText(columnSpec.utf8)
        }
    }

    /// A symbol node with an empty range at `offset`, for a fence or sized delimiter.
    private func addSymbol(_ symbol: TeXSymbol, at offset: Int32, to tree: inout SyntaxTree) -> SyntaxNode.ID {
        var flat = SyntaxNode(.symbol, start: offset, end: offset)
        setSymbol(symbol, of: &flat, in: &tree)
        return tree.add(flat)
    }

    /// The symbol's class in `a`, its Unicode text as the node's text and its source spelling
    /// after it (`third`, `fourth`).
    private func setSymbol(_ symbol: TeXSymbol, of flat: inout SyntaxNode, in tree: inout SyntaxTree) {
        flat.a = symbol.atomClass.code
        setText(symbol.text, of: &flat, in: &tree)
        (flat.third, flat.fourth) = tree.appendText(symbol.source.utf8)
    }

    private func setText(_ text: String, of flat: inout SyntaxNode, in tree: inout SyntaxTree) {
        (flat.textStart, flat.textCount) = tree.appendText(text.utf8)
    }

    private func setList(_ ids: [SyntaxNode.ID], of flat: inout SyntaxNode, in tree: inout SyntaxTree) {
        (flat.first, flat.second) = tree.appendList(ids)
    }

    private func kind(of node: TeXNode) -> SyntaxKind {
        switch node.kind {
        case .row: .row
        case .group: .group
        case .identifier: .identifier
        case .number: .number
        case .symbol: .symbol
        case .largeOperator: .largeOperator
        case .function: .function
        case .styled: .styled
        case .text: .text
        case .scripts: .scripts
        case .fraction: .fraction
        case .root: .root
        case .accent: .accent
        case .overUnder: .overUnder
        case .fenced: .fenced
        case .environment: .table
        case .space: .space
        case .sizedDelimiter: .sizedDelimiter
        case .mathStyle: .mathStyle
        case .color: .color
        case .lineBreak: .lineBreak
        case .unknownCommand: .unknownCommand
        case .error: .error
        }
    }
}
