/// Escaping for HTML text and attribute values. Only the five XML entities are produced, so
/// every page also parses as XML (the tests read pages back with an XML parser); characters XML
/// forbids (control characters other than tab and line ends, U+FFFE, U+FFFF) are dropped.
enum HTMLText {
    /// Escapes `&`, `<`, `>` (and quotes, so the same text is safe in attributes).
    static func escape(_ text: String) -> String {
        var needsWork = false
        for byte in text.utf8
        where byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
            || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0xEF
        {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(character)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
