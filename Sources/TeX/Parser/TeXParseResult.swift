import LitmusDiagnostics

/// What parsing one math span gives: its tree, its diagnostics and the macros after it.
public struct TeXParseResult: Hashable, Sendable {
    /// The LaTeX that was parsed.
    public var latex: String
    /// Whether it is display math.
    public var display: Bool
    /// The parser's flat tree, which the MathML writer reads.
    let tree: SyntaxTree
    /// Errors and lints, sorted by position, relative to `latex`; re-base them with
    /// `Diagnostic.rebased(onto:)` where the span starts in its file.
    public var diagnostics: [Diagnostic]
    /// The macros in force after this span (the input table plus its `\newcommand`s).
    public var macros: MacroTable
    /// Whether the formula may nest deeply: its tree is then walked on a thread with a large
    /// stack (`DeepStack`).
    let isDeep: Bool

    init(
        latex: String, display: Bool, tree: SyntaxTree, diagnostics: [Diagnostic], macros: MacroTable,
        isDeep: Bool = false
    ) {
        self.latex = latex
        self.display = display
        self.tree = tree
        self.diagnostics = diagnostics
        self.macros = macros
        self.isDeep = isDeep
    }

    /// The tree: a `.row` covering the whole span. It is built from the parser's flat tree on
    /// each call, so a caller that walks it more than once keeps it.
    public var root: TeXNode {
        guard isDeep else { return tree.node(tree.root, lines: LineOffsets(Array(latex.utf8))) }
        return DeepStack.run { tree.node(tree.root, lines: LineOffsets(Array(latex.utf8))) }
    }

    /// Whether the span has an error (it does not parse as written).
    public var hasErrors: Bool { diagnostics.hasErrors }

    /// The MathML of the span, with its LaTeX as annotation.
    public var mathML: String { mathML(references: [:]) }

    /// The MathML of the span, each `\eqref{name}` and `\ref{name}` showing `references[name]`
    /// (the number a page gives that label) where there is one.
    public func mathML(references: [String: String]) -> String {
        let writer = MathMLWriter(display: display, references: references)
        guard isDeep else { return writer.write(tree, latex: latex) }
        return DeepStack.run { writer.write(tree, latex: latex) }
    }

    /// Results are equal when they read the same LaTeX the same way.
    public static func == (lhs: TeXParseResult, rhs: TeXParseResult) -> Bool {
        lhs.latex == rhs.latex && lhs.display == rhs.display && lhs.diagnostics == rhs.diagnostics
            && lhs.macros == rhs.macros && lhs.root == rhs.root
    }

    /// Hashes what `==` compares, but for the tree, which the LaTeX and macros determine.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(latex)
        hasher.combine(display)
        hasher.combine(diagnostics)
        hasher.combine(macros)
    }
}
