import LitmusDiagnostics

/// One formula of a lesson: its exact LaTeX and where it stands.
public struct MathSpan: Hashable, Sendable {
    /// Position in the lesson's list of formulas, from 0, in document order.
    public var index: Int
    /// The source text between the delimiters, byte for byte (line ends normalised to `\n`;
    /// in a block quote the `>` markers of continuation lines are not part of it).
    public var latex: String
    /// How the span is delimited; decides display or inline.
    public var delimiter: MathDelimiter
    /// From the first byte of the opening delimiter to just past the closing one, in file coordinates.
    public var range: SourceRange
    /// The index of the first span of this span's group: spans separated only by white space
    /// inside one paragraph form one equation (`$W$ $x =$ $z$`). Equal to `index` when alone
    /// or first.
    public var group: Int
    /// The notebook cell (0-based) holding the span; `nil` in a Markdown file.
    public var cell: Int?
    /// Whether the span is display math: its delimiter's kind, except for kramdown's `$$…$$`,
    /// which is inline unless it stands alone in its paragraph.
    public var isDisplay: Bool
    /// The names the lesson gives the formula: the dialect's markup around it first, then each
    /// `\label{…}` inside, in order.
    public var labels: [EquationLabel] = []
    /// The `\tag{…}`s inside the formula, in order.
    public var tags: [EquationTag] = []
    /// Whether the LaTeX says not to number it (`\nonumber`, `\notag`) on its first row, or is a
    /// starred environment (`equation*`, `align*`).
    public var isUnnumbered = false
    /// Where each line of `latex` starts, in the coordinates of the text that was parsed.
    var latexLineStarts: [SourceLocation]
    /// Maps those coordinates to the file's (identity for Markdown, JSON-aware for notebooks).
    var sourceMap: SourceMap

    /// The file position of a position inside `latex` (1-based line and UTF-8 column of the
    /// LaTeX text itself): the one conversion of a TeX diagnostic to the lesson file.
    public func fileLocation(ofLatex local: SourceLocation) -> SourceLocation {
        let lineIndex = min(max(local.line, 1), latexLineStarts.count) - 1
        let start = latexLineStarts[lineIndex]
        return sourceMap.location(SourceLocation(line: start.line, column: start.column + local.column - 1))
    }

    /// A TeX diagnostic (positions relative to `latex`) moved into file coordinates.
    public func fileDiagnostic(_ diagnostic: Diagnostic) -> Diagnostic {
        func move(_ range: SourceRange) -> SourceRange {
            let start = fileLocation(ofLatex: range.start)
            let end = fileLocation(ofLatex: range.end)
            return SourceRange(start: start, end: max(start, end))
        }
        var copy = diagnostic
        copy.range = diagnostic.range.map(move)
        copy.notes = diagnostic.notes.map { Diagnostic.Note($0.message, range: $0.range.map(move)) }
        copy.fixIts = diagnostic.fixIts.map { Diagnostic.FixIt(range: move($0.range), replacement: $0.replacement) }
        return copy
    }
}
