extension MathReader {
    /// Pairs plain `(`…`)`, `[`…`]`, `\{`…`\}`, `\langle`…`\rangle`, `\|`…`\|` and the like among
    /// the nodes pushed since `mark` into `fenced` nodes, so `σ(Wx + b)` keeps its argument
    /// together; scripts on the closer move to the pair (`(y - ŷ)^2`). Unpaired delimiters stay
    /// flat symbols; an unpaired `(`, `)`, `[`, `]`, `\{` or `\}` is a lint, unless an opener and a
    /// closer of the other shape make a half-open interval (`[0, 1)`). The one bar inside a pair
    /// (`P(A|B)`) and every `\mid` divide it. Pairs nest only while the tree stays within
    /// `TeXParser.maximumDepth`. Works in place: the list only ever gets shorter.
    mutating func groupPlainFences(from mark: Int, ifBracketsSince brackets: Int) {
        // No symbol that could open or close a pair was made while the list was read.
        guard bracketsMade != brackets else { return }
        let before = tree.nodes.count
        var unpaired: [ID] = []
        if Self.groupPlainFences(&scratch, from: mark, in: &tree, depth: depth, limit: depthLimit, unpaired: &unpaired)
        {
            reachedDepthLimit = true
        }
        if lints, !unpaired.isEmpty { lintUnbalanced(unpaired) }
        // Lint the bodies of the pairs just made (rows; the pairs' other nodes are not).
        guard lints else { return }
        var id = before
        while id < tree.nodes.count {
            if tree[ID(id)].kind == .row { lintRow(ID(id)) }
            id += 1
        }
    }

    /// Warns of each unpaired bracket of `unpaired` (in reading order) that is not one end of a
    /// half-open interval.
    private mutating func lintUnbalanced(_ unpaired: [ID]) {
        var interval = Set<Int>()
        var index = 0
        while index + 1 < unpaired.count {
            let (first, second) = (Self.bracket(unpaired[index], tree), Self.bracket(unpaired[index + 1], tree))
            let halfOpen =
                (first == UInt8(ascii: "[") && second == UInt8(ascii: ")"))
                || (first == UInt8(ascii: "(") && second == UInt8(ascii: "]"))
                || (first == UInt8(ascii: "]") && second == UInt8(ascii: "["))
            if halfOpen {
                interval.formUnion([index, index + 1])
                index += 2
            } else {
                index += 1
            }
        }
        for (index, id) in unpaired.enumerated() where !interval.contains(index) {
            let node = tree[id]
            let spelled = tree.sourceString(node)
            if node.a == AtomClass.opening.code {
                lintDiagnostics.append(.texUnclosedBracket(spelled, at: range(node.start, node.end)))
            } else if spelled == ")", let script = scriptParentheses.lastIndex(where: { $0 < node.start }) {
                // The `)` of `b^(l)`, which the script's own lint explains.
                scriptParentheses.remove(at: script)
            } else {
                lintDiagnostics.append(.texUnopenedBracket(spelled, at: range(node.start, node.end)))
            }
        }
    }

    /// The ASCII shape of a bracket symbol (`(`, `)`, `[`, `]`, `{`, `}`), or 0.
    private static func bracket(_ id: ID, _ tree: SyntaxTree) -> UInt8 {
        let node = tree[id]
        return node.textCount == 1 ? tree.text[Int(node.textStart)] : 0
    }

    /// `groupPlainFences(from:)` on the reader's parts: a static function, so no call in it
    /// copies the reader. The brackets left unpaired are appended to `unpaired`.
    /// Returns whether pairs reached `limit` levels of nesting (counting the `depth` of the list).
    private static func groupPlainFences(
        _ scratch: inout SyntaxBuffer<ID>, from mark: Int, in tree: inout SyntaxTree, depth: Int, limit: Int,
        unpaired: inout [ID]
    ) -> Bool {
        var reachedLimit = false
        // Brackets made in the lists inside this one count too: skip to this list's first.
        var first = mark
        while first < scratch.count, !plainOpening(scratch[first], tree), plainClosing(scratch[first], tree) == nil {
            first += 1
        }
        guard first < scratch.count else { return false }
        var write = first
        // The positions in `scratch` of unpaired openers.
        var opens: [Int] = []
        for read in first..<scratch.count {
            let node = scratch[read]
            // `\|` is the same on both sides: it closes an open `\|`, or else opens.
            var closesNorm = false
            if let last = opens.last { closesNorm = isNorm(node, tree) && isNorm(scratch[last], tree) }
            if !closesNorm, plainOpening(node, tree), depth + opens.count >= limit { reachedLimit = true }
            if !closesNorm, plainOpening(node, tree), depth + opens.count < limit {
                opens.append(write)
                scratch[write] = node
                write += 1
                continue
            }
            // A norm bar left open before a closer of another shape was no opener: the `\|` of
            // `D(t \| p)` divides the pair around it.
            if !closesNorm, let close = plainClosing(node, tree) {
                while let last = opens.last, isNorm(scratch[last], tree), !pairs(scratch[last], close, tree) {
                    opens.removeLast()
                }
            }
            if let close = plainClosing(node, tree), let start = opens.last, pairs(scratch[start], close, tree) {
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
                markDividers(scratch[(start + 1)..<write], in: &tree)
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
                if let close = plainClosing(node, tree), isBracket(close, tree) { unpaired.append(close) }
                scratch[write] = node
                write += 1
            }
        }
        // Openers left open, in reading order among the closers found unpaired.
        let openers = opens.map { scratch[$0] }.filter { isBracket($0, tree) }
        if !openers.isEmpty {
            unpaired = (unpaired + openers).sorted { tree[$0].start < tree[$1].start }
        }
        scratch.truncate(to: write)
        return reachedLimit
    }

    /// `(`, `)`, `[`, `]`, `\{` or `\}`: the brackets whose pairing is linted.
    @inline(__always)
    private static func isBracket(_ id: ID, _ tree: SyntaxTree) -> Bool {
        let node = tree[id]
        guard node.kind == .symbol, node.textCount == 1 else { return false }
        switch tree.text[Int(node.textStart)] {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
            UInt8(ascii: "}"):
            return node.a == AtomClass.opening.code || node.a == AtomClass.closing.code
        default:
            return false
        }
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
