import LitmusDiagnostics

/// A name given to a formula so that prose and other formulas can refer to it.
///
/// A formula may carry several: one from the dialect's markup around it (d2l's `:eqlabel:`,
/// MyST's `(label)` or `:label:`, Quarto's `{#eq-…}`) and any `\label{…}` inside its LaTeX (an
/// `align` may label each row).
public struct EquationLabel: Hashable, Sendable {
    /// The markup a label was written in.
    public enum Syntax: String, Hashable, Sendable, Codable {
        /// d2l's ``:eqlabel:`name` `` on the line after the formula.
        case d2l
        /// MyST's `$$ … $$ (name)` or the `:label: name` option of ```` ```{math} ````.
        case myst
        /// Quarto's `$$ … $$ {#eq-name}`.
        case quarto
        /// `\label{name}` inside the LaTeX.
        case tex
    }

    /// The name as written (`eq_softmax`, `eq-softmax`), without the markup around it.
    public var name: String
    public var syntax: Syntax
    /// The whole markup in file coordinates, from its first byte (`:` of `:eqlabel:`, `(`, `{`,
    /// `\` of `\label`) to just past its last.
    public var range: SourceRange
    /// For a `\label` inside the LaTeX: the row of the formula it labels (0 for a formula of one
    /// row; `align`'s rows count from 0); `nil` for the dialect's markup, which labels the whole.
    public var row: Int?

    /// Creates a label.
    public init(name: String, syntax: Syntax, range: SourceRange, row: Int? = nil) {
        self.name = name
        self.syntax = syntax
        self.range = range
        self.row = row
    }
}

/// A `\tag{…}` (or `\tag*{…}`) inside a formula's LaTeX: the text shown instead of a number.
public struct EquationTag: Hashable, Sendable {
    /// The tag's text as written (`1.2`, `*`).
    public var text: String
    /// `\tag*{…}` shows the text without parentheses.
    public var starred: Bool
    /// `\tag{…}` in file coordinates.
    public var range: SourceRange
    /// The row of the formula it tags, as for `EquationLabel.row`.
    public var row: Int

    /// Creates a tag.
    public init(text: String, starred: Bool, range: SourceRange, row: Int) {
        self.text = text
        self.starred = starred
        self.range = range
        self.row = row
    }
}
