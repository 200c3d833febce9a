import LitmusDiagnostics

/// A lesson as Litmus reads it: the Markdown tree (with code cells and formulas in place), every
/// formula with its exact LaTeX and position, and what went wrong while reading.
public struct Lesson: Sendable {
    /// What kind of file the lesson came from.
    public enum Format: String, Sendable, Codable {
        case markdown
        case notebook
    }

    /// The path the lesson was read from, as given.
    public var path: String
    public var format: Format
    /// The document. In a notebook its children are `.notebookCell` containers, one per cell.
    public var document: MarkdownNode
    /// Every formula in document order; `.math(i)` nodes index into it.
    public var math: [MathSpan]
    /// Warnings and errors found while reading, in file coordinates.
    public var diagnostics: [Diagnostic]
    /// The notebook's kernel language (`swift`, `python`…); `nil` for Markdown.
    public var notebookLanguage: String?
    /// The dialect the lesson was read in, and what chose it.
    public var dialect: MathDialect
    public var dialectSource: DialectSource
    /// Every reference, in the prose and inside formulas, in document order; `.reference(i)`
    /// nodes index into it.
    public var references: [LabelReference]
    /// The labels of blocks (sections, figures), in document order.
    public var blockLabels: [BlockLabel]

    public init(
        path: String, format: Format, document: MarkdownNode, math: [MathSpan], diagnostics: [Diagnostic],
        notebookLanguage: String? = nil, dialect: MathDialect = .jupyter, dialectSource: DialectSource = .standard,
        references: [LabelReference] = [], blockLabels: [BlockLabel] = []
    ) {
        self.path = path
        self.format = format
        self.document = document
        self.math = math
        self.diagnostics = diagnostics
        self.notebookLanguage = notebookLanguage
        self.dialect = dialect
        self.dialectSource = dialectSource
        self.references = references
        self.blockLabels = blockLabels
    }
}
