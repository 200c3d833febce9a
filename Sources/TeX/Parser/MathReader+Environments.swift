import LitmusDiagnostics

extension MathReader {
    /// Reads `\begin{name}` (the `\begin` taken) up to its `\end`, splitting rows at `\\` and
    /// cells at `&`. A trailing `\\` before `\end` adds no empty row.
    mutating func readEnvironment(_ begin: Token) -> ID {
        let name = readEnvironmentName()
        let kindIndex = EnvironmentKind.index(
            named: tree.text[Int(name.textStart)..<Int(name.textStart + name.textCount)])
        if kindIndex == nil {
            report(.texUnknownEnvironment(nameText(name), at: range(begin.start, max(begin.end, name.end))))
        }
        var columnSpec: (textStart: Int32, textCount: Int32, end: Int32)?
        if let kindIndex, EnvironmentKind.table[kindIndex].kind.takesColumnSpec { columnSpec = readTextArgument() }
        let mark = scratch.count
        let stop = readRows()
        var end = stop.end
        if stop.isCommand(.end) {
            _ = next()
            let closing = readEnvironmentName()
            end = closing.end
            let opened = tree.text[Int(name.textStart)..<Int(name.textStart + name.textCount)]
            let closed = tree.text[Int(closing.textStart)..<Int(closing.textStart + closing.textCount)]
            if !opened.elementsEqual(closed) {
                report(
                    .texEnvironmentClosedBy(
                        nameText(name), nameText(closing), at: range(stop.start, max(stop.end, closing.end))))
            }
        } else {
            report(.texEnvironmentNeverClosed(nameText(name), at: range(begin)))
            end = lastCellEnd(from: mark) ?? name.end
        }
        dropLoneEmptyRow(from: mark)
        var node = list(.table, from: mark, at: begin.start)
        node = finishTable(node, name: name, kindIndex: kindIndex, columnSpec: columnSpec)
        tree[node].start = begin.start
        tree[node].end = max(begin.end, end)
        return node
    }

    /// The name as a string, for messages.
    func nameText(_ name: EnvironmentName) -> String {
        String(decoding: tree.text[Int(name.textStart)..<Int(name.textStart + name.textCount)], as: UTF8.self)
    }

    /// `\substack{i=1 \\ j \neq i}`: rows inside a braced argument.
    mutating func readSubstack(_ token: Token) -> ID {
        guard peek().kind == .beginGroup else { return missingArgument(token) }
        let open = next()
        let mark = scratch.count
        let stop = readRows()
        var end = stop.end
        if stop.kind == .endGroup {
            _ = next()
        } else {
            report(.texUnclosedGroup(at: range(open)))
            end = open.end
        }
        let textStart = Int32(truncatingIfNeeded: tree.text.count)
        tree.text.append(contentsOf: "substack".utf8)
        let name = EnvironmentName(textStart: textStart, textCount: 8, end: end)
        let node = finishTable(
            list(.table, from: mark, at: token.start), name: name, kindIndex: EnvironmentKind.substack,
            columnSpec: nil)
        tree[node].start = token.start
        tree[node].end = max(token.end, end)
        return node
    }

    private mutating func finishTable(
        _ node: ID, name: EnvironmentName, kindIndex: Int?,
        columnSpec: (textStart: Int32, textCount: Int32, end: Int32)?
    ) -> ID {
        tree[node].a = kindIndex.map { UInt8($0) } ?? 255
        tree[node].textStart = name.textStart
        tree[node].textCount = name.textCount
        tree[node].third = columnSpec?.textStart ?? -1
        tree[node].fourth = columnSpec?.textCount ?? 0
        return node
    }

    /// The end of the last cell of the rows pushed since `mark`.
    private func lastCellEnd(from mark: Int) -> Int32? {
        guard mark < scratch.count else { return nil }
        let row = tree[scratch[scratch.count - 1]]
        guard let cell = tree.list(row).last else { return nil }
        return tree[cell].end
    }

