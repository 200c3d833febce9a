/// Which URLs a page may carry from a lesson: `http`, `https`, `mailto`, relative paths and
/// `#fragments`; `data:` only for raster images in `<img>`. Everything else (`javascript:`,
/// `vbscript:`, `data:text/html`, `file:`, unknown schemes) is refused.
///
/// A URL is judged as a browser would read it after the worst normalisation: character
/// references already decoded (by the tokenizer or by cmark), every control character and every
/// kind of white space removed wherever it stands, and case ignored, so `java&#x09;script:`,
/// `JaVaScRiPt:` and `\u{0}javascript:` are all `javascript:`.
enum URLPolicy {
    /// What the URL is for.
    enum Use {
        /// A link (`<a href>`, `cite`): navigation.
        case link
        /// An image source (`<img src>`, `srcset`, SVG `<image href>`): may be a raster `data:` URL.
        case image
        /// A reference inside the same document (SVG `<use>`, gradients, `<mpath>`): `#id` only.
        case fragment
    }

    static let linkSchemes: Set<String> = ["http", "https", "mailto"]
    static let imageSchemes: Set<String> = ["http", "https"]
    static let rasterImageTypes: Set<String> = [
        "image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp", "image/avif", "image/bmp",
    ]

    /// Whether `url` may stand in an attribute used as `use`.
    static func allows(_ url: String, as use: Use) -> Bool {
        let judged = normalized(url)
        if judged.hasPrefix("#") { return true }
        if use == .fragment { return false }
        guard let scheme = scheme(of: judged) else { return true }  // a relative path
        switch use {
        case .link: return linkSchemes.contains(scheme)
        case .image: return imageSchemes.contains(scheme) || (scheme == "data" && isRasterDataURL(judged))
        case .fragment: return false
        }
    }

    /// The URL with control characters and white space removed and letters lower-cased.
    static func normalized(_ url: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in url.unicodeScalars where !isIgnorable(scalar) {
            out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
        return String(out)
    }

    /// C0 and C1 controls, white space of every kind, zero-width characters, byte-order marks and
    /// U+FFFD (what a NUL becomes): characters a browser or an attacker may drop or hide.
    private static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0...0x20, 0x7F...0xA0, 0x1680, 0x180E, 0x2000...0x202F, 0x205F...0x206F, 0x3000, 0xFEFF, 0xFFFD:
            true
        default:
            scalar.properties.isWhitespace
        }
    }

    /// The scheme: what precedes a `:` that comes before any `/`, `?` or `#`. A colon there after
    /// something that is not a valid scheme name is refused too (`"javascript"` with a stray
    /// character a browser might drop), so it is reported as an unknown scheme.
    private static func scheme(of url: String) -> String? {
        var scheme = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case ":":
                let valid =
                    !scheme.isEmpty && scheme.unicodeScalars.first.map { ("a"..."z").contains($0) } == true
                    && scheme.unicodeScalars.allSatisfy {
                        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == "."
                    }
                return valid ? scheme : "\u{FFFD}invalid"
            case "/", "?", "#":
                return nil
            default:
                scheme.unicodeScalars.append(scalar)
            }
        }
        return nil
    }

    /// `data:image/png;base64,…` and the other raster types (SVG is not raster: it may carry script).
    private static func isRasterDataURL(_ url: String) -> Bool {
        let body = url.dropFirst("data:".count)
        let end = body.firstIndex { $0 == ";" || $0 == "," } ?? body.endIndex
        return rasterImageTypes.contains(String(body[..<end]))
    }

    /// A `srcset` value with every candidate's URL judged as an image: the allowed candidates,
    /// re-joined, or `nil` when none is allowed. Candidates are split as a browser splits them
    /// (a URL is a run without white space; trailing commas end it).
    static func filteredSourceSet(_ value: String) -> String? {
        var kept: [String] = []
        let scalars = Array(value.unicodeScalars)
        var index = 0
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
        }
        while index < scalars.count {
            while index < scalars.count, isSpace(scalars[index]) || scalars[index] == "," { index += 1 }
            guard index < scalars.count else { break }
            let urlStart = index
            while index < scalars.count, !isSpace(scalars[index]) { index += 1 }
            var urlEnd = index
            var endsCandidate = false
            while urlEnd > urlStart, scalars[urlEnd - 1] == "," {
                urlEnd -= 1
                endsCandidate = true
            }
            var descriptor = ""
            if !endsCandidate {
                var depth = 0
                while index < scalars.count {
                    let scalar = scalars[index]
                    if scalar == "(" { depth += 1 }
                    if scalar == ")" { depth = max(0, depth - 1) }
                    if scalar == ",", depth == 0 { break }
                    descriptor.unicodeScalars.append(scalar)
                    index += 1
                }
            }
            let url = String(String.UnicodeScalarView(scalars[urlStart..<urlEnd]))
            guard !url.isEmpty, allows(url, as: .image), !normalized(url).hasPrefix("data:") else { continue }
            // Descriptors are widths and densities (`480w`, `2x`, `1.5x`); anything else drops the candidate.
            let descriptors = descriptor.split(whereSeparator: { isSpace($0.unicodeScalars.first!) })
            guard
                descriptors.allSatisfy({ word in
                    guard let unit = word.last, unit == "w" || unit == "x" || unit == "h" else { return false }
                    let number = word.dropLast()
                    return !number.isEmpty && number.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
                })
            else { continue }
            kept.append(([url] + descriptors.map(String.init)).joined(separator: " "))
        }
        return kept.isEmpty ? nil : kept.joined(separator: ", ")
    }
}
