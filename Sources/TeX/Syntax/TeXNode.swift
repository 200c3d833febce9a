import LitmusDiagnostics

/// One node of a LaTeX math syntax tree, with the source range it was read from.
///
/// Ranges are relative to the parsed LaTeX string (line 1, column 1 is its first byte); a caller
/// that knows where the span sits in its file re-bases them with `SourceRange.rebased(onto:)`.
/// Trees are never deeper than `TeXParser.maximumDepth` groups, so the recursive deinit of the
/// indirect enum and every recursive visitor stay well inside the stack.
public struct TeXNode: Hashable, Sendable {
    /// What the node is.
    public var kind: Kind
    /// Where the node was read, relative to the LaTeX string.
    public var range: SourceRange

    /// Creates a node of `kind` read from `range`.
    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The children in reading order (scripts: base, subscript, superscript).
    public var children: [TeXNode] {
        switch kind {
        case .row(let nodes), .group(let nodes): nodes
        case .styled(_, let body), .mathStyle(_, let body), .color(_, let body), .enclosed(_, let body),
            .phantom(_, let body), .sizing(_, let body):
            [body]
        case .scripts(let scripts): [scripts.base] + [scripts.sub, scripts.sup].compactMap { $0 }
        case .fraction(_, let numerator, let denominator): [numerator, denominator]
        case .root(let radicand, let index): (index.map { [$0] } ?? []) + [radicand]
        case .accent(_, let base): [base]
        case .fenced(let fence): [fence.body]
        case .environment(let environment): environment.rows.flatMap { $0 }
        case .overUnder(_, let over, let under, let base): [over, under].compactMap { $0 } + [base]
        case .identifier, .number, .symbol, .largeOperator, .function, .text, .space, .sizedDelimiter,
            .lineBreak, .unknownCommand, .error, .label, .tag, .noNumber, .reference, .divider:
            []
        }
    }
}
