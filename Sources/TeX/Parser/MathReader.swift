import LitmusDiagnostics

/// The mutable state of one parse: the token stream (with macro expansions pushed in front of
/// the lexer), the nesting depth, the macros and the diagnostics found so far.
///
/// Its methods are split by concern: `+Lists` (rows and groups), `+Atoms` (one atom and its
/// scripts), `+Commands`, `+Arguments`, `+Environments`, `+Macros`.
struct MathReader {
    var lexer: TeXLexer
    /// Tokens to read before the lexer's, last first: pushed-back tokens and macro expansions.
    var pending: [Token] = []
    /// The lexer's next token once something has looked at it (read after `pending`).
    var lookahead: Token?
    var macros: MacroTable {
        didSet { hasMacros = !macros.macros.isEmpty }
    }
    /// Whether any macro is defined: most lessons define none, and `peek` then skips the lookup.
    private(set) var hasMacros: Bool
    var diagnostics: [Diagnostic] = []
    var depth = 0
    var reportedTooDeep = false
    var expansions = 0
    var expandedTokens = 0
    var reportedExpansionLimit = false

    init(_ latex: String, macros: MacroTable) {
        lexer = TeXLexer(latex)
        self.macros = macros
        hasMacros = !macros.macros.isEmpty
    }

    /// Reads the whole span as a row.
    mutating func readFormula() -> TeXNode {
        var nodes: [TeXNode] = []
        while true {
            let (list, _) = readList(until: [])
            nodes += list
            // A stop token outside any construct (only `}` or `]` remain) was reported by
            // `readList`; anything else means the text is used up.
            if peek().kind == .end { break }
            _ = next()
        }
        let end = lexer.location
        return TeXNode(.row(nodes), SourceRange(start: .start, end: max(end, .start)))
    }

    // MARK: - Token stream

    /// The next token without macro expansion.
    mutating func peekRaw() -> Token {
        if !pending.isEmpty { return pending[pending.count - 1] }
        if let token = lookahead { return token }
        let token = lexer.next()
        lookahead = token
        return token
    }

    /// The next token after expanding any lesson macros in front of it.
    mutating func peek() -> Token {
        guard hasMacros else { return peekRaw() }
        while true {
            let token = peekRaw()
            guard case .command(let name) = token.kind, let macro = macros[name] else { return token }
            if !expand(macro, named: name) { return token }
        }
    }

    /// Takes the next token (expanding macros).
    mutating func next() -> Token {
        _ = peek()
        return take()
    }

    /// Takes the next token without macro expansion.
    mutating func nextRaw() -> Token {
        take()
    }

    /// Takes the next token as it stands: pushed back, looked at, or fresh from the lexer.
    private mutating func take() -> Token {
        if let token = pending.popLast() { return token }
        if let token = lookahead {
            lookahead = nil
            return token
        }
        return lexer.next()
    }

    /// Puts `token` back in front of the stream.
    mutating func pushBack(_ token: Token) {
        pending.append(token)
    }

    /// Skips white space (math mode ignores it).
    mutating func skipSpaces() {
        while case .space = peek().kind { _ = take() }
    }

    /// Skips white space without expanding macros.
    mutating func skipSpacesRaw() {
        while case .space = peekRaw().kind { _ = take() }
    }

    // MARK: - Diagnostics

    /// Records a diagnostic from the catalog (`Diagnostic+TeX.swift`).
    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// A range from the start of `first` to the end of `last`.
    func span(_ first: SourceRange, _ last: SourceRange) -> SourceRange {
        SourceRange(start: first.start, end: max(first.end, last.end))
    }

    /// A row of `nodes`, or an empty row at `location`.
    func row(_ nodes: [TeXNode], at location: SourceLocation) -> TeXNode {
        guard let first = nodes.first, let last = nodes.last else {
            return TeXNode(.row([]), SourceRange(at: location))
        }
        return TeXNode(.row(nodes), span(first.range, last.range))
    }
}
