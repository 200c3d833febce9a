import LitmusDiagnostics

// The markup of the dialects other than Jupyter's: pandoc's `$` rule, kramdown's inline `$$`,
// labels written after a display formula, references in the prose, MyST's hidden lines and
// the pairs a dialect does not read as math (which are reported, never dropped silently).
extension MathScanner {
    // MARK: - pandoc's `$`

    /// pandoc's opening `$`: a non-space right after it.
    func opensPandocDollar(at position: Int, end: Int) -> Bool {
        position + 1 < end && !Self.isSpace(bytes[position + 1])
    }

    /// pandoc's closing `$` (the first after the opener): a non-space right before it and no
    /// digit right after it; otherwise the opener is a dollar sign.
    func closesPandocDollar(at position: Int, end: Int) -> Bool {
        let lineStart = lineStarts[lineIndex(ofOffset: position)]
        guard position > lineStart, !Self.isSpace(bytes[position - 1]) else { return false }
        return position + 1 >= end || !bytes[position + 1].isASCIIDigit
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
    }

    // MARK: - kramdown's `$$`

    /// Whether the span from `opener` to `closerEnd` is alone in its paragraph: only blanks
    /// before it on its first line after a paragraph break, only blanks after it on its last
    /// line before one. kramdown makes such a `$$…$$` display math, any other inline.
    func standsAlone(from opener: Cursor, to closerEnd: Cursor) -> Bool {
        guard onlyBlanksBefore(opener.offset, line: opener.line) else { return false }
        if opener.line > 0, kinds[opener.line - 1] == .text, !isHeading(line: opener.line - 1) { return false }
        guard skipBlanks(from: closerEnd.offset, line: closerEnd.line) == lineEnds[closerEnd.line] else { return false }
        let next = closerEnd.line + 1
        return next >= lineStarts.count || kinds[next] != .text
    }

    private func isHeading(line: Int) -> Bool {
        let first = indentation(line: line).first
        return first < lineEnds[line] && bytes[first] == UInt8(ascii: "#")
    }

    // MARK: - Labels after a display formula

    /// Reads the label the dialect writes after the display formula just recorded (d2l's
    /// `:eqlabel:` on the next line, MyST's `(label)` or Quarto's `{#eq-…}` on the same line),
    /// hides it and attaches it to the formula. Returns where the scan continues.
    mutating func labelAfterDisplay(_ closerEnd: Cursor) -> Cursor {
        if rules.myst || rules.quarto {
            let start = skipBlanks(from: closerEnd.offset, line: closerEnd.line)
            let open: UInt8 = rules.myst ? UInt8(ascii: "(") : UInt8(ascii: "{")
            if start < lineEnds[closerEnd.line], bytes[start] == open,
                let (name, end) = rules.myst
                    ? parenthesizedName(at: start, line: closerEnd.line) : attributeLabel(at: start, prefix: "eq-"),
                skipBlanks(from: end, line: closerEnd.line) == lineEnds[closerEnd.line]
            {
                attachLabel(name, syntax: rules.myst ? .myst : .quarto, range: start..<end)
                return Cursor(line: closerEnd.line, offset: end)
            }
        }
        if rules.d2lRoles {
            var line = closerEnd.line
            var start = skipBlanks(from: closerEnd.offset, line: line)
            if start == lineEnds[line], line + 1 < lineStarts.count, kinds[line + 1] == .text {
                line += 1
                start = skipBlanks(from: contentStarts[line], line: line)
            }
            if let role = role(at: start, line: line), role.name == "eqlabel" {
                attachLabel(role.target, syntax: .d2l, range: start..<role.end)
                return Cursor(line: line, offset: role.end)
            }
        }
        return closerEnd
    }

    private mutating func attachLabel(_ name: String, syntax: EquationLabel.Syntax, range: Range<Int>) {
        spans[spans.count - 1].labels.append(LabelMark(name: name, syntax: syntax, range: range))
        hidden.append(range)
    }

    /// `{#prefix…}` at `position` (other attributes may follow the id): the id and the offset
    /// past `}`.
    private func attributeLabel(at position: Int, prefix: String) -> (String, Int)? {
        let line = lineIndex(ofOffset: position)
        guard starts(with: "{#" + prefix, at: position) else { return nil }
        var probe = position + 2
        while probe < lineEnds[line], Self.isLabelByte(bytes[probe]) { probe += 1 }
        let name = String(decoding: bytes[(position + 2)..<probe], as: UTF8.self)
        while probe < lineEnds[line], bytes[probe] != UInt8(ascii: "}"), bytes[probe] != UInt8(ascii: "{") {
            probe += 1
        }
        guard probe < lineEnds[line], bytes[probe] == UInt8(ascii: "}"), name.utf8.count > prefix.utf8.count else {
            return nil
        }
        return (name, probe + 1)
    }

    /// The bytes a label name is made of: letters, digits, `_`, `-`, `:` and `.` (not last).
    static func isLabelByte(_ byte: UInt8) -> Bool {
        byte.isASCIILetter || byte.isASCIIDigit || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }

    // MARK: - Roles: `:name:`target`` and `{name}`target``