    /// A table whose only row is one empty cell has no rows.
    private mutating func dropLoneEmptyRow(from mark: Int) {
        guard scratch.count == mark + 1 else { return }
        let cells = tree.list(tree[scratch[mark]])
        guard cells.count == 1 else { return }
        let cell = tree[cells[cells.startIndex]]
        if cell.kind == .row, cell.second == 0 { scratch.removeLast() }
    }

    /// Reads cells and rows until `\end`, `}` or the end of the text (left unread), pushing a
    /// `tableRow` node per row on `scratch`.
    private mutating func readRows() -> Token {
        let rowsMark = scratch.count
        var cellsMark = scratch.count
        while true {
            let listMark = scratch.count
            let stop = readList(until: [.cell, .group])
            let isEmpty = scratch.count == listMark
            scratch.append(list(from: listMark, at: stop.start))
            if stop.kind == .alignment {
                _ = next()
            } else if stop.isCommand(.lineBreak) || stop.isCommand(.cr) || stop.isCommand(.newline) {
                _ = next()
                skipRowSpacing()
                scratch.append(list(.tableRow, from: cellsMark, at: 0))
                cellsMark = scratch.count
            } else {
                // `\end`, `}` or the end: a last row of one empty cell is a trailing `\\`.
                let trailing = scratch.count - cellsMark == 1 && cellsMark > rowsMark && isEmpty
                if trailing {
                    scratch.removeLast()
                } else {
                    scratch.append(list(.tableRow, from: cellsMark, at: 0))
                }
                return stop
            }
        }
    }

    /// `\\[4pt]`: the optional extra row spacing, which MathML leaves to the renderer.
    private mutating func skipRowSpacing() {
        guard peekRaw().isCharacter(UInt8(ascii: "[")), !peekRaw().spaceBefore else { return }
        let open = nextRaw()
        var consumed = [open]
        while true {
            let token = nextRaw()
            consumed.append(token)
            switch token.kind {
            case .character:
                switch UInt8(truncatingIfNeeded: token.value) {
                case UInt8(ascii: "]"): return
                case UInt8(ascii: "."), UInt8(ascii: "-"): continue
                default: break
                }
            case .number, .letter: continue
            default: break
            }
            // Not a dimension (`\\ [x]` in a matrix): put everything back.
            for token in consumed.reversed() { pushBack(token) }
            return
        }
    }

    /// Reads `{name}` after `\begin` or `\end`, allowing spaces (`\end {cases}`); the name goes
    /// into the tree's text.
    mutating func readEnvironmentName() -> EnvironmentName {
        let open = peekRaw()
        let textStart = Int32(truncatingIfNeeded: tree.text.count)
        guard open.kind == .beginGroup else {
            report(.texMissingEnvironmentName(at: range(open)))
            return EnvironmentName(textStart: textStart, textCount: 0, end: open.end)
        }
        _ = nextRaw()
        while true {
            let token = nextRaw()
            switch token.kind {
            case .endGroup:
                return environmentName(from: textStart, end: max(open.end, token.end))
            case .letter:
                _ = appendText(of: token)
            case .character where token.value == UInt32(UInt8(ascii: "*")):
                tree.text.append(UInt8(ascii: "*"))
            default:
                pushBack(token)
                report(.texUnclosedEnvironmentName(at: range(open)))
                return environmentName(from: textStart, end: max(open.end, token.end))
            }
        }
    }

    @inline(__always)
    private func environmentName(from textStart: Int32, end: Int32) -> EnvironmentName {
        EnvironmentName(
            textStart: textStart, textCount: Int32(truncatingIfNeeded: tree.text.count) - textStart, end: end)
    }
}

/// An environment name read into the tree's text, and the offset just past its `}`.
struct EnvironmentName {
    var textStart: Int32
    var textCount: Int32
    var end: Int32
}
