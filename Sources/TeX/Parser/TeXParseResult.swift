import LitmusDiagnostics

/// What parsing one math span gives: its tree, its diagnostics and the macros after it.
public struct TeXParseResult: Hashable, Sendable {
    /// The LaTeX that was parsed.
    public var latex: String
    /// Whether it is display math.
    public var display: Bool
    /// The tree: a `.row` covering the whole span.
    public var root: TeXNode
    /// Errors and lints, sorted by position, relative to `latex`; re-base them with
    /// `Diagnostic.rebased(onto:)` where the span starts in its file.
    public var diagnostics: [Diagnostic]
    /// The macros in force after this span (the input table plus its `\newcommand`s).
    public var macros: MacroTable

    /// Whether the span has an error (it does not parse as written).
    public var hasErrors: Bool { diagnostics.hasErrors }

    /// The MathML of the span, with its LaTeX as annotation.
    public var mathML: String { MathMLWriter(display: display).write(root, latex: latex) }
}
