import LitmusDiagnostics

/// A reference to a label: in the prose (d2l's `:eqref:`, MyST's `{eq}`, Quarto's `@eq-…`) or
/// inside a formula (`\eqref{…}`, `\ref{…}`).
///
/// A reference in the prose stands in the Markdown tree as a `.reference(index)` node, whose
/// children are the text a reader sees where nothing resolves it; one inside a formula has no
/// node of its own (the TeX tree has it).
public struct LabelReference: Hashable, Sendable {
    /// The markup a reference was written in.
    public enum Syntax: String, Hashable, Sendable, Codable {
        /// d2l's ``:eqref:`name` ``: an equation, shown as its number in parentheses.
        case d2lEquation
        /// d2l's ``:numref:`name` ``: a section, figure or table, shown with its number.
        case d2lNumbered
        /// MyST's ``{eq}`name` ``.
        case mystEquation
        /// MyST's ``{numref}`name` `` (or ``{numref}`text <name>` ``).
        case mystNumbered
        /// MyST's ``{ref}`name` `` (or ``{ref}`text <name>` ``): shown as the target's title.
        case mystPlain
        /// Quarto's `@eq-name`.
        case quartoEquation
        /// Quarto's `@sec-…`, `@fig-…`, `@tbl-…`.
        case quartoNumbered
        /// `\eqref{name}` inside a formula.
        case texEquation
        /// `\ref{name}` inside a formula.
        case texPlain
    }

    /// The label referred to, as written (Quarto's `eq-` prefix is part of the name, as it is
    /// part of the label).
    public var target: String
    public var syntax: Syntax
    /// The whole reference in file coordinates (`:eqref:`…``, `{eq}`…``, `@eq-…`, `\eqref{…}`).
    public var range: SourceRange
    /// The text a reader is shown for a reference that resolves to nothing, or when a ``{ref}``
    /// names its own text (``{ref}`the loss <sec_loss>` ``); `nil` otherwise.
    public var text: String?
    /// The formula holding a `\ref` or `\eqref`; `nil` for a reference in the prose.
    public var formula: Int?
    /// The notebook cell (0-based) holding the reference; `nil` in a Markdown file.
    public var cell: Int?

    /// Whether the reference points at an equation (its number is shown in parentheses).
    public var isEquation: Bool {
        switch syntax {
        case .d2lEquation, .mystEquation, .quartoEquation, .texEquation: true
        case .d2lNumbered, .mystNumbered, .mystPlain, .quartoNumbered, .texPlain: false
        }
    }

    /// Creates a reference.
    public init(
        target: String, syntax: Syntax, range: SourceRange, text: String? = nil, formula: Int? = nil, cell: Int? = nil
    ) {
        self.target = target
        self.syntax = syntax
        self.range = range
        self.text = text
        self.formula = formula
        self.cell = cell
    }
}
