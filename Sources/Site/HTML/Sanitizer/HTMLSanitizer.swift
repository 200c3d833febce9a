/// The allowlist sanitizer every piece of a lesson's HTML goes through before it reaches a page:
/// raw HTML blocks and inline tags, notebook `text/html` and `image/svg+xml` outputs, and SVG
/// files copied beside the pages.
///
/// It reads the HTML as a browser does (`HTMLTokenizer`, plus the tree-construction rules that
/// matter here: raw text after `<script>`, SVG's self-closing tags and CDATA, breaking out of SVG
/// on an HTML tag, the first of two equal attributes) and writes it back out in one canonical
/// form: only `SanitizerPolicy`'s elements and attributes, every value double-quoted and escaped,
/// URLs judged by `URLPolicy`, styles reduced by `StylePolicy`, text escaped, comments dropped,
/// every element closed. What comes out is therefore exactly what a browser will build, and it
/// parses as XML.
///
/// A lesson's HTML arrives in pieces (cmark gives `<span style=…>` and `</span>` as two inline
/// nodes), so one sanitizer serves a whole page: elements left open by one piece stay open for
/// the next. The page's own elements (a paragraph, a list item) are *containers*: an end tag
/// from the lesson never closes beyond the innermost one, and what the lesson left open inside
/// it is closed when it ends, so the page stays well-formed whatever the lesson writes.
struct HTMLSanitizer {
    enum Namespace { case html, svg }

    private struct OpenElement {
        var name: String
        var namespace: Namespace
    }

    private var stack: [OpenElement] = []
    /// The stack height at the innermost container of the page's own.
    private var floor = 0

    // MARK: - Containers

    /// Marks the start of one of the page's own elements; pass the result to `leaveContainer`.
    mutating func enterContainer() -> Int {
        defer { floor = stack.count }
        return floor
    }

    /// The end tags of what the lesson left open inside the container that `saved` started.
    mutating func leaveContainer(_ saved: Int) -> String {
        var out = ""
        closeElements(downTo: floor, into: &out)
        floor = saved
        return out
    }

    /// The end tags of everything still open.
    mutating func finish() -> String {
        var out = ""
        floor = 0
        closeElements(downTo: 0, into: &out)
        return out
    }

    /// A whole fragment on its own (a notebook output): sanitized and closed.
    static func sanitizeDocument(_ html: String) -> String {
        var sanitizer = HTMLSanitizer()
        return sanitizer.sanitize(html) + sanitizer.finish()
    }

    /// A standalone SVG file: sanitized, with the SVG namespace on its root so that a browser
    /// opening it still draws it (an empty drawing when nothing of it is SVG).
    static func sanitizeSVGFile(_ svg: String) -> String {
        let body = sanitizeDocument(svg).drop { $0.isWhitespace }
        let namespace = " xmlns=\"http://www.w3.org/2000/svg\""
        guard body.hasPrefix("<svg") else { return "<svg" + namespace + " />\n" }
        return "<svg" + namespace + body.dropFirst(4) + "\n"
    }

    // MARK: - Sanitizing

    /// What the page shows of `html`, one piece of the lesson's HTML.
    mutating func sanitize(_ html: String) -> String {
        var tokenizer = HTMLTokenizer(html)
        var out = ""
        /// An element being dropped with its content: its name and how deeply it is nested.
        var dropping: (name: String, depth: Int)?
        while true {
            tokenizer.inForeignContent = currentNamespace == .svg
            guard let token = tokenizer.next() else { break }
            if let drop = dropping {
                switch token {
                case .startTag(let name, _, let selfClosing) where name == drop.name && !selfClosing:
                    dropping?.depth += 1
                case .endTag(let name) where name == drop.name:
                    dropping = drop.depth > 1 ? (drop.name, drop.depth - 1) : nil
                default:
                    break
                }
                continue
            }
            switch token {
            case .text(let text):
                out += HTMLText.escape(text)
            case .comment:
                continue
            case .endTag(let name):
                endTag(name, into: &out)
            case .startTag(let name, let attributes, let selfClosing):
                if let drop = startTag(name, attributes, selfClosing: selfClosing, tokenizer: &tokenizer, into: &out) {
                    dropping = (drop, 1)
                }
            }
        }
        return out
    }

    private var currentNamespace: Namespace {
        stack.count > floor ? stack[stack.count - 1].namespace : .html
    }

    /// Handles a start tag; returns the name of an element to drop with its content.
    private mutating func startTag(
        _ name: String, _ attributes: [HTMLToken.Attribute], selfClosing: Bool, tokenizer: inout HTMLTokenizer,
        into out: inout String
    ) -> String? {
        var namespace = currentNamespace
        if namespace == .svg {
            if stack.count > floor, SanitizerPolicy.svgTextOnly.contains(stack[stack.count - 1].name) {
                return nil  // markup inside an SVG title: its text is kept, its tags are not
            }
            let fontBreaksOut = name == "font" && attributes.contains { ["color", "face", "size"].contains($0.name) }
            if SanitizerPolicy.foreignBreakout.contains(name) || fontBreaksOut {
                // A browser leaves SVG here: close the SVG elements, then read the tag as HTML.
                while stack.count > floor, stack[stack.count - 1].namespace == .svg { close(into: &out) }
                namespace = .html
            }
        }
        if namespace == .html, name != "svg" {
            return htmlStartTag(name, attributes, tokenizer: &tokenizer, into: &out)
        }
        return svgStartTag(name, attributes, selfClosing: selfClosing, into: &out)
    }

