/// Splits HTML into tokens the way a browser's tokenizer does (WHATWG HTML §13.2.5), so that what
/// the sanitizer judges is what a browser would have built: unquoted and duplicate attributes,
/// character references with and without `;` (and the attribute-value exception), comments such
/// as `<!-->` and `--!>`, bogus comments (`<?…>`, `</ x>`), CDATA in SVG, raw text after
/// `<script>` or `<style>` up to the matching end tag, NUL replaced or dropped, and a tag cut off
/// by the end of input dropped.
///
/// The tree-construction stage (the sanitizer) says when to switch to raw text and whether the
/// current node is foreign (SVG), as a browser's does. Linear in the input.
struct HTMLTokenizer {
    private let input: [Unicode.Scalar]
    private var position = 0
    /// Set by the tree stage: CDATA sections are text inside SVG, bogus comments elsewhere.
    var inForeignContent = false
    /// After a raw-text start tag: the end tag that closes it, and whether references are decoded.
    private var rawText: (name: [Unicode.Scalar], decodes: Bool)?
    private var plaintext = false

    init(_ html: String) {
        input = Array(html.unicodeScalars)
    }

    /// After `<script>`, `<style>`, `<textarea>`…: the content up to `</name` is one text token.
    mutating func switchToRawText(_ name: String, decodesReferences: Bool) {
        rawText = (Array(name.unicodeScalars), decodesReferences)
    }

    /// After `<plaintext>`: everything that follows is text.
    mutating func switchToPlaintext() { plaintext = true }

    mutating func next() -> HTMLToken? {
        guard position < input.count else { return nil }
        if plaintext {
            defer { position = input.count }
            return .text(String(String.UnicodeScalarView(input[position...])))
        }
        if let raw = rawText {
            rawText = nil
            let end = rawTextEnd(raw.name)
            let body = input[position..<end]
            position = end
            if !body.isEmpty {
                return .text(raw.decodes ? decode(body, inAttribute: false) : String(String.UnicodeScalarView(body)))
            }
            guard position < input.count else { return nil }
        }
        if input[position] == "<", let token = markup() { return token }
        return text()
    }

