/// A body between two delimiters.
public struct Fence: Hashable, Sendable {
    /// The opening delimiter, `nil` for `\left.`.
    public var open: TeXSymbol?
    /// The closing delimiter, `nil` for `\right.` or a missing `\right`.
    public var close: TeXSymbol?
    /// What stands between them, as a `.row`.
    public var body: TeXNode
    /// `true` for `\left…\right` (the delimiters stretch), `false` for a plain pair `( … )`.
    public var isStretchy: Bool

    /// Creates a fenced body.
    public init(open: TeXSymbol?, close: TeXSymbol?, body: TeXNode, isStretchy: Bool) {
        self.open = open
        self.close = close
        self.body = body
        self.isStretchy = isStretchy
    }
}
