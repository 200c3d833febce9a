import Foundation

/// Passes a lesson's raw HTML through, as GitHub does, with GFM's tag filter applied and the
/// markup normalised so the page stays well-formed.
///
/// - The tag filter: `<title>`, `<textarea>`, `<style>`, `<xmp>`, `<iframe>`, `<noembed>`,
///   `<noframes>`, `<script>` and `<plaintext>` have their `<` escaped, so they show as text.
/// - Event-handler attributes (`onclick=…`) and `javascript:` URLs are dropped: a page never runs
///   the lesson's scripts.
/// - Void elements (`<img>`, `<br>`…) are closed (`<img … />`), attribute values are quoted,
///   and stray `&` or `<` become entities, so the page parses as XML too.
enum RawHTMLFilter {
    static let filteredTags: Set<String> = [
        "title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext",
    ]
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// The filtered HTML.
    static func filter(_ html: String) -> String {
        let scalars = Array(html.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                if let (tag, end) = readTag(scalars, from: index) {
                    out.append(contentsOf: tag.unicodeScalars)
                    index = end
                    continue
                }
                out.append(contentsOf: "&lt;".unicodeScalars)
            } else if scalar == "&" {
                out.append(contentsOf: (isEntity(scalars, at: index) ? "&" : "&amp;").unicodeScalars)
            } else if scalar == ">" {
                out.append(contentsOf: "&gt;".unicodeScalars)
            } else {
                out.append(scalar)
            }
            index += 1
        }
        return String(out)
    }

    /// `&amp;`, `&#39;`, `&#x27;`: the entities XML knows (others are escaped).
    private static func isEntity(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var end = index + 1
        while end < scalars.count, end - index < 12, scalars[end] != ";" { end += 1 }
        guard end < scalars.count, scalars[end] == ";" else { return false }
        let name = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
        if ["amp", "lt", "gt", "quot", "apos"].contains(name) { return true }
        if name.hasPrefix("#x") { return name.count > 2 && name.dropFirst(2).allSatisfy(\.isHexDigit) }
        if name.hasPrefix("#") { return name.count > 1 && name.dropFirst().allSatisfy(\.isNumber) }
        return false
    }

    /// Reads a tag or comment at `start`; returns its normalised form and the index after it,
    /// or `nil` when `<` starts no tag (it is then escaped).
    private static func readTag(_ scalars: [Unicode.Scalar], from start: Int) -> (String, Int)? {
        if match(scalars, start, "<!--") {
            var end = start + 4
            while end + 2 < scalars.count, !match(scalars, end, "-->") { end += 1 }
            guard end + 2 < scalars.count else { return nil }
            let body = String(String.UnicodeScalarView(scalars[(start + 4)..<end])).replacingDoubleDashes()
            return ("<!--" + body + "-->", end + 3)
        }
        var index = start + 1
        let closing = index < scalars.count && scalars[index] == "/"
        if closing { index += 1 }
        let nameStart = index
        while index < scalars.count,
            scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index])
                || scalars[index] == "-"
        {
            index += 1
        }
        guard index > nameStart, scalars[nameStart].properties.isAlphabetic else { return nil }
        let name = String(String.UnicodeScalarView(scalars[nameStart..<index])).lowercased()
        var attributes: [(String, String?)] = []
        var selfClosing = false
        while index < scalars.count {
            while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
            guard index < scalars.count else { return nil }
            if scalars[index] == ">" { break }
            if scalars[index] == "/" {
                selfClosing = true
                index += 1
                continue
            }
            let attributeStart = index
            while index < scalars.count, !scalars[index].properties.isWhitespace, scalars[index] != "=",
                scalars[index] != ">", scalars[index] != "/"
            {
                index += 1
            }
            let attribute = String(String.UnicodeScalarView(scalars[attributeStart..<index])).lowercased()
            while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
            var value: String?
            if index < scalars.count, scalars[index] == "=" {
                index += 1
                while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
                guard index < scalars.count else { return nil }
                if scalars[index] == "\"" || scalars[index] == "'" {
                    let quote = scalars[index]
                    let valueStart = index + 1
                    index = valueStart
                    while index < scalars.count, scalars[index] != quote { index += 1 }
                    guard index < scalars.count else { return nil }
                    value = String(String.UnicodeScalarView(scalars[valueStart..<index]))
                    index += 1
                } else {
                    let valueStart = index
                    while index < scalars.count, !scalars[index].properties.isWhitespace, scalars[index] != ">" {
                        index += 1
                    }
                    value = String(String.UnicodeScalarView(scalars[valueStart..<index]))
                }
            }
            if !attribute.isEmpty,
                attribute.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" })
            {
                attributes.append((attribute, value))
            }
        }
        guard index < scalars.count else { return nil }
        let end = index + 1
        if filteredTags.contains(name) {
            // GFM's tag filter: the tag is shown as text.
            let raw = String(String.UnicodeScalarView(scalars[start..<end]))
            return (HTMLText.escape(raw), end)
        }
        if closing {
            return (voidElements.contains(name) ? "" : "</\(name)>", end)
        }
        var tag = "<" + name
        for (attribute, value) in attributes {
            if attribute.hasPrefix("on") { continue }
            let text = value ?? attribute
            if ["href", "src", "action", "formaction"].contains(attribute),
                text.trimmingLeadingSpaces.lowercased().hasPrefix("javascript:")
            {
                continue
            }
            tag += " \(attribute)=\"\(HTMLText.escape(text))\""
        }
        tag += voidElements.contains(name) || selfClosing && voidElements.contains(name) ? " />" : ">"
        return (tag, end)
    }

    private static func match(_ scalars: [Unicode.Scalar], _ index: Int, _ text: String) -> Bool {
        let needle = Array(text.unicodeScalars)
        guard index + needle.count <= scalars.count else { return false }
        for offset in needle.indices where scalars[index + offset] != needle[offset] { return false }
        return true
    }
}

extension String {
    /// XML forbids `--` inside a comment.
    fileprivate func replacingDoubleDashes() -> String {
        var out = self
        while out.contains("--") { out = out.replacingOccurrences(of: "--", with: "- -") }
        return out
    }

    fileprivate var trimmingLeadingSpaces: Substring { drop(while: { $0 == " " || $0 == "\t" }) }
}
