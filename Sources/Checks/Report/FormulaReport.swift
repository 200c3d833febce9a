import LitmusDiagnostics

/// One formula of a lesson with its verdict.
public struct FormulaReport: Hashable, Sendable {
    /// The span's index in the lesson (`MathSpan.index`).
    public var index: Int
    /// The position of the opening delimiter in the file.
    public var location: SourceLocation
    /// The range of the whole span in the file.
    public var range: SourceRange
    /// Whether the span is display math.
    public var isDisplay: Bool
    /// The span's LaTeX, as written.
    public var latex: String
    /// The index of the first span of the formula's group (`index` when alone or first).
    public var group: Int
    /// What Litmus decided about it.
    public var verdict: Verdict
    /// Whether the span states a relation at its top level (`=`, `\le`, `\in`, `\leftarrow`…).
    public var statesRelation: Bool
    /// The function of the lesson's cells the formula is tied to, when the caller found one
    /// (the harness does; the checks leave it nil).
    public var tiedTo: TiedFunction?

    /// Creates a formula report.
    public init(
        index: Int, range: SourceRange, isDisplay: Bool, latex: String, group: Int? = nil, verdict: Verdict,
        statesRelation: Bool = false
    ) {
        self.statesRelation = statesRelation
        self.group = group ?? index
        self.index = index
        self.location = range.start
        self.range = range
        self.isDisplay = isDisplay
        self.latex = latex
        self.verdict = verdict
    }
}
