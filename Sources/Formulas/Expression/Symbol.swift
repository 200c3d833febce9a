/// A named quantity of a lesson: `W^{(2)}`, `\hat{y}`, `\mathbf{z}^{(l)}`, `x_3`.
///
/// The font is kept for display but is not part of identity: lessons write `\mathbf{z}^{(l)}` and
/// `z^{(l)}` for the same vector. Layer labels (`^{(2)}`), accents (`\hat`) and primes are, and so
/// is bold on a Greek letter: `\boldsymbol{\lambda}` (a vector of eigenvalues) is not `\lambda`,
/// nor `\boldsymbol{\sigma}` (a vector of deviations) the sigmoid σ.
public struct Symbol: Hashable, Sendable, CustomStringConvertible {
    /// The letter or name (`W`, `σ`, `η`).
    public var name: String
    /// The layer label written as a parenthesised superscript (`2` in `W^{(2)}`), if any.
    public var label: String?
    /// The subscript (`1` in `x_1`, `11` in `w_{11}`, `i` in `x_i`), if any.
    public var index: String?
    /// Accents over the letter, innermost first (`hat` in `\hat{y}`).
    public var accents: [String]
    /// Primes written after the letter (`b'` has 1).
    public var primes: Int
    /// The font (`bold` for `\mathbf{W}`); not part of identity.
    public var font: String?

    /// Creates a symbol.
    public init(
        _ name: String, label: String? = nil, index: String? = nil, accents: [String] = [], primes: Int = 0,
        font: String? = nil
    ) {
        self.name = name
        self.label = label
        self.index = index
        self.accents = accents
        self.primes = primes
        self.font = font
    }

    /// The same symbol without its subscript: the vector or matrix `x` of the component `x_3`.
    public var withoutIndex: Symbol {
        var copy = self
        copy.index = nil
        return copy
    }

    /// How the symbol reads in messages: `W^(2)`, `ŷ`, `x_3`, `𝛌` for a bold λ.
    public var description: String {
        var out = isBoldGreek ? "bold " + name : name
        for accent in accents {
            switch accent {
            case "hat": out = "\(out)\u{0302}"
            case "bar", "overline": out = "\(out)\u{0304}"
            case "tilde": out = "\(out)\u{0303}"
            default: out = "\\\(accent){\(out)}"
            }
        }
        out += String(repeating: "′", count: primes)
        if let index { out += index.count == 1 ? "_\(index)" : "_{\(index)}" }
        if let label { out += "^(\(label))" }
        return out
    }

    /// A bold Greek letter, which lessons use for another quantity than the plain letter.
    public var isBoldGreek: Bool {
        guard let font, font == "bold" || font == "boldItalic", let first = name.unicodeScalars.first else {
            return false
        }
        return !first.isASCII && name.unicodeScalars.count == 1
    }

    public static func == (lhs: Symbol, rhs: Symbol) -> Bool {
        lhs.name == rhs.name && lhs.label == rhs.label && lhs.index == rhs.index && lhs.accents == rhs.accents
            && lhs.primes == rhs.primes && lhs.isBoldGreek == rhs.isBoldGreek
    }

    /// Hashes the name and the subscript only: symbols equal by `==` share them, and the few
    /// that differ only by label, accents, primes or bold are told apart by `==`. Every table
    /// of a lesson's reading is keyed by symbols, so hashing fewer parts pays on every look-up.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(index)
    }
}
