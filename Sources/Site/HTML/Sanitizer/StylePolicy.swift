/// What a lesson's `style` attribute may say: colour, background colour, font weight and style,
/// text alignment and decoration (so `<span style="color:green">` keeps its colour), and in SVG
/// the painting properties a drawing needs (fill, stroke, opacity, fonts…). Nothing that places a
/// box (`position`, `z-index`, sizes), loads anything (`url(…)` other than `url(#id)`), or hides
/// tricks (`\` escapes, comments, `expression(`, `@`): such a declaration is dropped.
enum StylePolicy {
    static let htmlProperties: Set<String> = [
        "color", "background-color", "font-weight", "font-style", "text-align", "text-decoration",
    ]

    static let svgProperties: Set<String> = htmlProperties.union([
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
        "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "opacity", "font",
        "font-family", "font-size", "font-variant", "text-anchor", "dominant-baseline", "alignment-baseline",
        "baseline-shift", "clip-path", "clip-rule", "marker-start", "marker-mid", "marker-end", "stop-color",
        "stop-opacity", "visibility", "paint-order", "shape-rendering", "vector-effect", "letter-spacing",
        "word-spacing", "white-space",
    ])

    /// Functions a value may call; `url` only with a `#fragment` (checked separately).
    static let functions: Set<String> = ["rgb", "rgba", "hsl", "hsla", "url"]

    /// The declarations of `style` that pass, as `property:value` joined by `;`; empty when none.
    static func filter(_ style: String, svg: Bool) -> String {
        let allowed = svg ? svgProperties : htmlProperties
        var kept: [String] = []
        for declaration in style.split(separator: ";") {
            guard let colon = declaration.firstIndex(of: ":") else { continue }
            let property = trimmed(declaration[..<colon]).lowercased()
            let value = trimmed(declaration[declaration.index(after: colon)...])
            guard allowed.contains(property), !value.isEmpty, isSafe(value) else { continue }
            kept.append(property + ":" + value)
        }
        return kept.joined(separator: ";")
    }

    private static func trimmed(_ text: Substring) -> String {
        String(
            text.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }.reversed().drop {
                $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r"
            }.reversed())
    }

    /// Letters, digits, spaces, `# % . , + - /` and quotes (font names), with parentheses only
    /// after an allowed function name, and `url(` only for `url(#id)`.
    static func isSafe(_ value: String) -> Bool {
        var name = ""
        var depth = 0
        let scalars = Array(value.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_":
                name.unicodeScalars.append(scalar)
                continue
            case "(":
                guard depth == 0, functions.contains(name.lowercased()) else { return false }
                if name.lowercased() == "url" {
                    var next = index + 1
                    while next < scalars.count, scalars[next] == " " || scalars[next] == "'" || scalars[next] == "\"" {
                        next += 1
                    }
                    guard next < scalars.count, scalars[next] == "#" else { return false }
                }
                depth += 1
            case ")":
                guard depth > 0 else { return false }
                depth -= 1
            case " ", "\t", "#", "%", ".", ",", "+", "'", "\"", "/":
                // `/` as in `rgb(0 0 0 / 50%)`; `*` is refused, so it never opens a comment.
                break
            default:
                return false
            }
            name = ""
        }
        return depth == 0
    }
}
