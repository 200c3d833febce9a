/// The allowlist: which elements a lesson's HTML may keep and, per element, which attributes.
/// Modelled on GitHub's sanitization filter (html-pipeline) and DOMPurify's defaults, narrowed to
/// what a lesson needs: text markup, tables, images, `<details>`, and a drawing subset of SVG.
/// What is not listed is dropped; the elements in `removedWithContent` take their content along.
enum SanitizerPolicy {
    /// How an allowed attribute's value is judged.
    enum AttributeRule {
        /// Any text (escaped on output).
        case text
        /// A URL for the given use.
        case url(URLPolicy.Use)
        /// `srcset`: every candidate an image URL.
        case sourceSet
        /// `style`: reduced by `StylePolicy`.
        case style
        /// `id`, `name`: a plain identifier that cannot take one of the page's own.
        case identifier
        /// An SVG paint or reference (`fill`, `clip-path`…): `url(…)` only to a `#fragment`.
        case paint
        /// An SVG animation's `attributeName`: only attributes that cannot hold a URL or script.
        case animatedAttribute
        /// An SVG animation's `values`, `from`, `to`, `by`: each value judged as a link.
        case animationValue
    }

    // MARK: - HTML

    /// Attributes any allowed HTML element may carry.
    static let globalHTMLAttributes: [String: AttributeRule] = [
        "title": .text, "lang": .text, "dir": .text, "id": .identifier, "style": .style, "role": .text,
        "aria-label": .text, "aria-hidden": .text, "aria-describedby": .text, "align": .text,
    ]

    /// Allowed HTML elements and what each adds to the global attributes.
    static let htmlElements: [String: [String: AttributeRule]] = {
        var elements: [String: [String: AttributeRule]] = [:]
        for name in [
            "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "br", "hr", "b", "i", "u", "s", "strong", "em",
            "strike", "sub", "sup", "small", "big", "mark", "kbd", "samp", "var", "code", "pre", "tt", "dfn", "abbr",
            "cite", "ul", "dl", "dt", "dd", "thead", "tbody", "tfoot", "tr", "caption", "summary", "figure",
            "figcaption", "ruby", "rt", "rp", "wbr", "center", "picture", "bdi", "address", "section", "article",
            "aside", "header", "footer", "sup",
        ] {
            elements[name] = [:]
        }
        elements["a"] = ["href": .url(.link), "name": .identifier]
        elements["img"] = [
            "src": .url(.image), "srcset": .sourceSet, "sizes": .text, "alt": .text, "width": .text,
            "height": .text, "loading": .text,
        ]
        elements["source"] = ["srcset": .sourceSet, "sizes": .text, "media": .text, "type": .text]
        elements["ol"] = ["start": .text, "reversed": .text, "type": .text]
        elements["li"] = ["value": .text]
        elements["table"] = ["border": .text, "summary": .text]
        elements["td"] = ["colspan": .text, "rowspan": .text, "valign": .text, "headers": .text]
        elements["th"] = ["colspan": .text, "rowspan": .text, "valign": .text, "scope": .text, "abbr": .text]
        elements["col"] = ["span": .text, "width": .text]
        elements["colgroup"] = ["span": .text, "width": .text]
        elements["details"] = ["open": .text]
        elements["blockquote"] = ["cite": .url(.link)]
        elements["q"] = ["cite": .url(.link)]
        elements["del"] = ["cite": .url(.link), "datetime": .text]
        elements["ins"] = ["cite": .url(.link), "datetime": .text]
        elements["time"] = ["datetime": .text]
        elements["font"] = ["color": .text, "face": .text, "size": .text]
        return elements
    }()