    /// A role at `position`: `:name:` (d2l) or `{name}` (MyST) right before a code span; its
    /// name, the code span's content (trimmed) and the offset past its closing backticks.
    func role(at position: Int, line: Int) -> (name: String, target: String, end: Int)? {
        let end = lineEnds[line]
        guard position < end else { return nil }
        let close: UInt8 = bytes[position] == UInt8(ascii: ":") ? UInt8(ascii: ":") : UInt8(ascii: "}")
        guard bytes[position] == UInt8(ascii: ":") || bytes[position] == UInt8(ascii: "{") else { return nil }
        var probe = position + 1
        while probe < end, bytes[probe].isASCIILetter || bytes[probe] == UInt8(ascii: "-") { probe += 1 }
        guard probe > position + 1, probe + 1 < end, bytes[probe] == close, bytes[probe + 1] == UInt8(ascii: "`")
        else { return nil }
        let name = String(decoding: bytes[(position + 1)..<probe], as: UTF8.self)
        let runStart = probe + 1
        let runEnd = runEnd(of: UInt8(ascii: "`"), from: runStart, line: line)
        // A role's content stays on its line.
        var search = runEnd
        while search < end {
            if bytes[search] == UInt8(ascii: "`") {
                let closing = self.runEnd(of: UInt8(ascii: "`"), from: search, line: line)
                if closing - search == runEnd - runStart {
                    let target = String(decoding: bytes[runEnd..<search], as: UTF8.self)
                    return (name, target.trimmingSpaces, closing)
                }
                search = closing
            } else {
                search += 1
            }
        }
        return nil
    }

    /// d2l's ``:eqref:`name` ``, ``:numref:`name` ``, ``:label:`name` `` and a stray
    /// ``:eqlabel:`name` ``; `nil` for anything else (`:cite:` stays text and code).
    mutating func scanD2LRole(at cursor: Cursor) -> Cursor? {
        guard let role = role(at: cursor.offset, line: cursor.line), !role.target.isEmpty else { return nil }
        let range = cursor.offset..<role.end
        switch role.name {
        case "eqref": recordReference(.d2lEquation, target: role.target, text: nil, range: range, line: cursor.line)
        case "numref": recordReference(.d2lNumbered, target: role.target, text: nil, range: range, line: cursor.line)
        case "label", "eqlabel":
            blockLabels.append(BlockLabelMark(name: role.target, syntax: .d2l, range: range))
            hidden.append(range)
        default: return nil
        }
        return Cursor(line: cursor.line, offset: role.end)
    }

    /// At `{`: a MyST role (``{math}`…` ``, ``{eq}`…` ``, ``{numref}`…` ``, ``{ref}`…` ``) or
    /// Quarto's `{#sec-…}` at the end of a heading.
    mutating func scanBrace(at cursor: Cursor) -> Cursor? {
        if rules.quarto {
            guard isHeading(line: cursor.line), let (name, end) = attributeLabel(at: cursor.offset, prefix: ""),
                skipBlanks(from: end, line: cursor.line) == lineEnds[cursor.line]
            else { return nil }
            blockLabels.append(BlockLabelMark(name: name, syntax: .quarto, range: cursor.offset..<end))
            hidden.append(cursor.offset..<end)
            return Cursor(line: cursor.line, offset: end)
        }
        guard let role = role(at: cursor.offset, line: cursor.line), !role.target.isEmpty else { return nil }
        let range = cursor.offset..<role.end
        switch role.name {
        case "math":
            let runStart = cursor.offset + "{math}".utf8.count
            let run = runEnd(of: UInt8(ascii: "`"), from: runStart, line: cursor.line) - runStart
            record(
                .math(.role), display: false, opener: cursor,
                contentStart: Cursor(line: cursor.line, offset: runStart + run),
                closerStart: Cursor(line: cursor.line, offset: role.end - run),
                closerEnd: Cursor(line: cursor.line, offset: role.end))
        case "eq":
            recordReference(.mystEquation, target: role.target, text: nil, range: range, line: cursor.line)
        case "numref", "ref":
            // ``{ref}`the text <name>` `` names its own text.
            var target = role.target
            var text: String?
            if target.hasSuffix(">"), let open = target.lastIndex(of: "<") {
                text = String(target[..<open]).trimmingSpaces
                target = String(target[target.index(after: open)..<target.index(before: target.endIndex)])
            }
            recordReference(
                role.name == "ref" ? .mystPlain : .mystNumbered, target: target, text: text, range: range,
                line: cursor.line)
        default:
            return nil
        }
        return Cursor(line: cursor.line, offset: role.end)
    }

