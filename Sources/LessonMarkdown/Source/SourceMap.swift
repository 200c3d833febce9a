import LitmusDiagnostics

/// Maps positions in the text that was parsed to positions in the file.
///
/// For a Markdown file the two are the same. A notebook's markdown cell is parsed on its own,
/// and its text sits inside JSON strings: each cell line starts somewhere in the file, and every
/// escape (`\\` for `\`, `\"`, `\u00e9`) or jump to the next string of a `source` list moves the
/// rest of the line. Each parsed line therefore keeps anchors: a byte offset in the line and the
/// file position of that byte; the bytes after an anchor follow it one for one.
public struct SourceMap: Hashable, Sendable {
    struct Anchor: Hashable, Sendable {
        /// 0-based byte offset in the parsed line.
        var offset: Int
        var location: SourceLocation
    }

    /// Anchors per parsed line, in order; `nil` is the identity map.
    private var lines: [[Anchor]]?

    /// The identity map, for Markdown files.
    public static let identity = SourceMap(lines: nil)

    init(lines: [[Anchor]]?) {
        self.lines = lines
    }

    /// The file position of `local`.
    public func location(_ local: SourceLocation) -> SourceLocation {
        guard let lines, !lines.isEmpty else { return local }
        let anchors = lines[min(max(local.line, 1), lines.count) - 1]
        let offset = local.column - 1
        guard var best = anchors.first else { return local }
        for anchor in anchors.dropFirst() {
            if anchor.offset > offset { break }
            best = anchor
        }
        return SourceLocation(line: best.location.line, column: best.location.column + offset - best.offset)
    }

    /// A range mapped end by end.
    public func range(_ local: SourceRange) -> SourceRange {
        let start = location(local.start)
        return SourceRange(start: start, end: max(start, location(local.end)))
    }

    /// A diagnostic with all its positions mapped.
    public func diagnostic(_ local: Diagnostic) -> Diagnostic {
        var copy = local
        copy.range = local.range.map(range)
        copy.notes = local.notes.map { Diagnostic.Note($0.message, range: $0.range.map(range)) }
        copy.fixIts = local.fixIts.map { Diagnostic.FixIt(range: range($0.range), replacement: $0.replacement) }
        return copy
    }
}
