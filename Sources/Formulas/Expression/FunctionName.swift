/// A function's name, normalised so spellings meet: `\text{Leaky ReLU}`, `\mathrm{leaky\_relu}`
/// and `LeakyReLU` are all `leakyrelu`; `\sigma` is `σ`.
public struct FunctionName: Hashable, Sendable, CustomStringConvertible {
    /// The normalised key (lowercase letters and digits, Greek letters as Unicode).
    public var key: String
    /// The spelling in the lesson, for messages.
    public var written: String

    /// Creates a name from how it was written.
    public init(_ written: String) {
        self.written = written
        self.key = FunctionName.normalise(written)
    }

    /// Lowercases and drops spaces, hyphens, underscores and backslashes; a single letter keeps
    /// its case (`F` and `f` are two functions of a lesson).
    public static func normalise(_ text: String) -> String {
        let kept = text.filter { !" -_\\{}~,.".contains($0) }
        return kept.count == 1 ? String(kept) : kept.lowercased()
    }

    public var description: String { written }

    public static func == (lhs: FunctionName, rhs: FunctionName) -> Bool { lhs.key == rhs.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
}
