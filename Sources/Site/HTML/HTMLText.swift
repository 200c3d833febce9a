/// Escaping for HTML text and attribute values. Only the five XML entities are produced, so
/// every page also parses as XML (the tests read pages back with an XML parser).
enum HTMLText {
    /// Escapes `&`, `<`, `>` (and quotes, so the same text is safe in attributes).
    static func escape(_ text: String) -> String {
        var needsWork = false
        for byte in text.utf8
        where byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
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
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
