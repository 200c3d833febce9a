import LitmusDiagnostics

extension MathReader {
    /// Reads `\begin{name}` (the `\begin` taken) up to its `\end`, splitting rows at `\\` and
    /// cells at `&`. A trailing `\\` before `\end` adds no empty row.
    mutating func readEnvironment(_ begin: Token) -> TeXNode {
        let name = readEnvironmentName()
        let kind = EnvironmentKind.named(name.text)
        if kind == nil {
            report(.texUnknownEnvironment(name.text, at: span(begin.range, name.range)))
        }
        var columnSpec: String?
        if kind?.takesColumnSpec == true { columnSpec = readTextArgument()?.text }
        var (rows, stop) = readRows(openedBy: begin)
        var end = stop.range
        if stop.kind == .command("end") {
            _ = next()
            let closing = readEnvironmentName()
            end = closing.range
            if closing.text != name.text {
                report(.texEnvironmentClosedBy(name.text, closing.text, at: span(stop.range, closing.range)))
            }
        } else {
            report(.texEnvironmentNeverClosed(name.text, at: begin.range))
            end = rows.last?.last?.range ?? name.range
        }
        if rows.count == 1, rows[0].count == 1, case .row(let nodes) = rows[0][0].kind, nodes.isEmpty {
            rows = []
        }
        let environment = Environment(name: name.text, columnSpec: columnSpec, rows: rows)
        return TeXNode(.environment(environment), span(begin.range, end))
    }

    /// `\substack{i=1 \\ j \neq i}`: rows inside a braced argument.
    mutating func readSubstack(_ token: Token) -> TeXNode {
        skipSpaces()
        guard peek().kind == .beginGroup else { return missingArgument(token) }
        let open = next()
        let (rows, stop) = readRows(openedBy: open)
        var end = stop.range
        if stop.kind == .endGroup {
            _ = next()
        } else {
            report(.texUnclosedGroup(at: open.range))
            end = open.range
        }
        let environment = Environment(name: "substack", rows: rows)
        return TeXNode(.environment(environment), span(token.range, end))
    }

    /// Reads cells and rows until `\end`, `}` or the end of the text (left unread).
    private mutating func readRows(openedBy open: Token) -> ([[TeXNode]], Token) {
        var rows: [[TeXNode]] = []
        var cells: [TeXNode] = []
        while true {
            let (nodes, stop) = readList(until: [.cell, .group])
            cells.append(row(nodes, at: stop.range.start))
            switch stop.kind {
            case .alignment:
                _ = next()
            case .command("\\"), .command("cr"), .command("newline"):
                _ = next()
                skipRowSpacing()
                rows.append(cells)
                cells = []
            default:
                // `\end`, `}` or the end: a last row of one empty cell is a trailing `\\`.
                let trailing = cells.count == 1 && !rows.isEmpty && nodes.isEmpty
                if !trailing { rows.append(cells) }
                return (rows, stop)
            }
        }
    }

    /// `\\[4pt]`: the optional extra row spacing, which MathML leaves to the renderer.
    private mutating func skipRowSpacing() {
        guard peekRaw().kind == .character("[") else { return }
        let open = nextRaw()
        var consumed = [open]
        while true {
            let token = nextRaw()
            consumed.append(token)
            switch token.kind {
            case .character("]"): return
            case .number, .letter, .character("."), .character("-"), .space: continue
            default:
                // Not a dimension (`\\ [x]` in a matrix): put everything back.
                for token in consumed.reversed() { pushBack(token) }
                return
            }
        }
    }

    /// Reads `{name}` after `\begin` or `\end`, allowing spaces (`\end {cases}`).
    mutating func readEnvironmentName() -> (text: String, range: SourceRange) {
        skipSpacesRaw()
        let open = peekRaw()
        guard open.kind == .beginGroup else {
            report(.texMissingEnvironmentName(at: open.range))
            return ("", open.range)
        }
        _ = nextRaw()
        var name = ""
        while true {
            let token = nextRaw()
            switch token.kind {
            case .endGroup: return (name, span(open.range, token.range))
            case .letter(let text): name += text
            case .character("*"): name += "*"
            case .space: continue
            default:
                pushBack(token)
                report(.texUnclosedEnvironmentName(at: open.range))
                return (name, span(open.range, token.range))
            }
        }
    }
}
