/// A macro defined in a lesson by `\newcommand`, `\def` or `\DeclareMathOperator`.
public struct Macro: Hashable, Sendable {
    /// The number of arguments `#1`…`#9` it takes.
    public var parameterCount: Int
    /// Its replacement text, as written in the definition.
    public var body: String
    /// The replacement text as UTF-8; `tokens` point into it.
    let bytes: [UInt8]
    /// The lexed replacement text; parameters are `#n` tokens.
    let tokens: [Token]
    /// `\newcommand{\name}[2][default]{…}`: the first argument is optional, written `[…]`, and is
    /// `default` when left out. Its tokens point into `defaultBytes`.
    public private(set) var defaultArgument: String?
    let defaultTokens: [Token]?
    let defaultBytes: [UInt8]

    /// Creates a macro from its replacement text.
    public init(parameterCount: Int, body: String) {
        self.parameterCount = parameterCount
        self.body = body
        let bytes = Array(body.utf8)
        self.bytes = bytes
        tokens = bytes.withUnsafeBufferPointer { buffer in
            var lexer = TeXLexer(buffer)
            var tokens: [Token] = []
            while true {
                let token = lexer.next()
                if token.kind == .end { break }
                tokens.append(token)
            }
            return tokens
        }
        defaultArgument = nil
        defaultTokens = nil
        defaultBytes = []
    }

    /// A macro from tokens read elsewhere, whose texts `text(of:)` gives; the body is their
    /// spellings end to end.
    init(
        parameterCount: Int, tokens: [Token], trailingSpace: Bool = false, defaultArgument: [Token]? = nil,
        spelling: (Token) -> [UInt8]
    ) {
        self.parameterCount = parameterCount
        var bytes: [UInt8] = []
        let own = Self.ownTokens(tokens, into: &bytes, spelling: spelling)
        // White space before the closing brace is part of the text, not of any token.
        if trailingSpace { bytes.append(UInt8(ascii: " ")) }
        self.bytes = bytes
        self.tokens = own
        body = String(decoding: bytes, as: UTF8.self)
        var defaultBytes: [UInt8] = []
        defaultTokens = defaultArgument.map { Self.ownTokens($0, into: &defaultBytes, spelling: spelling) }
        self.defaultBytes = defaultBytes
        self.defaultArgument = defaultArgument.map { _ in String(decoding: defaultBytes, as: UTF8.self) }
    }

    /// `tokens` re-pointed at their spellings, appended to `bytes`.
    private static func ownTokens(_ tokens: [Token], into bytes: inout [UInt8], spelling: (Token) -> [UInt8])
        -> [Token]
    {
        var own: [Token] = []
        own.reserveCapacity(tokens.count)
        for var token in tokens {
            let spelled = spelling(token)
            let start = Int32(bytes.count)
            bytes += spelled
            // A command's text is its name; the backslash stays just before it, and the space
            // the token may have before it comes first.
            token.textStart = start + (token.spaceBefore ? 1 : 0) + (token.kind == .command ? 1 : 0)
            token.textEnd = Int32(bytes.count)
            token.buffer = 0
            own.append(token)
        }
        return own
    }

    /// Macros are equal when they take as many arguments and read the same; where their tokens
    /// were lexed does not matter.
    public static func == (lhs: Macro, rhs: Macro) -> Bool {
        lhs.parameterCount == rhs.parameterCount && lhs.body == rhs.body && lhs.defaultArgument == rhs.defaultArgument
    }

    /// Hashes what `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(parameterCount)
        hasher.combine(body)
        hasher.combine(defaultArgument)
    }
}