    /// Quarto's `@eq-name`, `@sec-name`, `@fig-name`, `@tbl-name`, not inside a word (an e-mail
    /// address) and not ending in `.` or `:` (the end of a sentence).
    mutating func scanQuartoReference(at cursor: Cursor) -> Cursor? {
        let position = cursor.offset
        if position > contentStarts[cursor.line] {
            let before = bytes[position - 1]
            guard !(before.isASCIILetter || before.isASCIIDigit || before == UInt8(ascii: "_")) else { return nil }
        }
        let prefixes: [(String, LabelReference.Syntax)] = [
            ("eq-", .quartoEquation), ("sec-", .quartoNumbered), ("fig-", .quartoNumbered),
            ("tbl-", .quartoNumbered),
        ]
        guard let (_, syntax) = prefixes.first(where: { starts(with: "@" + $0.0, at: position) }) else { return nil }
        var end = position + 1
        while end < lineEnds[cursor.line], Self.isLabelByte(bytes[end]) { end += 1 }
        while end > position + 1, bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: ":") {
            end -= 1
        }
        let target = String(decoding: bytes[(position + 1)..<end], as: UTF8.self)
        guard !prefixes.contains(where: { $0.0 == target }) else { return nil }
        recordReference(syntax, target: target, text: nil, range: position..<end, line: cursor.line)
        return Cursor(line: cursor.line, offset: end)
    }

    /// `\ref{name}` or `\eqref{name}` in the prose, which MathJax resolves outside math too.
    mutating func scanTeXReference(at cursor: Cursor) -> Cursor? {
        let position = cursor.offset
        let equation = starts(with: "\\eqref{", at: position)
        guard equation || starts(with: "\\ref{", at: position) else { return nil }
        let nameStart = position + (equation ? 7 : 5)
        var end = nameStart
        while end < lineEnds[cursor.line], bytes[end] != UInt8(ascii: "}"), bytes[end] != UInt8(ascii: "{") { end += 1 }
        guard end > nameStart, end < lineEnds[cursor.line], bytes[end] == UInt8(ascii: "}") else { return nil }
        let target = String(decoding: bytes[nameStart..<end], as: UTF8.self).trimmingSpaces
        recordReference(
            equation ? .texEquation : .texPlain, target: target, text: nil, range: position..<(end + 1),
            line: cursor.line)
        return Cursor(line: cursor.line, offset: end + 1)
    }

    private mutating func recordReference(
        _ syntax: LabelReference.Syntax, target: String, text: String?, range: Range<Int>, line: Int
    ) {
        let start = Cursor(line: line, offset: range.lowerBound)
        let end = Cursor(line: line, offset: range.upperBound)
        record(
            .reference(syntax, target: target, text: text), display: false, opener: start, contentStart: start,
            closerStart: end, closerEnd: end)
    }

    // MARK: - MyST lines

    /// Hides MyST's `+++` cell markers, `(label)=` targets and `%` comments standing at the start
    /// of a paragraph (a `%` line inside display math is LaTeX's comment); they end a paragraph
    /// as a blank line does. A target is recorded as a block label.
    mutating func hideMySTLines() {
        for line in lineStarts.indices
        where kinds[line] == .text && (line == 0 || kinds[line - 1] != .text || isHeading(line: line - 1)) {
            let (columns, first) = indentation(line: line)
            guard columns < 4, first < lineEnds[line] else { continue }
            let range = first..<lineEnds[line]
            switch bytes[first] {
            case UInt8(ascii: "+") where starts(with: "+++", at: first):
                break
            case UInt8(ascii: "%"):
                break
            case UInt8(ascii: "("):
                guard let (name, end) = parenthesizedName(at: first, line: line), end < lineEnds[line],
                    bytes[end] == UInt8(ascii: "="), skipBlanks(from: end + 1, line: line) == lineEnds[line]
                else { continue }
                blockLabels.append(BlockLabelMark(name: name, syntax: .myst, range: range))
            default:
                continue
            }
            kinds[line] = .hidden
            hidden.append(range)
        }
    }

    // MARK: - Pairs the dialect does not read

    /// Counts a pair of `delimiter` (whose opener is at `cursor`) that the dialect leaves as
    /// text, when its closer follows; `reportUnreadPairs` warns once per delimiter.
    mutating func noteUnreadPair(_ delimiter: MathDelimiter, at cursor: Cursor, openerLength: Int) {
        let contentStart = Cursor(line: cursor.line, offset: cursor.offset + openerLength)
        guard let (_, closerEnd) = findCloser(for: delimiter, from: contentStart) else { return }
        let range = cursor.offset..<closerEnd.offset
        let known = unreadPairs[delimiter]
        unreadPairs[delimiter] = (count: (known?.count ?? 0) + 1, first: known?.first ?? range)
    }

    /// One warning per delimiter the dialect left as text, at its first pair, saying which
    /// dialect reads it and how to choose it.
    mutating func reportUnreadPairs() {
        let order: [MathDelimiter] = [
            .doubleBackslashParenthesis, .doubleBackslashBracket, .parenthesis, .bracket,
        ]
        for delimiter in order {
            guard let (count, first) = unreadPairs[delimiter] else { continue }
            let reader: MathDialect = delimiter == .parenthesis || delimiter == .bracket ? .jupyter : .kramdown
            diagnostics.append(
                .unreadMath(delimiter, count: count, dialect: dialect, reader: reader, at: range(first)))
        }
    }
}

extension String {
    /// The string without spaces and tabs at either end.
    var trimmingSpaces: String {
        let bytes = Array(utf8)
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
