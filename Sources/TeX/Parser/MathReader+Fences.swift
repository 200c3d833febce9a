extension MathReader {
    /// Pairs plain `(`…`)`, `[`…`]`, `\{`…`\}`, `\langle`…`\rangle`, `\|`…`\|` and the like among
    /// the nodes pushed since `mark` into `fenced` nodes, so `σ(Wx + b)` keeps its argument
    /// together; scripts on the closer move to the pair (`(y - ŷ)^2`). Unpaired delimiters
    /// (`[0, 1)`, the bar of `P(A|B)`) stay flat symbols. Pairs nest only while the tree stays
    /// within `TeXParser.maximumDepth`. Works in place: the list only ever gets shorter.
    mutating func groupPlainFences(from mark: Int) {
        var hasOpening = false
        for index in mark..<scratch.count where plainOpening(scratch[index]) {
            hasOpening = true
            break
        }
        guard hasOpening else { return }
        var write = mark
        // The positions in `scratch` of unpaired openers.
        var opens: [Int] = []
        for read in mark..<scratch.count {
            let node = scratch[read]
            // `\|` is the same on both sides: it closes an open `\|`, or else opens.
            let closesNorm = isNorm(node) && opens.last.map { isNorm(scratch[$0]) } == true
            if !closesNorm, plainOpening(node), depth + opens.count < TeXParser.maximumDepth {
                opens.append(write)
                scratch[write] = node
                write += 1
            } else if let close = plainClosing(node), let start = opens.last, pairs(scratch[start], close) {
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
        scratch.removeSubrange(write...)
    }

    private func plainOpening(_ id: ID) -> Bool {
        let node = tree[id]
        guard node.kind == .symbol else { return false }
        return node.a == AtomClass.opening.code || (node.a == AtomClass.fence.code && isDoubleBar(node))
    }

    /// A closing symbol, alone or carrying scripts (`)^2`).
    private func plainClosing(_ id: ID) -> ID? {
        let node = tree[id]
        switch node.kind {
        case .symbol where node.a == AtomClass.closing.code || isNorm(id): return id
        case .scripts: return plainClosing(node.first)
        default: return nil
        }
    }

    /// `\|` or `\Vert`: a norm bar, which pairs with the next one.
    private func isNorm(_ id: ID) -> Bool {
        let node = tree[id]
        return node.kind == .symbol && node.a == AtomClass.fence.code && isDoubleBar(node)
    }

    private func isDoubleBar(_ node: SyntaxNode) -> Bool {
        // "‖" is E2 80 96 in UTF-8.
        node.textCount == 3 && tree.text[Int(node.textStart)] == 0xE2 && tree.text[Int(node.textStart) + 1] == 0x80
            && tree.text[Int(node.textStart) + 2] == 0x96
    }

    private func pairs(_ open: ID, _ close: ID) -> Bool {
        let opening = tree.string(tree[open])
        let closing = tree.string(tree[close])
        switch (opening, closing) {
        case ("(", ")"), ("[", "]"), ("{", "}"), ("⟨", "⟩"), ("⌊", "⌋"), ("⌈", "⌉"), ("|", "|"), ("‖", "‖"):
            return true
        default: return false
        }
    }
}
