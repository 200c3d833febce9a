import LitmusDiagnostics

// Commands that give their argument a role: `\mathop`, `\mathrel` and friends, the extensible
// arrows, labels, tags and references.
extension MathReader {
    /// `\mathop{…}`: an operator whose scripts go below and above in display style. A name
    /// (`\mathop{\mathrm{argmax}}`, `\mathop{\mathbb{E}}`) becomes a function of that name, in
    /// the letters of its font; one large operator keeps its symbol; anything else stays the
    /// group it is.
    mutating func readMathOperator(_ token: Token) -> ID {
        guard let argument = readArgument() else { return missingArgument(token) }
        let end = max(token.end, tree[argument].end)
        let node = Self.single(argument, tree)
        if tree[node].kind == .largeOperator {
            var copy = tree[node]
            copy.b = 1
            copy.start = token.start
            copy.end = end
            return tree.add(copy)
        }
        var name: [UInt8] = []
        guard Self.appendName(of: argument, font: .normal, tree, to: &name), !name.isEmpty else { return argument }
        let stored = tree.appendText(name)
        var function = SyntaxNode(.function, start: token.start, end: end)
        function.textStart = stored.start
        function.textCount = stored.count
        function.b = 1
        return lintSpelling(tree.add(function))
    }

    /// The node a group of one node stands for (the group itself otherwise).
    private static func single(_ id: ID, _ tree: SyntaxTree) -> ID {
        var id = id
        while tree[id].kind == .group || tree[id].kind == .row, tree[id].second == 1 {
            id = tree.list(tree[id])[0]
        }
        return id
    }

    /// Appends the letters `id` shows, in `font` (a font switch inside applies its own), when it
    /// is made only of letters, digits, text and names; `false` otherwise.
    private static func appendName(of id: ID, font: MathFont, _ tree: SyntaxTree, to name: inout [UInt8]) -> Bool {
        let node = tree[id]
        switch node.kind {
        case .row, .group:
            for child in tree.list(node) where !appendName(of: child, font: font, tree, to: &name) { return false }
            return true
        case .identifier, .number:
            if font == .normal || font == .roman || font == .italic {
                name.append(contentsOf: tree.bytes(node))
            } else {
                name.append(contentsOf: MathVariant.map(tree.string(node), to: font).utf8)
            }
            return true
        case .text, .function:
            name.append(contentsOf: tree.bytes(node))
            return true
        case .styled:
            return appendName(of: node.first, font: MathFont(code: node.a), tree, to: &name)
        case .space:
            return true
        default:
            return false
        }
    }

    /// `\mathrel{…}`, `\mathbin{…}`…: a symbol or letter argument takes the class; a longer one
    /// stays the group it is (its parts keep their own classes).
    mutating func readMathClass(_ atomClass: AtomClass, _ token: Token) -> ID {
        guard let argument = readArgument() else { return missingArgument(token) }
        let end = max(token.end, tree[argument].end)
        let node = tree[Self.single(argument, tree)]
        switch node.kind {
        case .symbol:
            var copy = node
            copy.a = atomClass.code
            copy.start = token.start
            copy.end = end
            if atomClass == .opening || atomClass == .closing || atomClass == .fence { bracketsMade += 1 }
            return tree.add(copy)
        case .identifier:
            let text = tree.string(node)
            return addSymbol(text: text, source: text, atomClass, token.start, end)
        default:
            return argument
        }
    }

    /// `\xrightarrow[below]{above}`: the arrow, a relation, with its arguments under and over.
    mutating func readExtensibleArrow(_ arrow: String, _ token: Token) -> ID {
        var under: ID = -1
        if peek().isCharacter(UInt8(ascii: "[")) {
            let open = next()
            let mark = scratch.count
            let stop = readList(until: .bracket)
            if stop.isCharacter(UInt8(ascii: "]")) { _ = next() }
            under = list(from: mark, at: open.end)
        }
        guard let over = readArgument() else { return missingArgument(token) }
        let symbol = addSymbol(text: arrow, source: spelling(token), .relation, token.start, token.end)
        var node = SyntaxNode(.overUnder, start: token.start, end: max(token.end, tree[over].end))
        node.first = over
        node.second = under
        node.third = symbol
        node.a = (under >= 0 ? OverUnderKind.underset : OverUnderKind.overset).code
        return tree.add(node)
    }

    /// `\label{name}`, `\tag{text}`, `\tag*{text}`, `\ref{name}`, `\eqref{name}`.
    mutating func readLabelling(_ command: Command, _ token: Token) -> ID {
        var starred = false
        if case .tag = command, peekRaw().isCharacter(UInt8(ascii: "*")), !peekRaw().spaceBefore {
            _ = nextRaw()
            starred = true
        }
        guard let argument = readTextArgument() else { return missingArgument(token) }
        let kind: SyntaxKind
        switch command {
        case .label: kind = .label
        case .tag: kind = .tag
        default: kind = .reference
        }
        var node = SyntaxNode(kind, start: token.start, end: max(token.end, argument.end))
        node.textStart = argument.textStart
        node.textCount = argument.textCount
        if case .reference(let equation) = command { node.b = equation ? 1 : 0 } else { node.b = starred ? 1 : 0 }
        return tree.add(node)
    }

    /// Skips `[…]` (an option Litmus does not use, such as `\smash[b]`).
    mutating func skipOptionalArgument() {
        _ = nextRaw()
        while true {
            let token = nextRaw()
            if token.kind == .end || token.isCharacter(UInt8(ascii: "]")) { return }
        }
    }

    // MARK: - Dividers

    /// Marks the bars that divide the body of a pair, among the nodes pushed since `mark`: every
    /// `\mid`, a plain `|` or `\vert` when it is the only one (two may be an absolute value), and
    /// a `\|` when it is the only one (two are a norm).
    mutating func markDividers(from mark: Int) {
        Self.markDividers(scratch[mark...], in: &tree)
    }

    /// `markDividers(from:)` on a body's nodes.
    static func markDividers(_ nodes: UnsafeBufferPointer<ID>, in tree: inout SyntaxTree) {
        var bar: (id: ID, count: Int) = (-1, 0)
        var norm: (id: ID, count: Int) = (-1, 0)
        for id in nodes where tree[id].kind == .symbol {
            let node = tree[id]
            if node.a == AtomClass.relation.code, isMid(node, tree) {
                tree[id].kind = .divider
            } else if node.a == AtomClass.fence.code, node.textCount == 1, tree.text[Int(node.textStart)] == 0x7C {
                bar = (id, bar.count + 1)
            } else if node.a == AtomClass.fence.code, isNorm(node, tree) {
                norm = (id, norm.count + 1)
            }
        }
        if bar.count == 1 { tree[bar.id].kind = .divider }
        if norm.count == 1 { tree[norm.id].kind = .divider }
    }

    /// `\|` (U+2016, E2 80 96 in UTF-8).
    private static func isNorm(_ node: SyntaxNode, _ tree: SyntaxTree) -> Bool {
        node.textCount == 3 && tree.text[Int(node.textStart)] == 0xE2 && tree.text[Int(node.textStart) + 1] == 0x80
            && tree.text[Int(node.textStart) + 2] == 0x96
    }

    /// `\mid` (U+2223, E2 88 A3 in UTF-8), as `\mid` or typed.
    private static func isMid(_ node: SyntaxNode, _ tree: SyntaxTree) -> Bool {
        node.textCount == 3 && tree.text[Int(node.textStart)] == 0xE2 && tree.text[Int(node.textStart) + 1] == 0x88
            && tree.text[Int(node.textStart) + 2] == 0xA3
    }
}
