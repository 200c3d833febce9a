/// An accent command and the mark it draws: `\hat` is `^`, `\vec` is `→`.
public struct Accent: Hashable, Sendable {
    /// The command name without its backslash (`hat`, `overline`).
    public var name: String
    /// The mark drawn over or under the base.
    public var mark: String
    /// Whether the mark stretches to the width of its base (`\widehat`, `\overline`).
    public var stretchy: Bool
    /// Whether the mark goes under the base (`\underline`).
    public var isUnder: Bool

    /// Creates an accent.
    public init(name: String, mark: String, stretchy: Bool, isUnder: Bool = false) {
        self.name = name
        self.mark = mark
        self.stretchy = stretchy
        self.isUnder = isUnder
    }
}
