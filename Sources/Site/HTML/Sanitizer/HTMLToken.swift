/// One token of HTML as the WHATWG tokenizer (§13.2.5) produces it: names lower-cased, character
/// references decoded, NUL in names and values replaced by U+FFFD.
enum HTMLToken: Equatable {
    /// An attribute of a start tag; the first of two with the same name wins, as in a browser.
    struct Attribute: Equatable {
        var name: String
        var value: String
    }

    case startTag(name: String, attributes: [Attribute], selfClosing: Bool)
    case endTag(name: String)
    /// Text with its character references decoded.
    case text(String)
    /// A comment, a bogus comment (`<?…>`, `<!x>`, `</ x>`) or a doctype: never shown.
    case comment
}
