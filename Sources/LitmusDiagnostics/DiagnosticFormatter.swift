/// Prints diagnostics as the Swift compiler does, so editors and CI annotate the line:
///
///     notebooks/lesson.md:12:5: warning: superscript `^(` takes only `(`
///      - $b^(l)$ : bias
///           ^~
///
/// and, for GitHub Actions, as workflow commands (`::warning file=…,line=…,col=…::…`).
public struct DiagnosticFormatter: Sendable {
    /// The file name printed before each position.
    public var path: String
    /// The file's lines, to quote the line under the message; `nil` prints no quote.
    public var lines: SourceLines?

    public init(path: String, lines: SourceLines? = nil) {
        self.path = path
        self.lines = lines
    }

    /// The compiler-style text of one diagnostic and its notes, ending with a newline.
    public func format(_ diagnostic: Diagnostic) -> String {
        var out = header(diagnostic.severity, diagnostic.message, diagnostic.range)
        out += quote(diagnostic.range)
        for note in diagnostic.notes {
            out += header(.note, note.message, note.range ?? diagnostic.range)
            if note.range != nil { out += quote(note.range) }
        }
        return out
    }

    /// The GitHub Actions workflow command for one diagnostic (notes become part of the message).
    public func githubAnnotation(_ diagnostic: Diagnostic) -> String {
        let level: String
        switch diagnostic.severity {
        case .error: level = "error"
        case .warning: level = "warning"
        case .note: level = "notice"
        }
        let location = diagnostic.location
        let message = ([diagnostic.message] + diagnostic.notes.map(\.message)).joined(separator: "\n")
        return "::\(level) file=\(Self.escapeProperty(path)),line=\(location.line),col=\(location.column)::"
            + Self.escapeData(message) + "\n"
    }

    private func header(_ severity: Severity, _ message: String, _ range: SourceRange?) -> String {
        let location = range?.start ?? .start
        return "\(path):\(location.line):\(location.column): \(severity.rawValue): \(message)\n"
    }

    /// The source line and a caret under the range's start, with `~` under the rest of the range
    /// on that line. Columns are bytes, so the caret line copies tabs and counts characters.
    private func quote(_ range: SourceRange?) -> String {
        guard let range, let lines, let text = lines.line(range.start.line) else { return "" }
        let bytes = Array(text.utf8)
        let startByte = min(max(range.start.column - 1, 0), bytes.count)
        var endByte = range.end.line == range.start.line ? range.end.column - 1 : bytes.count
        endByte = min(max(endByte, startByte + 1), max(bytes.count, startByte + 1))
        var marker = ""
        for character in String(decoding: bytes[..<startByte], as: UTF8.self) {
            marker.append(character == "\t" ? "\t" : " ")
        }
        marker.append("^")
        let underlined =
            startByte + 1 < endByte && endByte <= bytes.count
            ? String(decoding: bytes[(startByte + 1)..<endByte], as: UTF8.self).count : 0
        marker += String(repeating: "~", count: underlined)
        return text + "\n" + marker + "\n"
    }

    static func escapeData(_ text: String) -> String {
        text.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
