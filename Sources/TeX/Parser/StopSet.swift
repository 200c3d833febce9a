/// The tokens that end the list being read, set by the construct that reads it.
struct StopSet: OptionSet, Sendable {
    let rawValue: UInt8

    /// `}` closes a braced group.
    static let group = StopSet(rawValue: 1 << 0)
    /// `&`, `\\` and `\end` close an environment cell.
    static let cell = StopSet(rawValue: 1 << 1)
    /// `\right` closes a `\left` body.
    static let right = StopSet(rawValue: 1 << 2)
    /// `]` closes the optional argument of `\sqrt[n]`.
    static let bracket = StopSet(rawValue: 1 << 3)
}
