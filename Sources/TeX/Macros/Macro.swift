/// A macro defined in a lesson by `\newcommand`, `\def` or `\DeclareMathOperator`.
public struct Macro: Hashable, Sendable {
    /// The number of arguments `#1`…`#9` it takes.
    public var parameterCount: Int
    /// Its replacement text, as written in the definition.
    public var body: String
    /// The lexed replacement text; parameters are `#n` tokens.
    var tokens: [Token]

    /// Creates a macro from its replacement text.
    public init(parameterCount: Int, body: String) {
        self.parameterCount = parameterCount
        self.body = body
        var lexer = TeXLexer(body)
        var tokens: [Token] = []
        while true {
            let token = lexer.next()
            if token.kind == .end { break }
            tokens.append(token)
        }
        self.tokens = tokens
    }

    init(parameterCount: Int, tokens: [Token]) {
        self.parameterCount = parameterCount
        self.body = tokens.map(\.spelling).joined()
        self.tokens = tokens
    }

    /// Macros are equal when they take as many arguments and read the same; where their tokens
    /// were lexed does not matter.
    public static func == (lhs: Macro, rhs: Macro) -> Bool {
        lhs.parameterCount == rhs.parameterCount && lhs.body == rhs.body
    }

    /// Hashes what `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(parameterCount)
        hasher.combine(body)
    }
}
