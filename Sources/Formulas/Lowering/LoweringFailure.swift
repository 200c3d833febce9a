import LitmusDiagnostics

/// Why a formula could not be given a meaning: it is then `unchecked` with this reason.
public struct LoweringFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// A sentence a reader accepts: "unknown command `\foo`", "a tuple `(n_l, 1)` is not an expression".
    public var reason: String
    /// Where, relative to the LaTeX, if known.
    public var range: SourceRange?

    /// Creates a failure.
    public init(_ reason: String, at range: SourceRange? = nil) {
        self.reason = reason
        self.range = range
    }

    public var description: String { reason }
}
