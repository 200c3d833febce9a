import LitmusDiagnostics

/// A math span found in a lesson: its LaTeX, whether it is `$$…$$`, and where its text starts.
struct MathSpan: CustomStringConvertible, Sendable {
    var latex: String
    var display: Bool
    /// The file position of the first byte after the opening delimiter.
    var start: SourceLocation

    var description: String { "\(start) \(display ? "$$" : "$")\(latex)" }

    /// The `$$…$$` and `$…$` spans of a Markdown text, as Jupyter finds them: `\$` is a dollar
    /// sign, inline math may span lines. A small helper for tests; LessonMarkdown owns the real one.
    static func find(in text: String) -> [MathSpan] {
        let bytes = Array(text.utf8)
        var spans: [MathSpan] = []
        var index = 0
        var line = 1
        var lineStart = 0
        func location(_ offset: Int) -> SourceLocation {
            SourceLocation(line: line, column: offset - lineStart + 1)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
                index += 1
            } else if byte == UInt8(ascii: "\\") {
                index += 2
            } else if byte == UInt8(ascii: "$") {
                let display = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "$")
                let open = index + (display ? 2 : 1)
                let start = location(open)
                var end = open
                var (endLine, endLineStart) = (line, lineStart)
                while end < bytes.count {
                    if bytes[end] == UInt8(ascii: "\\") { end += 2; continue }
                    if bytes[end] == UInt8(ascii: "\n") { endLine += 1; endLineStart = end + 1 }
                    if bytes[end] == UInt8(ascii: "$"),
                        !display || (end + 1 < bytes.count && bytes[end + 1] == UInt8(ascii: "$"))
                    {
                        break
                    }
                    end += 1
                }
                guard end < bytes.count else { break }
                spans.append(
                    MathSpan(
                        latex: String(decoding: bytes[open..<end], as: UTF8.self),
                        display: display, start: start))
                (line, lineStart) = (endLine, endLineStart)
                index = end + (display ? 2 : 1)
            } else {
                index += 1
            }
        }
        return spans
    }
}