    // MARK: - Text

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\u{0C}" || scalar == "\r"
    }

    private static func isAlpha(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        isAlpha(scalar) || ("0"..."9").contains(scalar)
    }

    /// Text up to the next `<` (a lone `<` that starts no markup is text too).
    private mutating func text() -> HTMLToken {
        let start = position
        position += 1
        while position < input.count, input[position] != "<" { position += 1 }
        return .text(decode(input[start..<position], inAttribute: false))
    }

    /// The index of `</name` followed by white space, `/` or `>`, or the end of input.
    private func rawTextEnd(_ name: [Unicode.Scalar]) -> Int {
        var index = position
        while index + 1 < input.count {
            if input[index] == "<", input[index + 1] == "/", index + 2 + name.count <= input.count {
                var matches = true
                for (offset, scalar) in name.enumerated()
                where lower(input[index + 2 + offset]) != scalar {
                    matches = false
                    break
                }
                let after = index + 2 + name.count
                if matches,
                    after == input.count || Self.isWhitespace(input[after]) || input[after] == "/"
                        || input[after] == ">"
                {
                    return index
                }
            }
            index += 1
        }
        return input.count
    }

    private func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
    }

    // MARK: - Markup

    /// A tag, comment or declaration at `<`; `nil` when `<` starts none (it is then text).
    private mutating func markup() -> HTMLToken? {
        let next = position + 1 < input.count ? input[position + 1] : nil
        guard let next else { return nil }
        if Self.isAlpha(next) {
            position += 1
            return tag(closing: false)
        }
        switch next {
        case "!":
            position += 2
            return declaration()
        case "/":
            let after = position + 2 < input.count ? input[position + 2] : nil
            guard let after else { return nil }  // `</` at the end is text
            if Self.isAlpha(after) {
                position += 2
                return tag(closing: true)
            }
            if after == ">" {  // `</>` is dropped
                position += 3
                return .comment
            }
            position += 2
            return bogusComment()
        case "?":
            position += 1
            return bogusComment()
        default:
            return nil
        }
    }

    /// Up to and including the next `>`.
    private mutating func bogusComment() -> HTMLToken {
        while position < input.count, input[position] != ">" { position += 1 }
        position = min(position + 1, input.count)
        return .comment
    }

    /// After `<!`: a comment, a CDATA section (text inside SVG) or a doctype / bogus comment.
    private mutating func declaration() -> HTMLToken {
        if matches("--") {
            position += 2
            return comment()
        }
        if matches("[CDATA[") {
            if inForeignContent {
                position += 7
                let start = position
                while position < input.count, !matches("]]>") { position += 1 }
                let body = String(String.UnicodeScalarView(input[start..<position]))
                position = min(position + 3, input.count)
                return .text(body)
            }
        }
        return bogusComment()
    }

    /// The comment states (§13.2.5.43–52): `<!-->`, `<!--->`, `-->`, `--!>`, or the end of input.
    private mutating func comment() -> HTMLToken {
        if matches(">") || matches("->") {  // abruptly closed empty comment
            position += matches(">") ? 1 : 2
            return .comment
        }
        while position < input.count {
            if matches("-->") {
                position += 3
                return .comment
            }
            if matches("--!>") {
                position += 4
                return .comment
            }
            position += 1
        }
        return .comment
    }

    /// Whether the input at the current position is `text`, exactly (`[CDATA[` is case-sensitive).
    private func matches(_ text: String) -> Bool {
        var index = position
        for scalar in text.unicodeScalars {
            guard index < input.count, input[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    /// A start or end tag from its name's first letter; `.comment` (dropped) when the input ends
    /// inside it, as a browser drops such a tag.
    private mutating func tag(closing: Bool) -> HTMLToken {
        var name = String.UnicodeScalarView()
        while position < input.count {
            let scalar = input[position]
            if Self.isWhitespace(scalar) || scalar == "/" || scalar == ">" { break }
            name.append(scalar == "\0" ? "\u{FFFD}" : lower(scalar))
            position += 1
        }
        var attributes: [HTMLToken.Attribute] = []
        var seen: Set<String> = []
        var selfClosing = false
        while position < input.count {
            let scalar = input[position]
            if Self.isWhitespace(scalar) {
                position += 1
                continue
            }
            if scalar == ">" {
                position += 1
                let tagName = String(name)
                return closing
                    ? .endTag(name: tagName)
                    : .startTag(name: tagName, attributes: attributes, selfClosing: selfClosing)
            }
            if scalar == "/" {
                position += 1
                selfClosing = position < input.count && input[position] == ">"
                continue
            }
            selfClosing = false
            guard let attribute = self.attribute() else { break }
            if seen.insert(attribute.name).inserted { attributes.append(attribute) }
        }
        position = input.count
        return .comment
    }

    /// One attribute from its name's first character (§13.2.5.32–39); `nil` at the end of input.
    private mutating func attribute() -> HTMLToken.Attribute? {
        var name = String.UnicodeScalarView()
        // An attribute name may start with `=` (then it is part of the name).
        name.append(input[position] == "\0" ? "\u{FFFD}" : lower(input[position]))
        position += 1
        while position < input.count {
            let scalar = input[position]
            if Self.isWhitespace(scalar) || scalar == "/" || scalar == ">" || scalar == "=" { break }
            name.append(scalar == "\0" ? "\u{FFFD}" : lower(scalar))
            position += 1
        }
        while position < input.count, Self.isWhitespace(input[position]) { position += 1 }
        guard position < input.count else { return nil }
        guard input[position] == "=" else { return HTMLToken.Attribute(name: String(name), value: "") }
        position += 1
        while position < input.count, Self.isWhitespace(input[position]) { position += 1 }
        guard position < input.count else { return nil }
        let quote = input[position]
        if quote == "\"" || quote == "'" {
            position += 1
            let start = position
            while position < input.count, input[position] != quote { position += 1 }
            guard position < input.count else { return nil }
            let value = decode(input[start..<position], inAttribute: true)
            position += 1
            return HTMLToken.Attribute(name: String(name), value: value)
        }
        if quote == ">" { return HTMLToken.Attribute(name: String(name), value: "") }
        let start = position
        while position < input.count, !Self.isWhitespace(input[position]), input[position] != ">" { position += 1 }
        return HTMLToken.Attribute(name: String(name), value: decode(input[start..<position], inAttribute: true))
    }

    // MARK: - Character references

    /// `text` with its character references decoded (§13.2.5.72–80) and NUL replaced.
    private func decode(_ text: ArraySlice<Unicode.Scalar>, inAttribute: Bool) -> String {
        var out = String.UnicodeScalarView()
        var index = text.startIndex
        while index < text.endIndex {
            let scalar = text[index]
            if scalar == "\0" {
                // Dropped in text (the tree stage ignores it), U+FFFD in an attribute value.
                if inAttribute { out.append("\u{FFFD}") }
                index += 1
                continue
            }
            guard scalar == "&", index + 1 < text.endIndex else {
                out.append(scalar)
                index += 1
                continue
            }
            if text[index + 1] == "#" {
                index = numericReference(text, at: index, into: &out)
            } else {
                index = namedReference(text, at: index, inAttribute: inAttribute, into: &out)
            }
        }
        return String(out)
    }

    /// `&#…;` or `&#x…;` (the `;` may be missing); an `&#` with no digits is text.
    private func numericReference(
        _ text: ArraySlice<Unicode.Scalar>, at start: Int, into out: inout String.UnicodeScalarView
    ) -> Int {
        var index = start + 2
        let hex = index < text.endIndex && (text[index] == "x" || text[index] == "X")
        if hex { index += 1 }
        let digitsStart = index
        var value: UInt32 = 0
        while index < text.endIndex, let digit = hexValue(text[index], hex: hex) {
            value = min(value &* (hex ? 16 : 10) &+ digit, 0x11_0000)
            index += 1
        }
        guard index > digitsStart else {
            out.append(contentsOf: text[start..<index])
            return index
        }
        if index < text.endIndex, text[index] == ";" { index += 1 }
        out.append(Self.scalar(forReference: value))
        return index
    }

    private func hexValue(_ scalar: Unicode.Scalar, hex: Bool) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 48
        case "a"..."f" where hex: return scalar.value - 87
        case "A"..."F" where hex: return scalar.value - 55
        default: return nil
        }
    }

    /// What a numeric reference stands for: NUL, surrogates and values past U+10FFFF are U+FFFD;
    /// 0x80–0x9F are read as Windows-1252, as browsers do.
    static func scalar(forReference value: UInt32) -> Unicode.Scalar {
        if value == 0 || value > 0x10_FFFF || (0xD800...0xDFFF).contains(value) { return "\u{FFFD}" }
        if (0x80...0x9F).contains(value), let mapped = windows1252[value] { return mapped }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    private static let windows1252: [UInt32: Unicode.Scalar] = [
        0x80: "\u{20AC}", 0x82: "\u{201A}", 0x83: "\u{0192}", 0x84: "\u{201E}", 0x85: "\u{2026}", 0x86: "\u{2020}",
        0x87: "\u{2021}", 0x88: "\u{02C6}", 0x89: "\u{2030}", 0x8A: "\u{0160}", 0x8B: "\u{2039}", 0x8C: "\u{0152}",
        0x8E: "\u{017D}", 0x91: "\u{2018}", 0x92: "\u{2019}", 0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}",
        0x96: "\u{2013}", 0x97: "\u{2014}", 0x98: "\u{02DC}", 0x99: "\u{2122}", 0x9A: "\u{0161}", 0x9B: "\u{203A}",
        0x9C: "\u{0153}", 0x9E: "\u{017E}", 0x9F: "\u{0178}",
    ]

    /// The longest name in the table that the input starts with (`&notin;`, `&not` in `&notit`);
    /// in an attribute a legacy name followed by `=` or a letter or digit stays text (§13.2.5.73).
    private func namedReference(
        _ text: ArraySlice<Unicode.Scalar>, at start: Int, inAttribute: Bool,
        into out: inout String.UnicodeScalarView
    ) -> Int {
        var end = start + 1
        while end < text.endIndex, end - start <= HTMLEntityTable.longestName, Self.isAlphanumeric(text[end]) {
            end += 1
        }
        if end < text.endIndex, text[end] == ";" { end += 1 }
        var candidate = String(String.UnicodeScalarView(text[(start + 1)..<end]))
        while !candidate.isEmpty {
            if let value = HTMLEntityTable.table[candidate] {
                let after = start + 1 + candidate.unicodeScalars.count
                if inAttribute, !candidate.hasSuffix(";"), after < text.endIndex,
                    text[after] == "=" || Self.isAlphanumeric(text[after])
                {
                    break
                }
                out.append(contentsOf: value.unicodeScalars)
                return after
            }
            candidate.unicodeScalars.removeLast()
        }
        out.append("&")
        return start + 1
    }
}
