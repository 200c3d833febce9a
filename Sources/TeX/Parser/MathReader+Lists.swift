import LitmusDiagnostics

extension MathReader {
    /// Reads atoms until a token in `stops` (left unread) or the end of the text, reporting
    /// stray closers on the way. Returns the nodes and the token that stopped the list.
    mutating func readList(until stops: StopSet) -> ([TeXNode], Token) {
        guard enterNesting(at: peek().range) else {
            let stop = skipNested(until: stops)
            return ([TeXNode(.error("…"), stop.range)], stop)
        }
        defer { depth -= 1 }
        var nodes: [TeXNode] = []
        while true {
            skipSpaces()
            let token = peek()
            switch token.kind {
            case .end:
                return (groupPlainFences(nodes), token)
            case .endGroup:
                if stops.contains(.group) { return (groupPlainFences(nodes), token) }
                _ = next()
                report(.texUnmatchedClose(at: token.range))
            case .alignment:
                if stops.contains(.cell) { return (groupPlainFences(nodes), token) }
                _ = next()
                report(.texMisplacedAlignment(at: token.range))
            case .character("]") where stops.contains(.bracket):
                return (groupPlainFences(nodes), token)
            case .command("\\"), .command("cr"), .command("newline"):
                if stops.contains(.cell) { return (groupPlainFences(nodes), token) }
                _ = next()
                nodes.append(lineBreakOutsideEnvironment(token))
            case .command("end") where stops.contains(.cell):
                return (groupPlainFences(nodes), token)
            case .command("right") where stops.contains(.right):
                return (groupPlainFences(nodes), token)
            case .command("displaystyle"), .command("textstyle"), .command("scriptstyle"),
                .command("scriptscriptstyle"), .command("color"):
                // A switch applies to the rest of the enclosing list.
                nodes.append(readSwitch(until: stops))
            default:
                if let node = readScriptedAtom() { nodes.append(node) }
            }
        }
    }

    /// `\\` outside an environment: a lint, and a line break in the tree.
    mutating func lineBreakOutsideEnvironment(_ token: Token) -> TeXNode {
        report(.texLineBreakOutsideEnvironment(at: token.range))
        return TeXNode(.lineBreak, token.range)
    }

    /// Reads `{…}` (the `{` is next) as a `.group`.
    mutating func readGroup() -> TeXNode {
        let open = next()
        let (nodes, stop) = readList(until: .group)
        if case .endGroup = stop.kind {
            _ = next()
            return TeXNode(.group(nodes), span(open.range, stop.range))
        }
        report(.texUnclosedGroup(at: open.range))
        return TeXNode(.group(nodes), span(open.range, nodes.last?.range ?? open.range))
    }

    // MARK: - Depth

    /// Counts one more level of nesting; `false` (with one error per formula) past the limit.
    mutating func enterNesting(at range: SourceRange) -> Bool {
        guard depth < TeXParser.maximumDepth else {
            if !reportedTooDeep {
                reportedTooDeep = true
                report(.texTooDeep(at: range))
            }
            return false
        }
        depth += 1
        return true
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
            case .command("\\") where outer && stops.contains(.cell): return token
            case .command("end") where outer && stops.contains(.cell): return token
            case .command("right") where outer && stops.contains(.right): return token
            case .character("]") where outer && stops.contains(.bracket): return token
            case .beginGroup: braces += 1
            case .endGroup: braces = max(0, braces - 1)
            case .command("left"): lefts += 1
            case .command("right"): lefts = max(0, lefts - 1)
            case .command("begin"): environments += 1
            case .command("end"): environments = max(0, environments - 1)
            default: break
            }
            _ = nextRaw()
        }
    }

    /// Skips one argument: a balanced `{…}` or one token.
    mutating func skipArgument() -> SourceRange {
        skipSpacesRaw()
        let first = nextRaw()
        guard first.kind == .beginGroup else { return first.range }
        var braces = 1
        var last = first
        while braces > 0 {
            last = nextRaw()
            switch last.kind {
            case .beginGroup: braces += 1
            case .endGroup: braces -= 1
            case .end: return span(first.range, last.range)
            default: break
            }
        }
        return span(first.range, last.range)
    }
}
