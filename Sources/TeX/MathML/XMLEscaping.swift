extension String {
    /// Appends `text` escaped for XML text and double-quoted attribute values (`&`, `<`, `>`,
    /// `"`); control characters, which XML 1.0 forbids even as references, become U+FFFD.
    mutating func appendEscaped(_ text: String) {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else {
            append(text)
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": append("&amp;")
            case "<": append("&lt;")
            case ">": append("&gt;")
            case "\"": append("&quot;")
            case "\t", "\n", "\r": unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}": append("\u{FFFD}")
            default: unicodeScalars.append(scalar)
            }
        }
    }
}
