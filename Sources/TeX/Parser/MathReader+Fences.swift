extension MathReader {
    /// Pairs plain `(`…`)`, `[`…`]`, `\{`…`\}`, `\langle`…`\rangle`, `\|`…`\|` and the like among
    /// the nodes pushed since `mark` into `fenced` nodes, so `σ(Wx + b)` keeps its argument
    /// together; scripts on the closer move to the pair (`(y - ŷ)^2`). Unpaired delimiters
    /// (`[0, 1)`, the bar of `P(A|B)`) stay flat symbols. Pairs nest only while the tree stays
    /// within `TeXParser.maximumDepth`. Works in place: the list only ever gets shorter.
    mutating func groupPlainFences(from mark: Int, ifOpenersSince openers: Int) {
        // No symbol that could open a pair was made while the list was read.
        guard openersMade != openers else { return }
        let before = tree.nodes.count
        Self.groupPlainFences(&scratch, from: mark, in: &tree, depth: depth)
        // Lint the bodies of the pairs just made (rows; the pairs' other nodes are not).
        guard lints else { return }
        var id = before
        while id < tree.nodes.count {
            if tree[ID(id)].kind == .row { lintRow(ID(id)) }
            id += 1
        }
    }

    /// `groupPlainFences(from:)` on the reader's parts: a static function, so no call in it
    /// copies the reader.
    private static func groupPlainFences(
        _ scratch: inout SyntaxBuffer<ID>, from mark: Int, in tree: inout SyntaxTree, depth: Int
    ) {
        var first = mark
        while first < scratch.count, !plainOpening(scratch[first], tree) { first += 1 }
        guard first < scratch.count else { return }
        var write = mark
        // The positions in `scratch` of unpaired openers.
        var opens: [Int] = []
        for read in mark..<scratch.count {
            let node = scratch[read]
            // `\|` is the same on both sides: it closes an open `\|`, or else opens.
            var closesNorm = false
            if let last = opens.last { closesNorm = isNorm(node, tree) && isNorm(scratch[last], tree) }
            if !closesNorm, plainOpening(node, tree), depth + opens.count < TeXParser.maximumDepth {
                opens.append(write)
                scratch[write] = node
                write += 1
            } else if let close = plainClosing(node, tree), let start = opens.last, pairs(scratch[start], close, tree) {
                opens.removeLast()
                let open = scratch[start]
                let openNode = tree[open]
                var body = SyntaxNode(.row, start: openNode.end, end: openNode.end)
                if start + 1 < write {
                    let first = tree[scratch[start + 1]]
                    let last = tree[scratch[write - 1]]
                    body.start = first.start
                    body.end = max(first.end, last.end)
                }
                let list = tree.appendList(scratch[(start + 1)..<write])
                body.first = list.first
                body.second = list.count
                var fence = SyntaxNode(.fenced, start: openNode.start, end: 0)
                fence.first = open
                fence.second = close
                fence.third = tree.add(body)
                if tree[node].kind == .scripts {
                    // `(…)_i`: TeX puts the scripts on `)`, but they index the whole group.
                    fence.end = max(openNode.end, tree[close].end)
                    tree[node].first = tree.add(fence)
                    tree[node].start = openNode.start
                    tree[node].end = max(openNode.end, tree[node].end)
                    scratch[start] = node
                } else {
                    fence.end = max(openNode.end, tree[node].end)
                    scratch[start] = tree.add(fence)
                }
                write = start + 1
            } else {
                scratch[write] = node
                write += 1
            }
        }
        scratch.truncate(to: write)
    }

    // The helpers below are inlined: a non-mutating call from a mutating method would copy the
    // whole reader.

    @inline(__always)
    private static func plainOpening(_ id: ID, _ tree: SyntaxTree) -> Bool {
        let node = tree[id]
        guard node.kind == .symbol else { return false }
        return node.a == AtomClass.opening.code || (node.a == AtomClass.fence.code && isDoubleBar(node, tree))
    }

    /// A closing symbol, alone or carrying scripts (`)^2`).
    @inline(__always)
    private static func plainClosing(_ id: ID, _ tree: SyntaxTree) -> ID? {
        var id = id
        if tree[id].kind == .scripts { id = tree[id].first }
        let node = tree[id]
        return node.kind == .symbol && (node.a == AtomClass.closing.code || isNorm(id, tree)) ? id : nil
    }

    /// `\|` or `\Vert`: a norm bar, which pairs with the next one.
    @inline(__always)
    private static func isNorm(_ id: ID, _ tree: SyntaxTree) -> Bool {
        let node = tree[id]
        return node.kind == .symbol && node.a == AtomClass.fence.code && isDoubleBar(node, tree)
    }

    @inline(__always)
    private static func isDoubleBar(_ node: SyntaxNode, _ tree: SyntaxTree) -> Bool {
        // "‖" is E2 80 96 in UTF-8.
        node.textCount == 3 && tree.text[Int(node.textStart)] == 0xE2 && tree.text[Int(node.textStart) + 1] == 0x80
            && tree.text[Int(node.textStart) + 2] == 0x96
    }

    @inline(__always)
    private static func pairs(_ open: ID, _ close: ID, _ tree: SyntaxTree) -> Bool {
        let opening = tree[open]
        let closing = tree[close]
        // Most pairs are one ASCII byte each.
        if opening.textCount == 1, closing.textCount == 1 {
            switch (tree.text[Int(opening.textStart)], tree.text[Int(closing.textStart)]) {
            case (UInt8(ascii: "("), UInt8(ascii: ")")), (UInt8(ascii: "["), UInt8(ascii: "]")),
                (UInt8(ascii: "{"), UInt8(ascii: "}")), (UInt8(ascii: "|"), UInt8(ascii: "|")):
                return true
            default: return false
            }
        }
        switch (tree.string(opening), tree.string(closing)) {
        case ("(", ")"), ("[", "]"), ("{", "}"), ("⟨", "⟩"), ("⌊", "⌋"), ("⌈", "⌉"), ("|", "|"), ("‖", "‖"):
            return true
        default: return false
        }
    }
}
