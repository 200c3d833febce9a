@testable import Site

/// Finds what could run script, load another document, leave the page or cover it, in HTML that
/// reached a page. Written from the threats, not from the sanitizer's allowlist, so that it
/// judges the sanitizer rather than repeating it: it reads the HTML again with the tokenizer (as a
/// browser would) and lists every element, attribute and URL of a dangerous kind.
enum ScriptCapabilityScan {
    /// Elements that run script, hold another document or form, change the page's base, refresh
    /// it or restyle it.
    static let dangerousElements: Set<String> = [
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "button", "textarea",
        "select", "meta", "base", "link", "style", "template", "noscript", "math", "foreignobject", "portal",
        "handler", "listener", "xmp", "plaintext", "noembed", "noframes", "video", "audio", "dialog",
        "fencedframe", "feimage",
    ]

    /// Attributes whose value is fetched or navigated to.
    static let urlAttributes: Set<String> = [
        "href", "xlink:href", "src", "action", "formaction", "data", "poster", "background", "cite", "codebase",
        "dynsrc", "lowsrc", "srcset", "values", "to", "from", "by", "ping",
    ]

    /// Every finding in `html`, as `element attribute=value` descriptions; empty when it is safe.
    static func findings(in html: String) -> [String] {
        var findings: [String] = []
        var tokenizer = HTMLTokenizer(html)
        var svgDepth = 0
        while let token = tokenizer.next() {
            tokenizer.inForeignContent = svgDepth > 0
            guard case .startTag(let name, let attributes, let selfClosing) = token else {
                if case .endTag("svg") = token { svgDepth = max(0, svgDepth - 1) }
                continue
            }
            if name == "svg", !selfClosing { svgDepth += 1 }
            if dangerousElements.contains(name) { findings.append("<\(name)>") }
            if name == "input",
                !(attributes.contains { $0.name == "type" && $0.value == "checkbox" }
                    && attributes.contains { $0.name == "disabled" })
            {
                findings.append("<input> that is not a disabled checkbox")
            }
            for attribute in attributes {
                let description = "<\(name) \(attribute.name)=\"\(attribute.value)\">"
                if attribute.name.hasPrefix("on") || ["srcdoc", "formaction", "action"].contains(attribute.name) {
                    findings.append(description)
                }
                if attribute.name == "attributename",
                    ["href", "xlink:href", "style", "src"].contains(attribute.value.lowercased())
                        || attribute.value.lowercased().hasPrefix("on")
                {
                    findings.append(description)
                }
                if urlAttributes.contains(attribute.name), !isHarmlessURL(attribute.value, element: name) {
                    findings.append(description)
                }
                if name == "use", attribute.name.hasSuffix("href"), !attribute.value.hasPrefix("#") {
                    findings.append(description)
                }
                if attribute.name == "style", !isHarmlessStyle(attribute.value) { findings.append(description) }
            }
        }
        return findings
    }

    /// `html` without the page's own formulas (MathML written by Litmus, which the lesson's HTML
    /// cannot produce: the sanitizer writes no `xmlns`), so that what is scanned came from the lesson.
    static func withoutFormulas(_ html: String) -> String {
        var out = ""
        var rest = html[...]
        while let start = rest.range(of: "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"") {
            out += rest[..<start.lowerBound]
            guard let end = rest.range(of: "</math>", range: start.upperBound..<rest.endIndex) else { return out }
            rest = rest[end.upperBound...]
        }
        return out + rest
    }

    /// No scheme but `http`, `https` and `mailto` (and `data:` raster images in `<img src>`),
    /// read with every control and space character removed and letters lower-cased.
    static func isHarmlessURL(_ value: String, element: String) -> Bool {
        let squeezed = String(
            String.UnicodeScalarView(
                value.unicodeScalars.filter {
                    !($0.value <= 0x20 || (0x7F...0xA0).contains($0.value) || $0.properties.isWhitespace
                        || $0.properties.isDefaultIgnorableCodePoint || $0 == "\u{FFFD}")
                })
        ).lowercased()
        for part in squeezed.split(separator: ";") + [Substring(squeezed)] {
            guard let colon = part.firstIndex(of: ":") else { continue }
            let before = part[..<colon]
            if before.contains("/") || before.contains("?") || before.contains("#") { continue }
            if ["http", "https", "mailto"].contains(String(before)) { continue }
            if before == "data", element == "img" || element == "image",
                ["image/png", "image/jpeg", "image/gif", "image/webp"].contains { part.hasPrefix("data:" + $0) }
            {
                continue
            }
            return false
        }
        return true
    }

    /// No placement, no loading, no escapes or expressions.
    static func isHarmlessStyle(_ value: String) -> Bool {
        let lower = value.lowercased()
        for word in ["position", "z-index", "expression", "@import", "behavior", "binding", "\\", "javascript"]
        where lower.contains(word) {
            return false
        }
        var rest = lower[...]
        while let range = rest.range(of: "url(") {
            if !rest[range.upperBound...].drop(while: { $0 == " " || $0 == "'" || $0 == "\"" }).hasPrefix("#") {
                return false
            }
            rest = rest[range.upperBound...]
        }
        return true
    }
}
