/// An operator, relation, delimiter or other symbol, as written and as it reads in Unicode.
public struct TeXSymbol: Hashable, Sendable {
    /// The source spelling: `\in`, `=`, `\{`, `:=`.
    public var source: String
    /// The Unicode text: `∈`, `=`, `{`, `≔`-like `:=`.
    public var text: String
    /// How the symbol behaves between its neighbours (TeX's atom classes).
    public var atomClass: AtomClass

    /// Creates a symbol.
    public init(source: String, text: String, atomClass: AtomClass) {
        self.source = source
        self.text = text
        self.atomClass = atomClass
    }
}

/// TeX's classes of math atoms, which decide spacing and the MathML element used.
public enum AtomClass: String, Hashable, Sendable {
    /// An ordinary symbol (`\infty`, `\partial`, `\nabla`): written as `<mi>`.
    case ordinary
    /// A large operator (`\sum`).
    case largeOperator
    /// A binary operator (`+`, `\cdot`, `\times`).
    case binary
    /// A relation (`=`, `\in`, `\leq`, `\rightarrow`).
    case relation
    /// An opening delimiter (`(`, `\{`, `\langle`).
    case opening
    /// A closing delimiter (`)`, `\}`, `\rangle`).
    case closing
    /// Punctuation (`,`, `;`).
    case punctuation
    /// A delimiter that opens or closes depending on its place (`|`, `\|`).
    case fence
}
