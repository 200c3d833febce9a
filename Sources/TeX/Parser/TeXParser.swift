import LitmusDiagnostics

/// Reads one LaTeX math span into a syntax tree with source ranges, diagnostics and the lesson's
/// updated macros.
///
/// The parser recovers from every problem: any input gives a tree and diagnostics, in time
/// linear in its length, with groups nested at most ``maximumDepth`` deep.
public struct TeXParser: Sendable {
    /// How deep groups, arguments and environments may nest before the rest is skipped with an
    /// error; this bounds the stack used to build, visit and destroy a tree.
    public static let maximumDepth = 256
    /// How deep a formula is read on the caller's thread: one that nests deeper is read again on
    /// a thread with a stack for `maximumDepth` (`DeepStack`).
    static let shallowDepth = 32
    /// How many macro expansions one formula may make (`\def\a{\a\a}` never ends).
    public static let maximumExpansions = 1_000
    /// How many tokens one formula's macro expansions may produce in all.
    public static let maximumExpandedTokens = 100_000

    /// Whether the formula is displayed (`$$…$$`) rather than inline (`$…$`).
    public var display: Bool
    /// The macros in force before this formula.
    public var macros: MacroTable
    /// Whether to run the letter lints (`max(`, `RelU`, `W{(2)}`…); a renderer that only needs
    /// the tree skips them.
    public var lints = true

    /// Creates a parser for display or inline math with the lesson's macros so far.
    public init(display: Bool = false, macros: MacroTable = .standard) {
        self.display = display
        self.macros = macros
    }

    /// Parses `latex`; positions in the result are relative to `latex` (line 1, column 1 is its
    /// first byte). O(n) in the length of `latex` plus its macro expansions.
    public func parse(_ latex: String) -> TeXParseResult {
        var text = latex
        return text.withUTF8 { source in
            // The reader recurses once per level of nesting: a formula that nests deeply is read
            // again on a thread with a stack for it, whatever thread calls.
            if let result = read(latex, source, depthLimit: Self.shallowDepth) { return result }
            return DeepStack.run { read(latex, source, depthLimit: Self.maximumDepth)! }
        }
    }

    /// The reading of `latex` nested at most `depthLimit` deep; `nil` when it nests deeper and
    /// `depthLimit` is below `maximumDepth`.
    private func read(_ latex: String, _ source: UnsafeBufferPointer<UInt8>, depthLimit: Int) -> TeXParseResult? {
        var reader = MathReader(source, macros: macros)
        reader.lints = lints
        reader.depthLimit = depthLimit
        _ = reader.readFormula()
        if reader.reachedDepthLimit, depthLimit < Self.maximumDepth { return nil }
        var diagnostics = reader.diagnostics
        diagnostics += reader.lintDiagnostics
        if diagnostics.count > 1 {
            diagnostics.sort { ($0.location, $0.id.rawValue) < ($1.location, $1.id.rawValue) }
        }
        return TeXParseResult(
            latex: latex, display: display, tree: reader.tree, diagnostics: diagnostics, macros: reader.macros,
            isDeep: depthLimit > Self.shallowDepth)
    }
}
