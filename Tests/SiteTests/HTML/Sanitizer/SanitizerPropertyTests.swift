import NeuralCore
import Testing

@testable import Site

/// Generated hostile markup, from a seed: pieces of tags (allowed, dangerous, SVG, misspelt),
/// attributes (handlers, URLs obfuscated with entities, controls, case and white space, styles),
/// quoting of every kind, comments, CDATA, stray `<` and `&`, NUL, cut-off tags. Whatever the
/// sanitizer makes of it must hold nothing script-capable when read again as a browser reads it,
/// must parse as XML, and must be its own fixed point (sanitizing it again changes nothing).
struct SanitizerPropertyTests {
    struct Generator {
        var random: SplitMix64

        mutating func below(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    }

    static let tags = [
        "a", "img", "span", "div", "p", "b", "table", "td", "details", "svg", "rect", "circle", "g", "use", "image",
        "animate", "set", "text", "title", "desc", "foreignObject", "script", "style", "iframe", "object", "embed",
        "form", "input", "button", "meta", "base", "link", "math", "mglyph", "mtext", "template", "noscript",
        "textarea", "xmp", "plaintext", "select", "option", "frame", "frameset", "body", "html", "head", "video",
        "source", "SCRIPT", "ScRiPt", "sc\u{0}ript", "svg:script", "x-tag", "br", "hr", "font", "marquee",
    ]

    static let attributes = [
        "href", "src", "xlink:href", "action", "formaction", "data", "poster", "srcset", "style", "onerror",
        "onload", "OnClick", "onmouseover", "onbegin", "srcdoc", "attributeName", "values", "to", "from", "by",
        "id", "class", "title", "alt", "width", "fill", "http-equiv", "content", "type", "background", "cite",
        "on\u{0}load", "o\nnload",
    ]

    static let urls = [
        "javascript:alert(1)", "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>",
        "data:image/svg+xml;base64,PHN2Zz4=", "data:image/png;base64,iVBORw0KGgo=", "https://ok.example/x.png",
        "#frag", "images/a.png", "mailto:a@b.c", "file:///etc/passwd", "//evil.example", "livescript:x",
        "jar:x", "url(javascript:alert(1))", "position:fixed;top:0", "color:red", "expression(alert(1))",
        "href", "xlink:href", "HREF", "onbegin", "fill", "0;url=https://evil.example", "x`y", "a\"b'c",
    ]

    static let fillers = [
        "<!--", "-->", "--!>", "<!-->", "<![CDATA[", "]]>", "<?", "?>", "</", "<", ">", "&", "&amp", "&#", "&#x",
        "&colon;", "&Tab;", "\u{0}", "\n", " ", "/", "=", "\"", "'", "`", "text", "<!DOCTYPE html>", "</script",
        "</svg>", "</p>", "</a>", "&lt;script&gt;",
    ]

    /// A URL with a random obfuscation: entities for some characters, controls and white space
    /// inserted, case changed.
    static func obfuscated(_ url: String, _ generator: inout Generator) -> String {
        var out = ""
        for character in url {
            switch generator.below(14) {
            case 0: out += "&#\(character.unicodeScalars.first!.value);"
            case 1: out += "&#x\(String(character.unicodeScalars.first!.value, radix: 16))"
            case 2:
                out += generator.pick(["\t", "\n", "\u{0}", "\u{1}", " ", "\u{A0}", "\u{200B}"]) + String(character)
            case 3: out += character.uppercased()
            default: out.append(character)
            }
        }
        if generator.chance(10) { out = out.replacingOccurrences(of: ":", with: "&colon;") }
        return out
    }

    static func tag(_ generator: inout Generator) -> String {
        var out = "<" + (generator.chance(25) ? "/" : "") + generator.pick(tags)
        for _ in 0..<generator.below(4) {
            out += generator.pick([" ", "  ", "\n", "/", "\t"]) + generator.pick(attributes)
            guard generator.chance(85) else { continue }
            out += generator.pick(["=", " = ", "="])
            let value = obfuscated(generator.pick(urls), &generator)
            switch generator.below(4) {
            case 0: out += "\"" + value + "\""
            case 1: out += "'" + value + "'"
            case 2: out += value.replacingOccurrences(of: " ", with: "")
            default: out += "`" + value + "`"
            }
        }
        if generator.chance(30) { out += " /" }
        if generator.chance(93) { out += ">" }
        return out
    }

    static func markup(_ generator: inout Generator) -> String {
        var out = ""
        for _ in 0..<(1 + generator.below(24)) {
            out += generator.chance(55) ? tag(&generator) : generator.pick(fillers)
        }
        return out
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func generatedMarkupKeepsNothingScriptCapable(seed: UInt64) {
        var generator = Generator(random: SplitMix64(seed: seed))
        var failures: [String] = []
        for _ in 0..<1_500 {
            let input = Self.markup(&generator)
            let output = HTMLSanitizer.sanitizeDocument(input)
            let findings = ScriptCapabilityScan.findings(in: output)
            if !findings.isEmpty { failures.append("\(input.debugDescription) → \(output): \(findings)") }
            if let error = XMLReader("<div>" + output + "</div>").error {
                failures.append("not well-formed: \(input.debugDescription) → \(output): \(error)")
            }
            let again = HTMLSanitizer.sanitizeDocument(output)
            if again != output { failures.append("not a fixed point: \(output.debugDescription) → \(again)") }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(3))")
    }

    /// The generator does produce what the scan flags, before sanitizing (else the test is empty).
    @Test func theGeneratedInputIsHostile() {
        var generator = Generator(random: SplitMix64(seed: 1))
        var hostile = 0
        for _ in 0..<200 where !ScriptCapabilityScan.findings(in: Self.markup(&generator)).isEmpty { hostile += 1 }
        #expect(hostile > 100)
    }
}
