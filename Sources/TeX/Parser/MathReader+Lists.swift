import LitmusDiagnostics

extension MathReader {
    /// Reads atoms until a token in `stops` (left unread) or the end of the text, reporting
    /// stray closers on the way. Pushes the nodes on `scratch` and returns the token that
    /// stopped the list. An infix fraction (`a \over b`) makes the list one fraction of what
    /// stands before it and what stands after.
    mutating func readList(until stops: StopSet) -> Token {
        let mark = scratch.count
        let brackets = bracketsMade
        guard enterNesting(at: peek()) else {
            let stop = skipNested(until: stops)
            scratch.append(addText(.error, "…", stop.start, stop.end))
            return stop
        }
        defer { depth -= 1 }
        /// The infix fraction met, with where its denominator starts on `scratch`.
        var infix: (token: Token, kind: FractionKind, split: Int)?
        while true {
            let token = peek()
            switch token.kind {
            case .end:
                return finishList(token, from: mark, bracketsSince: brackets, infix: infix)
            case .endGroup:
                if stops.contains(.group) {
                    return finishList(token, from: mark, bracketsSince: brackets, infix: infix)
                }
                _ = next()
                report(.texUnmatchedClose(at: range(token)))
            case .alignment:
                if stops.contains(.cell) { return finishList(token, from: mark, bracketsSince: brackets, infix: infix) }
                _ = next()
                report(.texMisplacedAlignment(at: range(token)))
            case .character where token.value == UInt32(UInt8(ascii: "]")) && stops.contains(.bracket):
                return finishList(token, from: mark, bracketsSince: brackets, infix: infix)
            case .command:
                switch CommandTable.Builtin(rawValue: token.value) {
                case .lineBreak, .cr, .newline:
                    if stops.contains(.cell) {
                        return finishList(token, from: mark, bracketsSince: brackets, infix: infix)
                    }
                    _ = next()
                    scratch.append(lineBreakOutsideEnvironment(token))
                case .end where stops.contains(.cell), .right where stops.contains(.right):
                    return finishList(token, from: mark, bracketsSince: brackets, infix: infix)
                case .displaystyle, .textstyle, .scriptstyle, .scriptscriptstyle, .color, .tiny, .scriptsize,
                    .footnotesize, .small, .normalsize, .large, .Large, .LARGE, .huge, .Huge, .rm, .bf, .it, .sf,
                    .tt, .cal:
                    // A switch applies to the rest of the enclosing list.
                    let node = readSwitch(until: stops)
                    scratch.append(node)
                case .over, .above, .choose, .atop, .brace, .brack:
                    _ = next()
                    if token.isCommand(.above) { _ = readDimension() }
                    guard infix == nil, case .infixFraction(let kind) = CommandTable.command(id: token.value) else {
                        report(.texAmbiguousInfix(spelling(token), at: range(token)))
                        continue
                    }
                    infix = (token, kind, scratch.count)
                default:
                    if let node = readScriptedAtom() { scratch.append(node) }
                }
            default:
                if let node = readScriptedAtom() { scratch.append(node) }
            }
        }
    }

    /// Ends a list at `stop`: pairs its plain fences (each side of an infix fraction apart) and
    /// makes the fraction. Returns `stop`.
    private mutating func finishList(
        _ stop: Token, from mark: Int, bracketsSince brackets: Int,
        infix: (token: Token, kind: FractionKind, split: Int)?
    ) -> Token {
        guard let infix else {
            groupPlainFences(from: mark, ifBracketsSince: brackets)
            return stop
        }
        groupPlainFences(from: infix.split, ifBracketsSince: brackets)
        let denominator = list(from: infix.split, at: infix.token.end)
        groupPlainFences(from: mark, ifBracketsSince: brackets)
        let numerator = list(from: mark, at: infix.token.start)
        var node = SyntaxNode(.fraction, start: min(tree[numerator].start, infix.token.start), end: 0)
        node.end = max(infix.token.end, tree[denominator].end)
        node.a = infix.kind.code
        node.first = numerator
        node.second = denominator
        scratch.append(tree.add(node))
        return stop
    }

    /// `\\` outside an environment: a lint, and a line break in the tree.
    mutating func lineBreakOutsideEnvironment(_ token: Token) -> ID {
        report(.texLineBreakOutsideEnvironment(at: range(token)))
        return add(.lineBreak, token.start, token.end)
    }

    /// Reads `{…}` as a `.group`, its `{` (`open`) already taken.
    mutating func readGroup(opened open: Token) -> ID {
        let mark = scratch.count
        let stop = readList(until: .group)
        if stop.kind == .endGroup {
            _ = next()
            let group = list(.group, from: mark, at: open.end)
            tree[group].start = open.start
            tree[group].end = max(open.end, stop.end)
            return group
        }
        report(.texUnclosedGroup(at: range(open)))
        let end = max(open.end, lastEnd(from: mark, or: open.end))
        let group = list(.group, from: mark, at: open.end)
        tree[group].start = open.start
        tree[group].end = end
        return group
    }

    // MARK: - Depth

    /// Counts one more level of nesting; `false` (with one error per formula) past the limit.
    @inline(__always)
    mutating func enterNesting(at token: Token) -> Bool {
        guard depth < depthLimit else {
            reachedDepthLimit = true
            reportTooDeep(at: token)
            return false
        }
        depth += 1
        return true
    }

    private mutating func reportTooDeep(at token: Token) {
        guard !reportedTooDeep else { return }
        reportedTooDeep = true
        report(.texTooDeep(at: range(token)))
    }

    /// Skips tokens, counting braces, `\left`/`\right` and `\begin`/`\end`, until a token in
    /// `stops` at the outer level (left unread) or the end. Iterative, so any depth is fine.
    mutating func skipNested(until stops: StopSet) -> Token {
        var braces = 0
        var lefts = 0
        var environments = 0
        while true {
            let token = peekRaw()
            let outer = braces == 0 && lefts == 0 && environments == 0
            switch token.kind {
            case .end: return token
            case .endGroup where outer && stops.contains(.group): return token
            case .alignment where outer && stops.contains(.cell): return token
            case .character where outer && stops.contains(.bracket) && token.value == UInt32(UInt8(ascii: "]")):
                return token
            case .beginGroup: braces += 1
            case .endGroup: braces = max(0, braces - 1)
            case .command:
                switch CommandTable.Builtin(rawValue: token.value) {
                case .lineBreak where outer && stops.contains(.cell): return token
                case .end where outer && stops.contains(.cell): return token
                case .right where outer && stops.contains(.right): return token
                case .left: lefts += 1
                case .right: lefts = max(0, lefts - 1)
                case .begin: environments += 1
                case .end: environments = max(0, environments - 1)
                default: break
                }
            default: break
            }
            _ = nextRaw()
        }
    }

    /// Skips one argument: a balanced `{…}` or one token; returns the offsets it covered.
    mutating func skipArgument() -> (start: Int32, end: Int32) {
        let first = nextRaw()
        guard first.kind == .beginGroup else { return (first.start, first.end) }
        var braces = 1
        var last = first
        while braces > 0 {
            last = nextRaw()
            switch last.kind {
            case .beginGroup: braces += 1
            case .endGroup: braces -= 1
            case .end: return (first.start, max(first.end, last.end))
            default: break
            }
        }
        return (first.start, max(first.end, last.end))
    }
}