    /// HTML elements with no content and no end tag.
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "param", "keygen", "frame", "basefont", "bgsound",
    ]

    /// Elements dropped together with everything inside them: script in every form, styles, other
    /// documents (frames, objects), forms and their fields, and the page's own head elements.
    static let removedWithContent: Set<String> = [
        "script", "style", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "noembed",
        "noframes", "noscript", "xmp", "plaintext", "textarea", "title", "select", "option", "button", "form",
        "input", "meta", "base", "link", "head", "math", "portal", "fencedframe", "dialog", "param", "audio",
        "video", "canvas", "map", "area",
    ]

    /// After these start tags a browser reads raw text up to the end tag (§13.2.6.4.7);
    /// the value says whether character references are decoded in it.
    static let rawTextElements: [String: Bool] = [
        "script": false, "style": false, "xmp": false, "iframe": false, "noembed": false, "noframes": false,
        "noscript": false, "textarea": true, "title": true,
    ]

    /// HTML start tags that end SVG content in a browser (§13.2.6.5, "any other start tag" breakout).
    static let foreignBreakout: Set<String> = [
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1",
        "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p",
        "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
    ]

    // MARK: - SVG

    /// Allowed SVG elements, lower-cased (as the tokenizer gives them) → their real spelling.
    static let svgElements: [String: String] = {
        var elements: [String: String] = [:]
        for name in [
            "svg", "g", "defs", "title", "desc", "symbol", "use", "path", "rect", "circle", "ellipse", "line",
            "polyline", "polygon", "text", "tspan", "textPath", "marker", "linearGradient", "radialGradient", "stop",
            "clipPath", "mask", "pattern", "image", "a", "animate", "animateTransform", "animateMotion", "mpath", "set",
        ] {
            elements[name.lowercased()] = name
        }
        return elements
    }()

    /// SVG elements dropped with their content: script, styles, foreign HTML, metadata.
    static let svgRemovedWithContent: Set<String> = [
        "script", "style", "foreignobject", "metadata", "handler", "listener", "iframe", "feimage",
    ]

    /// SVG elements whose content is text only (HTML integration points in a browser): tags
    /// inside them are dropped and their text kept.
    static let svgTextOnly: Set<String> = ["title", "desc"]

    /// SVG animation elements: kept only when what they animate is harmless.
    static let svgAnimations: Set<String> = ["animate", "animateTransform", "animateMotion", "set"]

    /// SVG attributes any allowed SVG element may carry, lower-cased → spelling and rule.
    static let svgAttributes: [String: (name: String, rule: AttributeRule)] = {
        var attributes: [String: (name: String, rule: AttributeRule)] = [:]
        for name in [
            "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "d",
            "points", "transform", "viewBox", "preserveAspectRatio", "opacity", "fill-opacity", "fill-rule",
            "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
            "stroke-dasharray", "stroke-dashoffset", "font-family", "font-size", "font-weight", "font-style",
            "font-variant", "text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift",
            "text-decoration", "dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset", "pathLength",
            "markerWidth", "markerHeight", "markerUnits", "refX", "refY", "orient", "gradientUnits",
            "gradientTransform", "spreadMethod", "offset", "stop-color", "stop-opacity", "clipPathUnits",
            "maskUnits", "maskContentUnits", "patternUnits", "patternContentUnits", "patternTransform", "visibility",
            "display", "clip-rule", "vector-effect", "shape-rendering", "letter-spacing", "word-spacing", "role",
            "aria-label", "aria-hidden", "title", "lang", "version", "attributeType", "begin", "dur", "end",
            "repeatCount", "repeatDur", "restart", "keyTimes", "keySplines", "keyPoints", "calcMode", "additive",
            "accumulate", "type", "path", "min", "max", "color", "paint-order",
        ] {
            attributes[name.lowercased()] = (name, .text)
        }
        for name in ["fill", "stroke", "clip-path", "mask", "marker-start", "marker-mid", "marker-end"] {
            attributes[name] = (name, .paint)
        }
        attributes["id"] = ("id", .identifier)
        attributes["style"] = ("style", .style)
        attributes["attributename"] = ("attributeName", .animatedAttribute)
        for name in ["values", "from", "to", "by"] { attributes[name] = (name, .animationValue) }
        return attributes
    }()

    /// What `href` (or the older `xlink:href`) may point to on each SVG element that has one.
    static let svgReferences: [String: URLPolicy.Use] = [
        "a": .link, "image": .image, "use": .fragment, "textPath": .fragment, "mpath": .fragment,
        "linearGradient": .fragment, "radialGradient": .fragment, "pattern": .fragment,
    ]

    /// What an SVG animation may change: geometry and paint, never a link, a style or a handler.
    static let animatableAttributes: Set<String> = [
        "fill", "stroke", "opacity", "fill-opacity", "stroke-opacity", "stroke-width", "stroke-dasharray",
        "stroke-dashoffset", "cx", "cy", "r", "rx", "ry", "x", "y", "x1", "y1", "x2", "y2", "width", "height", "d",
        "points", "transform", "visibility", "display", "offset", "stop-color", "stop-opacity", "font-size",
        "color",
    ]

    /// Identifiers the page itself uses (formula anchors, the page's own parts).
    static let reservedIdentifierPrefixes = ["formula-", "litmus-", "eq-"]

    /// Whether `value` may be an element's `id` or `name`: a letter, then letters, digits,
    /// `-`, `_`, `.`, `:`; and not one of the page's own.
    static func isAllowedIdentifier(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        guard
            value.unicodeScalars.allSatisfy({
                $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
                    || $0 == ":"
            })
        else { return false }
        let lower = value.lowercased()
        return !reservedIdentifierPrefixes.contains { lower.hasPrefix($0) }
    }
}
