import LitmusDiagnostics

/// A label that names a block rather than a formula: d2l's ``:label:`sec_name` `` after a
/// heading or figure, MyST's `(sec-name)=` before a heading, Quarto's `{#sec-name}` on one.
/// The markup is not shown; the block it names is the one it follows (d2l, Quarto) or precedes
/// (MyST), which a renderer finds by position.
public struct BlockLabel: Hashable, Sendable {
    /// The markup a block label was written in.
    public enum Syntax: String, Hashable, Sendable, Codable {
        /// d2l's ``:label:`name` ``, naming the block just before it.
        case d2l
        /// MyST's `(name)=` on its own line, naming the block just after it.
        case myst
        /// Quarto's `{#name}` at the end of a heading.
        case quarto
    }

    public var name: String
    public var syntax: Syntax
    /// The markup in file coordinates.
    public var range: SourceRange
    /// The notebook cell (0-based) holding it; `nil` in a Markdown file.
    public var cell: Int?

    /// Creates a block label.
    public init(name: String, syntax: Syntax, range: SourceRange, cell: Int? = nil) {
        self.name = name
        self.syntax = syntax
        self.range = range
        self.cell = cell
    }
}
