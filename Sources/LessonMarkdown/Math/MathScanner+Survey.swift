import LitmusDiagnostics

// The survey of a lesson's dialect markup, taken while the lesson is scanned under Jupyter's
// rules: the markup only one dialect writes is counted where it stands in the prose (never
// inside math or code), so a lesson in the default dialect is scanned once, and one in another
// dialect once more under its own rules.
extension MathScanner {
    /// Scans under Jupyter's rules and counts the dialect markup of the prose on the way.
    mutating func surveyingScan() -> (Result, DialectSurvey) {
        surveying = DialectSurvey()
        let result = scan(dialect: .jupyter)
        var survey = surveying!
        surveying = nil
        surveyLines(into: &survey)
        // kramdown's pairs were met as pairs Jupyter does not read; single ones as math.
        survey.doubleBackslashPairs =
            (unreadPairs[.doubleBackslashParenthesis]?.count ?? 0) + (unreadPairs[.doubleBackslashBracket]?.count ?? 0)
        survey.backslashPairs = result.spans.count { $0.delimiter == .parenthesis || $0.delimiter == .bracket }
        return (result, survey)
    }

    /// The markup that stands on lines of its own: directive fences, a jupytext MyST header,
    /// `(label)=` targets.
    private func surveyLines(into survey: inout DialectSurvey) {
        for line in directiveFenceLines {
            let name = directiveName(line: line)
            if Self.quartoCellLanguages.contains(name) { survey.quartoMarks += 1 } else { survey.mystMarks += 1 }
        }
        if let lines = frontMatterLines, lines.contains(where: { contains("format_name: myst", line: $0) }) {
            survey.mystMarks += 1
        }
        for line in lineStarts.indices where kinds[line] == .text {
            let first = contentStarts[line]
            guard first < lineEnds[line], bytes[first] == UInt8(ascii: "("),
                let (_, labelEnd) = parenthesizedName(at: first, line: line), labelEnd < lineEnds[line],
                bytes[labelEnd] == UInt8(ascii: "=")
            else { continue }
            survey.mystMarks += 1
        }
    }

    /// At `:` in the prose: a d2l role.
    mutating func surveyColon(at cursor: Cursor) {
        if let role = role(at: cursor.offset, line: cursor.line), Self.d2lRoles.contains(role.name) {
            surveying?.d2lMarks += 1
        }
    }

    /// At `{` in the prose: a MyST role, or Quarto's `{#eq-…}`.
    mutating func surveyBrace(at cursor: Cursor) {
        if let role = role(at: cursor.offset, line: cursor.line), Self.mystRoles.contains(role.name) {
            surveying?.mystMarks += 1
        } else if starts(with: "{#eq-", at: cursor.offset) {
            surveying?.quartoMarks += 1
        }
    }

    /// At `@` in the prose: Quarto's `@eq-…`, not inside a word.
    mutating func surveyAt(_ cursor: Cursor) {
        let position = cursor.offset
        guard starts(with: "@eq-", at: position),
            position == contentStarts[cursor.line] || !Self.isWordByte(bytes[position - 1])
        else { return }
        surveying?.quartoMarks += 1
    }

    /// After a display `$$…$$` ending at `closerEnd`: MyST's `(label)` to the end of the line.
    mutating func surveyDisplayLabel(after closerEnd: Cursor) {
        let after = skipBlanks(from: closerEnd.offset, line: closerEnd.line)
        guard after > closerEnd.offset, after < lineEnds[closerEnd.line], bytes[after] == UInt8(ascii: "("),
            let (_, labelEnd) = parenthesizedName(at: after, line: closerEnd.line),
            skipBlanks(from: labelEnd, line: closerEnd.line) == lineEnds[closerEnd.line]
        else { return }
        surveying?.mystMarks += 1
    }

    /// At `<!--`: `<!-- litmus: dialect=name -->`, the first of which names the lesson's dialect.
    mutating func surveyComment(at position: Int) {
        guard surveying?.declared == nil else { return }
        let line = lineIndex(ofOffset: position)
        var probe = skipBlanks(from: position + 4, line: line)
        guard starts(with: "litmus:", at: probe) else { return }
        probe = skipBlanks(from: probe + 7, line: line)
        guard starts(with: "dialect=", at: probe) else { return }
        probe += 8
        let nameStart = probe
        while probe < lineEnds[line], Self.isWordByte(bytes[probe]) || bytes[probe] == UInt8(ascii: "-") { probe += 1 }
        let name = String(decoding: bytes[nameStart..<probe], as: UTF8.self)
        let close = skipBlanks(from: probe, line: line)
        let end = starts(with: "-->", at: close) ? close + 3 : probe
        let declared = (name: name, range: range(position..<end))
        surveying?.declared = declared
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

    private func contains(_ text: String, line: Int) -> Bool {
        let needle = Array(text.utf8)
        var position = lineStarts[line]
        while position + needle.count <= lineEnds[line] {
            if starts(with: text, at: position) { return true }
            position += 1
        }
        return needle.isEmpty
    }
}
