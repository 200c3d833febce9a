/// A base with its subscript, superscript and primes: `x^{(i)}_j`, `\sigma'`, `\sum_{j}`.
public struct Scripts: Hashable, Sendable {
    /// What the scripts are attached to (an empty row when a formula starts with `^`).
    public var base: TeXNode
    /// The subscript, if any.
    public var sub: TeXNode?
    /// The superscript, if any. A braced `{(l)}` stays a `.group`, so a layer index can be told
    /// from a power.
    public var sup: TeXNode?
    /// The number of primes written after the base (`f''` has 2); `^\prime` stays a superscript.
    public var primes: Int

    /// Creates scripts on a base.
    public init(base: TeXNode, sub: TeXNode? = nil, sup: TeXNode? = nil, primes: Int = 0) {
        self.base = base
        self.sub = sub
        self.sup = sup
        self.primes = primes
    }
}
