import LitmusDiagnostics

// The survey of a lesson's dialect markup, before any rule is applied: one pass over the prose
// lines, code spans skipped, counting what only one dialect writes.
extension MathScanner {
    /// Counts the dialect markup of the text outside code.
    mutating func survey() -> DialectSurvey {
        var survey = DialectSurvey()
        for line in directiveFenceLines {
            let name = directiveName(line: line)
            if Self.quartoCellLanguages.contains(name) { survey.quartoMarks += 1 } else { survey.mystMarks += 1 }
        }
        if let lines = frontMatterLines, lines.contains(where: { contains("format_name: myst", line: $0) }) {
            survey.mystMarks += 1
        }
        var opens = (single: 0, double: 0)
        var closes = (single: 0, double: 0)
        for line in lineStarts.indices where kinds[line] == .text {
            var position = contentStarts[line]
            let end = lineEnds[line]
            if bytes[position..<end].first == UInt8(ascii: "("),
                let (_, labelEnd) = parenthesizedName(at: position, line: line), labelEnd < end,
                bytes[labelEnd] == UInt8(ascii: "=")
            {
                survey.mystMarks += 1
            }
            while position < end {
                switch bytes[position] {
                case UInt8(ascii: "\\"):
                    guard position + 1 < end else {
                        position += 1
                        continue
                    }
                    let next = bytes[position + 1]
                    if next == UInt8(ascii: "\\"), position + 2 < end {
                        switch bytes[position + 2] {
                        case UInt8(ascii: "("), UInt8(ascii: "["): opens.double += 1
                        case UInt8(ascii: ")"), UInt8(ascii: "]"): closes.double += 1
                        default: break
                        }
                    } else if next == UInt8(ascii: "(") || next == UInt8(ascii: "[") {
                        opens.single += 1
                    } else if next == UInt8(ascii: ")") || next == UInt8(ascii: "]") {
                        closes.single += 1
                    }
                    position += 2
                case UInt8(ascii: "`"):
                    let run = runEnd(of: UInt8(ascii: "`"), from: position, line: line)
                    position = closingRunOnLine(from: run, length: run - position, line: line) ?? run
                case UInt8(ascii: ":"):
                    if let role = role(at: position, line: line), Self.d2lRoles.contains(role.name) {
                        survey.d2lMarks += 1
                    }
                    position += 1
                case UInt8(ascii: "{"):
                    if let role = role(at: position, line: line), Self.mystRoles.contains(role.name) {
                        survey.mystMarks += 1
                    } else if starts(with: "{#eq-", at: position) {
                        survey.quartoMarks += 1
                    }
                    position += 1
                case UInt8(ascii: "@"):
                    if starts(with: "@eq-", at: position),
                        position == contentStarts[line] || !Self.isWordByte(bytes[position - 1])
                    {
                        survey.quartoMarks += 1
                    }
                    position += 1
                case UInt8(ascii: "$"):
                    if position + 1 < end, bytes[position + 1] == UInt8(ascii: "$") {
                        let after = skipBlanks(from: position + 2, line: line)
                        if after > position + 2, after < end, bytes[after] == UInt8(ascii: "("),
                            let (_, labelEnd) = parenthesizedName(at: after, line: line),
                            skipBlanks(from: labelEnd, line: line) == end
                        {
                            survey.mystMarks += 1
                        }
                        position += 2
                    } else {
                        position += 1
                    }
                case UInt8(ascii: "<"):
                    if survey.declared == nil, let declared = declaredDialect(at: position, line: line) {
                        survey.declared = declared
                    }
                    position += 1
                default:
                    position += 1
                }
            }
        }
        survey.doubleBackslashPairs = min(opens.double, closes.double)
        survey.backslashPairs = min(opens.single, closes.single)
        return survey
    }

    /// The roles only d2l writes.
    static let d2lRoles: Set<String> = ["eqlabel", "eqref", "label", "numref", "cite", "citet"]
    /// The roles only MyST writes.
    static let mystRoles: Set<String> = ["eq", "math", "numref", "ref", "doc", "cite", "term", "download", "sub"]
    /// The languages of Quarto's (and R Markdown's) executable cells, ```` ```{python} ````.
    static let quartoCellLanguages: Set<String> = [
        "python", "r", "julia", "ojs", "bash", "sql", "swift", "mermaid", "dot",
    ]

    static func isWordByte(_ byte: UInt8) -> Bool {
        byte.isASCIILetter || byte.isASCIIDigit || byte == UInt8(ascii: "_")
    }

    /// The name of the directive a fence opens, ```` ```{name} args ```` (lowercased).
    func directiveName(line: Int) -> String {
        var position = indentation(line: line).first
        while position < lineEnds[line], bytes[position] == UInt8(ascii: "`") || bytes[position] == UInt8(ascii: "~") {
            position += 1
        }
        position = skipBlanks(from: position, line: line) + 1
        var end = position
        while end < lineEnds[line], bytes[end] != UInt8(ascii: "}"), bytes[end] != UInt8(ascii: " "),
            bytes[end] != UInt8(ascii: ",")
        {
            end += 1
        }
        return String(decoding: bytes[min(position, end)..<end], as: UTF8.self).lowercased()
    }

    /// `(name)` at `position` on `line`: the name and the offset past `)`.
    func parenthesizedName(at position: Int, line: Int) -> (String, Int)? {
        var probe = position + 1
        while probe < lineEnds[line], Self.isLabelByte(bytes[probe]) { probe += 1 }
        guard probe > position + 1, probe < lineEnds[line], bytes[probe] == UInt8(ascii: ")") else { return nil }
        return (String(decoding: bytes[(position + 1)..<probe], as: UTF8.self), probe + 1)
    }

    /// The offset past the backtick run of `length` that closes a code span on `line` after
    /// `position`; `nil` when the line has none (the backticks are then literal here).
    func closingRunOnLine(from position: Int, length: Int, line: Int) -> Int? {
        var probe = position
        while probe < lineEnds[line] {
            if bytes[probe] == UInt8(ascii: "`") {
                let end = runEnd(of: UInt8(ascii: "`"), from: probe, line: line)
                if end - probe == length { return end }
                probe = end
            } else {
                probe += 1
            }
        }
        return nil
    }

    private func contains(_ text: String, line: Int) -> Bool {
        let needle = Array(text.utf8)
        var position = lineStarts[line]
        while position + needle.count <= lineEnds[line] {
            if starts(with: text, at: position) { return true }
            position += 1
        }
        return needle.isEmpty
    }

    /// `<!-- litmus: dialect=name -->` at `position`: the name and the comment's range.
    private func declaredDialect(at position: Int, line: Int) -> (name: String, range: SourceRange)? {
        guard starts(with: "<!--", at: position) else { return nil }
        var probe = skipBlanks(from: position + 4, line: line)
        guard starts(with: "litmus:", at: probe) else { return nil }
        probe = skipBlanks(from: probe + 7, line: line)
        guard starts(with: "dialect=", at: probe) else { return nil }
        probe += 8
        let nameStart = probe
        while probe < lineEnds[line], Self.isWordByte(bytes[probe]) || bytes[probe] == UInt8(ascii: "-") { probe += 1 }
        let name = String(decoding: bytes[nameStart..<probe], as: UTF8.self)
        let close = skipBlanks(from: probe, line: line)
        let end = starts(with: "-->", at: close) ? close + 3 : probe
        return (name, range(position..<end))
    }
}
