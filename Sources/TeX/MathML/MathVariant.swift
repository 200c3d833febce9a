/// Maps letters and digits to the Unicode Mathematical Alphanumeric Symbols of a font
/// (`\mathbf{W}` is `𝐖`, `\mathbb{R}` is `ℝ`), since MathML Core renders fonts through these
/// characters rather than the `mathvariant` attribute. Unicode 15, block U+1D400–U+1D7FF, with
/// the letters that were encoded earlier in Letterlike Symbols (U+2100–U+214F) as exceptions.
/// Double-struck digits are left alone: `\mathbb{R^5}` means ℝ⁵, not ℝ^𝟝.
enum MathVariant {
    /// `text` with every letter and digit that has a form in `font` replaced by it.
    static func map(_ text: String, to font: MathFont) -> String {
        guard let offsets = offsets[font] else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(map(scalar, font, offsets) ?? scalar)
        }
        return String(out)
    }

    private struct Offsets {
        var upper: UInt32
        var lower: UInt32
        var digit: UInt32?
        var greekUpper: UInt32?
        var greekLower: UInt32?
        var exceptions: [Character: Character] = [:]
    }

    private static func map(_ scalar: Unicode.Scalar, _ font: MathFont, _ offsets: Offsets) -> Unicode.Scalar? {
        if let exception = offsets.exceptions[Character(scalar)] { return exception.unicodeScalars.first }
        let value = scalar.value
        let mapped: UInt32? =
            switch value {
            case 0x41...0x5A: offsets.upper + value - 0x41
            case 0x61...0x7A: offsets.lower + value - 0x61
            case 0x30...0x39: offsets.digit.map { $0 + value - 0x30 }
            case 0x391...0x3A9: offsets.greekUpper.map { $0 + value - 0x391 }
            case 0x3B1...0x3C9: offsets.greekLower.map { $0 + value - 0x3B1 }
            default: nil
            }
        return mapped.flatMap(Unicode.Scalar.init)
    }

    private static let offsets: [MathFont: Offsets] = [
        .bold: Offsets(upper: 0x1D400, lower: 0x1D41A, digit: 0x1D7CE, greekUpper: 0x1D6A8, greekLower: 0x1D6C2),
        .italic: Offsets(upper: 0x1D434, lower: 0x1D44E, exceptions: ["h": "ℎ"]),
        .boldItalic: Offsets(
            upper: 0x1D468, lower: 0x1D482, digit: 0x1D7CE, greekUpper: 0x1D71C,
            greekLower: 0x1D736),
        .script: Offsets(
            upper: 0x1D49C, lower: 0x1D4B6,
            exceptions: [
                "B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ",
                "e": "ℯ", "g": "ℊ", "o": "ℴ",
            ]),
        .fraktur: Offsets(
            upper: 0x1D504, lower: 0x1D51E,
            exceptions: [
                "C": "ℭ", "H": "ℌ", "I": "ℑ", "R": "ℜ", "Z": "ℨ",
            ]),
        .doubleStruck: Offsets(
            upper: 0x1D538, lower: 0x1D552,
            exceptions: [
                "C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ",
            ]),
        .sansSerif: Offsets(upper: 0x1D5A0, lower: 0x1D5BA, digit: 0x1D7E2),
        .monospace: Offsets(upper: 0x1D670, lower: 0x1D68A, digit: 0x1D7F6),
    ]
}