    private mutating func htmlStartTag(
        _ name: String, _ attributes: [HTMLToken.Attribute], tokenizer: inout HTMLTokenizer, into out: inout String
    ) -> String? {
        if SanitizerPolicy.removedWithContent.contains(name) {
            if name == "plaintext" {
                tokenizer.switchToPlaintext()
            } else if let decodes = SanitizerPolicy.rawTextElements[name] {
                tokenizer.switchToRawText(name, decodesReferences: decodes)
            }
            return SanitizerPolicy.voidElements.contains(name) ? nil : name
        }
        guard let allowed = SanitizerPolicy.htmlElements[name] else { return nil }  // unknown: unwrapped
        let isVoid = SanitizerPolicy.voidElements.contains(name)
        out += "<" + name
        for attribute in attributes {
            guard let rule = allowed[attribute.name] ?? SanitizerPolicy.globalHTMLAttributes[attribute.name],
                let value = Self.judge(attribute.value, rule, svg: false)
            else { continue }
            out += " " + attribute.name + "=\"" + HTMLText.escape(value) + "\""
        }
        if isVoid {
            out += " />"
        } else {
            out += ">"
            stack.append(OpenElement(name: name, namespace: .html))
        }
        return nil
    }

    private mutating func svgStartTag(
        _ lowerName: String, _ attributes: [HTMLToken.Attribute], selfClosing: Bool, into out: inout String
    ) -> String? {
        if SanitizerPolicy.svgRemovedWithContent.contains(lowerName) { return selfClosing ? nil : lowerName }
        guard let name = SanitizerPolicy.svgElements[lowerName] else { return nil }  // unknown: unwrapped
        var written: [String: String] = [:]
        var order: [String] = []
        for attribute in attributes {
            let key = attribute.name == "xlink:href" ? "href" : attribute.name
            let spelled: String
            let rule: SanitizerPolicy.AttributeRule
            if key == "href" {
                guard let use = SanitizerPolicy.svgReferences[name] else { continue }
                (spelled, rule) = ("href", .url(use))
            } else {
                guard let allowed = SanitizerPolicy.svgAttributes[key] else { continue }
                (spelled, rule) = allowed
            }
            // `href` wins over `xlink:href`, as in SVG 2; otherwise the first of a name.
            if written[spelled] != nil, !(attribute.name == "href" && spelled == "href") { continue }
            guard let value = Self.judge(attribute.value, rule, svg: true) else {
                if case .animatedAttribute = rule { return selfClosing ? nil : lowerName }
                continue
            }
            if written[spelled] == nil { order.append(spelled) }
            written[spelled] = value
        }
        // An animation must say what it animates (and that passed the check above).
        if SanitizerPolicy.svgAnimations.contains(name), name != "animateMotion", written["attributeName"] == nil {
            return selfClosing ? nil : lowerName
        }
        out += "<" + name
        for attribute in order { out += " " + attribute + "=\"" + HTMLText.escape(written[attribute]!) + "\"" }
        if selfClosing {
            out += " />"
        } else {
            out += ">"
            stack.append(OpenElement(name: name, namespace: .svg))
        }
        return nil
    }

    /// The value an attribute keeps, or `nil` when it is dropped.
    private static func judge(_ value: String, _ rule: SanitizerPolicy.AttributeRule, svg: Bool) -> String? {
        switch rule {
        case .text:
            return value
        case .url(let use):
            return URLPolicy.allows(value, as: use) ? value : nil
        case .sourceSet:
            return URLPolicy.filteredSourceSet(value)
        case .style:
            let style = StylePolicy.filter(value, svg: svg)
            return style.isEmpty ? nil : style
        case .identifier:
            return SanitizerPolicy.isAllowedIdentifier(value) ? value : nil
        case .paint:
            return StylePolicy.isSafe(value) ? value : nil
        case .animatedAttribute:
            return SanitizerPolicy.animatableAttributes.contains(value.lowercased()) ? value : nil
        case .animationValue:
            let parts = value.split(separator: ";")
            return parts.allSatisfy({ URLPolicy.allows(String($0), as: .link) && StylePolicy.isSafe(String($0)) })
                ? value : nil
        }
    }

    private mutating func endTag(_ name: String, into out: inout String) {
        if name == "br", currentNamespace == .html {
            out += "<br />"  // a browser reads `</br>` as `<br>`
            return
        }
        guard stack.count > floor,
            let index = stack[floor...].lastIndex(where: { $0.name == name || $0.name.lowercased() == name })
        else { return }
        while stack.count > index { close(into: &out) }
    }

    private mutating func close(into out: inout String) {
        guard let element = stack.popLast() else { return }
        out += "</" + element.name + ">"
    }

    private mutating func closeElements(downTo height: Int, into out: inout String) {
        while stack.count > height { close(into: &out) }
    }
}
