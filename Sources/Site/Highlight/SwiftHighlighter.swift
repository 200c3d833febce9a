/// Colours Swift source for a page: keywords, types, strings, numbers and comments, each a
/// `<span class="…">`; everything else escaped. A small lexer, not a parser: good enough to read,
/// and linear in the length of the code.
enum SwiftHighlighter {
    static let keywords: Set<String> = [
        "as", "associatedtype", "async", "await", "break", "case", "catch", "class", "continue", "default", "defer",
        "do", "else", "enum", "extension", "false", "fileprivate", "for", "func", "guard", "if", "import", "in",
        "init", "inout", "internal", "is", "let", "nil", "open", "operator", "private", "protocol", "public",
        "repeat", "rethrows", "return", "self", "Self", "static", "struct", "subscript", "super", "switch", "throw",
        "throws", "true", "try", "typealias", "var", "where", "while", "some", "any", "mutating", "nonmutating",
        "override", "final", "lazy", "weak", "package", "consume", "borrowing", "consuming",
    ]

    /// The highlighted HTML of `code` (no surrounding `<pre>`).
    static func highlight(_ code: String) -> String {
        let scalars = Array(code.unicodeScalars)
        var out = ""
        var index = 0
        func span(_ kind: String, _ range: Range<Int>) {
            out +=
                "<span class=\"\(kind)\">" + HTMLText.escape(String(String.UnicodeScalarView(scalars[range])))
                + "</span>"
        }
        while index < scalars.count {
            let scalar = scalars[index]
            let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
            if scalar == "/", next == "/" {
                let start = index
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
                span("cm", start..<index)
            } else if scalar == "/", next == "*" {
                let start = index
                index += 2
                while index < scalars.count,
                    !(scalars[index] == "*" && index + 1 < scalars.count && scalars[index + 1] == "/")
                {
                    index += 1
                }
                index = min(index + 2, scalars.count)
                span("cm", start..<index)
            } else if scalar == "\"" {
                let start = index
                index += 1
                while index < scalars.count, scalars[index] != "\"", scalars[index] != "\n" {
                    if scalars[index] == "\\" { index += 1 }
                    index += 1
                }
                index = min(index + 1, scalars.count)
                span("st", start..<index)
            } else if ("0"..."9").contains(scalar) {
                let start = index
                while index < scalars.count,
                    ("0"..."9").contains(scalars[index]) || scalars[index] == "." || scalars[index] == "_"
                        || scalars[index] == "e" || scalars[index] == "x"
                {
                    if scalars[index] == ".", index + 1 < scalars.count, !("0"..."9").contains(scalars[index + 1]) {
                        break
                    }
                    index += 1
                }
                span("nu", start..<index)
            } else if scalar.properties.isAlphabetic || scalar == "_" || scalar == "@" || scalar == "#" {
                let start = index
                index += 1
                while index < scalars.count,
                    scalars[index].properties.isAlphabetic || scalars[index] == "_"
                        || ("0"..."9").contains(scalars[index])
                {
                    index += 1
                }
                let word = String(String.UnicodeScalarView(scalars[start..<index]))
                if keywords.contains(word) || word.hasPrefix("#") || word.hasPrefix("@") {
                    span("kw", start..<index)
                } else if let first = word.unicodeScalars.first, first.properties.isUppercase {
                    span("ty", start..<index)
                } else {
                    out += HTMLText.escape(word)
                }
            } else {
                out += HTMLText.escape(String(scalar))
                index += 1
            }
        }
        return out
    }
}
