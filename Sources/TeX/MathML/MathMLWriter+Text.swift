// Letters, digits and text: fonts through Mathematical Alphanumeric Symbols, `\text` with
// no-break spaces. Some of this is decided on `Character`s (grapheme clusters): the byte tests
// here fall back to `String` where bytes alone cannot tell (a space or letter next to a
// non-ASCII scalar that may join its cluster).
extension MathMLWriter.Emitter {
    mutating func emitIdentifier(_ node: SyntaxNode, font: MathFont) {
        let text = bytes(node)
        switch font {
        case .normal, .italic:
            // TeX sets capital Greek upright; MathML Core would slant a single-letter <mi>.
            // U+0391–U+03A9 are the bytes CE 91 to CE A9.
            if text.count >= 2, text[0] == 0xCE, (0x91...0xA9).contains(text[1]) {
                out.append("<mi mathvariant=\"normal\">")
            } else {
                out.append("<mi>")
            }
            out.appendEscaped(text)
        case .roman:
            if Self.isOneCharacter(text) { out.append("<mi mathvariant=\"normal\">") } else { out.append("<mi>") }
            out.appendEscaped(text)
        default:
            out.append("<mi>")
            appendVariant(text, font: font)
        }
        out.append("</mi>")
    }

    /// Whether `text` is one `Character`, as `text.count == 1` asks of a `String`.
    private static func isOneCharacter(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.count > 1 else { return text.count == 1 }
        // One scalar is one cluster: a lead byte announcing exactly `count` bytes.
        let lead = text[0]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        if length == text.count { return true }
        // Several ASCII bytes are several clusters, but for CR LF; anything else, ask `String`.
        if !text.contains(where: { $0 >= 0x80 }) { return text.count == 2 && text[0] == 0x0D && text[1] == 0x0A }
        return String(decoding: text, as: UTF8.self).count == 1
    }

    /// Appends `text` in `font` (`MathVariant.map`), escaped. `map` works scalar by scalar, so
    /// text of ASCII and Greek (U+0380–U+03FF, `\boldsymbol{\theta}`) maps through a table built
    /// from `map` itself; other text goes through it as a `String`.
    mutating func appendVariant(_ text: UnsafeBufferPointer<UInt8>, font: MathFont) {
        guard Self.isASCIIOrGreek(text) else {
            out.appendEscaped(MathVariant.map(String(decoding: text, as: UTF8.self), to: font))
            return
        }
        let row = Int(font.code) << 8
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte < 0x80 {
                out.appendEscaped(scalar: Self.variants[row | Int(byte)])
                index += 1
            } else {
                // A Greek scalar's slot is 0x80 + (scalar − 0x380).
                let scalar = Int(byte & 0x1F) << 6 | Int(text[index + 1] & 0x3F)
                out.appendEscaped(scalar: Self.variants[row | (scalar - 0x300)])
                index += 2
            }
        }
    }

    /// The Greek letters (most of the Greek and Coptic block): the scalars whose UTF-8 starts
    /// with CE or CF.
    private static let greek = 0x380..<0x400

    /// Whether every scalar of `text` is ASCII or in `greek`.
    private static func isASCIIOrGreek(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte < 0x80 {
                index += 1
            } else if byte == 0xCE || byte == 0xCF, index + 1 < text.count {
                index += 2
            } else {
                return false
            }
        }
        return true
    }

    /// `MathVariant.map` of each ASCII and Greek scalar in each font: 256 entries a font, at
    /// `font.code << 8`, ASCII first, then `greek`.
    private static let variants: [UInt32] = {
        precondition(0x80 + greek.count == 0x100)
        var table = [UInt32](repeating: 0, count: MathFont.allCases.count << 8)
        for font in MathFont.allCases {
            for (slot, value) in (Array(0..<0x80) + Array(greek)).enumerated() {
                let mapped = MathVariant.map(String(Unicode.Scalar(UInt32(value))!), to: font).unicodeScalars
                precondition(mapped.count == 1, "MathVariant.map must map scalar to scalar")
                table[Int(font.code) << 8 | slot] = mapped.first!.value
            }
        }
        return table
    }()

    mutating func emitText(_ node: SyntaxNode) {
        switch MathFont(code: node.a) {
        case .bold: out.append("<mtext style=\"font-weight:bold\">")
        case .italic: out.append("<mtext style=\"font-style:italic\">")
        case .sansSerif: out.append("<mtext style=\"font-family:sans-serif\">")
        case .monospace: out.append("<mtext style=\"font-family:monospace\">")
        default: out.append("<mtext>")
        }
        // Spaces at the ends of <mtext> collapse in HTML; no-break spaces keep `\text{if }`.
        appendTextReplacingSpaces(bytes(node))
        out.append("</mtext>")
    }

    /// Appends `text` escaped, each space as U+00A0 (C2 A0).
    ///
    /// The `Character`s equal to `" "` are replaced; a space byte is such a `Character` unless
    /// a non-ASCII neighbour joins its cluster (a combining mark after it, a
    /// prepended mark before), so only a space beside a non-ASCII byte sends the text through
    /// `String`.
    private mutating func appendTextReplacingSpaces(_ text: UnsafeBufferPointer<UInt8>) {
        for index in 0..<text.count where text[index] == UInt8(ascii: " ") {
            if (index > 0 && text[index - 1] >= 0x80) || (index + 1 < text.count && text[index + 1] >= 0x80) {
                let string = String(decoding: text, as: UTF8.self)
                out.appendEscaped(String(string.map { $0 == " " ? "\u{A0}" : $0 }))
                return
            }
        }
        var runStart = 0
        for index in 0..<text.count {
            let byte = text[index]
            guard byte == UInt8(ascii: " ") || MathMLBytes.needsEscaping(byte) else { continue }
            if runStart < index { out.append(UnsafeBufferPointer(rebasing: text[runStart..<index])) }
            if byte == UInt8(ascii: " ") {
                out.append(0xC2)
                out.append(0xA0)
            } else {
                out.appendEscaped(byte)
            }
            runStart = index + 1
        }
        if runStart < text.count { out.append(UnsafeBufferPointer(rebasing: text[runStart...])) }
    }
}
