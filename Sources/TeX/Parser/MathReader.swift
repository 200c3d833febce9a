import LitmusDiagnostics

/// The mutable state of one parse: the token stream (with macro expansions pushed in front of
/// the lexer), the tree being built, the nesting depth, the macros and the diagnostics.
///
/// Lists are built on `scratch`: a list pushes its nodes there and moves them into the tree's
/// child lists when it ends, so nested lists share one stack and no array is made per list.
///
/// Its methods are split by concern: `+Lists` (rows and groups), `+Atoms` (one atom and its
/// scripts), `+Commands`, `+Arguments`, `+Environments`, `+Fences`, `+Macros`.
struct MathReader {
    typealias ID = SyntaxNode.ID

    /// The formula's bytes; they outlive the reader.
    let source: UnsafeBufferPointer<UInt8>
    var lexer: TeXLexer
    /// The next token to read, then the tokens to read before the lexer's, last first
    /// (pushed-back tokens and macro expansions). The lexer reads one token ahead.
    var current: Token
    var pending: [Token] = []
    var macros: MacroTable {
        didSet { hasMacros = !macros.macros.isEmpty }
    }
    /// Whether any macro is defined: most lessons define none, and `peek` then skips the lookup.
    private(set) var hasMacros: Bool
    /// The bodies of the macros expanded so far; a token with `buffer` k > 0 reads `buffers[k - 1]`.
    var buffers: [[UInt8]] = []
    /// The buffer of each macro expanded so far, by name.
    var bufferOfMacro: [String: UInt16] = [:]
    var tree: SyntaxTree
    /// The built-in commands, fetched once per parse.
    let commands = CommandTable.index
    /// The nodes of the lists being read, innermost last.
    var scratch: SyntaxBuffer<ID>
    var diagnostics: [Diagnostic] = []
    /// Whether to lint rows and names as they are read, and the lints found so far.
    var lints = true
    var lintDiagnostics: [Diagnostic] = []
    var depth = 0
    /// How deep lists and pairs may nest in this reading (`TeXParser.shallowDepth` on the
    /// caller's thread, `maximumDepth` on a deep stack), and whether the reading got there.
    var depthLimit = TeXParser.maximumDepth
    var reachedDepthLimit = false
    /// How many symbols that may open or close a plain pair (`(`, `)`, `\{`, `\|`…) have been
    /// made: a list during which none was made has no pairs to look for, and none to lint.
    var bracketsMade = 0
    /// Where each `(` taken alone as a script (`b^(l)`) stands: its lint covers its `)`.
    var scriptParentheses: [Int32] = []
    var reportedTooDeep = false
    var expansions = 0
    var expandedTokens = 0
    var reportedExpansionLimit = false
    private var lines: LineOffsets?

    init(_ source: UnsafeBufferPointer<UInt8>, macros: MacroTable) {
        self.source = source
        lexer = TeXLexer(source, commands: commands)
        current = lexer.next()
        self.macros = macros
        hasMacros = !macros.macros.isEmpty
        (tree, scratch) = SyntaxTree.withStack(capacity: source.count / 2 + 8)
    }

    /// Reads the whole span as a row.
    mutating func readFormula() -> ID {
        let mark = scratch.count
        while true {
            _ = readList(until: [])
            // A stop token outside any construct (only `}` or `]` remain) was reported by
            // `readList`; anything else means the text is used up.
            if peek().kind == .end { break }
            _ = next()
        }
        let end = max(lexer.offset, 0)
        let first = tree.appendList(scratch[mark...])
        scratch.truncate(to: mark)
        var root = SyntaxNode(.row, start: 0, end: end)
        root.first = first.first
        root.second = first.count
        tree.root = tree.add(root)
        lintRow(tree.root)
        return tree.root
    }

    // MARK: - Token stream

    /// The next token without macro expansion.
    func peekRaw() -> Token { current }

    /// The next token after expanding any lesson macros in front of it.
    mutating func peek() -> Token {
        guard hasMacros else { return peekRaw() }
        while true {
            let token = peekRaw()
            guard token.kind == .command else { return token }
            let name = name(of: token)
            guard let macro = macros[name] else { return token }
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

    /// Takes the next token as it stands: pushed back or fresh from the lexer.
    private mutating func take() -> Token {
        let token = current
        current = pending.isEmpty ? lexer.next() : pending.removeLast()
        return token
    }

    /// Puts `token` back in front of the stream.
    mutating func pushBack(_ token: Token) {
        pending.append(current)
        current = token
    }

    // MARK: - Token text

    /// Calls `body` with the bytes of `token`'s text (a command's name without its backslash).
    func withText<Result>(of token: Token, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let range = Int(token.textStart)..<Int(token.textEnd)
        if token.buffer == 0 { return body(UnsafeBufferPointer(rebasing: source[range])) }
        return buffers[Int(token.buffer) - 1].withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Appends a command token's source spelling (`\\in`) to the tree's text; returns where it
    /// starts.
    mutating func appendSpelling(of token: Token) -> (start: Int32, count: Int32) {
        if token.buffer == 0, token.textStart > 0, token.textEnd > token.textStart,
            token.value != CommandTable.Builtin.controlSpace.rawValue,
            source[Int(token.textStart) - 1] == UInt8(ascii: "\\")
        {
            return tree.appendText(UnsafeBufferPointer(rebasing: source[Int(token.textStart - 1)..<Int(token.textEnd)]))
        }
        return tree.appendText(spelling(token).utf8)
    }

    /// The text of `token` as a string.
    func text(of token: Token) -> String {
        withText(of: token) { String(decoding: $0, as: UTF8.self) }
    }

    /// Appends the bytes of `token`'s text to the tree's text; returns where they start.
    mutating func appendText(of token: Token) -> (start: Int32, count: Int32) {
        let range = Int(token.textStart)..<Int(token.textEnd)
        if token.buffer == 0 { return tree.appendText(UnsafeBufferPointer(rebasing: source[range])) }
        return tree.appendText(buffers[Int(token.buffer) - 1][range])
    }

    /// The name of a command token, without the backslash.
    func name(of token: Token) -> String {
        if token.value == CommandTable.Builtin.controlSpace.rawValue { return " " }
        // A command the reader made itself (`\DeclareMathOperator` makes `\operatorname`) has no text.
        if token.textStart == token.textEnd, token.value != CommandTable.unknown {
            return CommandTable.name(id: token.value)
        }
        return text(of: token)
    }

    /// The source spelling of the token, for text arguments and messages.
    func spelling(_ token: Token) -> String {
        switch token.kind {
        case .command: "\\" + name(of: token)
        case .letter, .number: text(of: token)
        case .character: String(UnicodeScalar(UInt8(truncatingIfNeeded: token.value)))
        case .beginGroup: "{"
        case .endGroup: "}"
        case .caret: "^"
        case .underscore: "_"
        case .alignment: "&"
        case .parameter: "#\(token.value)"
        case .tie: "~"
        case .end: ""
        }
    }

    // MARK: - Nodes

    /// Adds a node of `kind` with no text or children.
    mutating func add(_ kind: SyntaxKind, _ start: Int32, _ end: Int32) -> ID {
        tree.add(SyntaxNode(kind, start: start, end: end))
    }

    /// Adds a node of `kind` whose text is `token`'s.
    mutating func addText(_ kind: SyntaxKind, of token: Token) -> ID {
        var node = SyntaxNode(kind, start: token.start, end: token.end)
        let text = appendText(of: token)
        node.textStart = text.start
        node.textCount = text.count
        return tree.add(node)
    }

    /// Adds a node of `kind` whose text is `text`.
    mutating func addText(_ kind: SyntaxKind, _ text: String, _ start: Int32, _ end: Int32) -> ID {
        var node = SyntaxNode(kind, start: start, end: end)
        let stored = tree.appendText(text.utf8)
        node.textStart = stored.start
        node.textCount = stored.count
        return tree.add(node)
    }

    /// Adds a symbol node: Unicode `text`, `source` spelling and atom class.
    mutating func addSymbol(
        _ kind: SyntaxKind = .symbol, text: String, source: String, _ atomClass: AtomClass, _ start: Int32,
        _ end: Int32
    ) -> ID {
        var node = SyntaxNode(kind, start: start, end: end)
        node.a = atomClass.code
        if atomClass == .opening || atomClass == .closing || atomClass == .fence { bracketsMade += 1 }
        let stored = tree.appendText(text.utf8)
        node.textStart = stored.start
        node.textCount = stored.count
        let spelled = tree.appendText(source.utf8)
        node.third = spelled.start
        node.fourth = spelled.count
        return tree.add(node)
    }

    /// Adds a node with one child, `first`.
    mutating func add(_ kind: SyntaxKind, a: UInt8 = 0, first: ID, _ start: Int32, _ end: Int32) -> ID {
        var node = SyntaxNode(kind, start: start, end: end)
        node.a = a
        node.first = first
        return tree.add(node)
    }

    /// Adds a `.row` (or `kind`) of the nodes pushed on `scratch` since `mark`, removing them;
    /// an empty row stands at `location`.
    mutating func list(_ kind: SyntaxKind = .row, from mark: Int, at location: Int32) -> ID {
        var node: SyntaxNode
        if mark < scratch.count {
            let first = tree[scratch[mark]]
            let last = tree[scratch[scratch.count - 1]]
            node = SyntaxNode(kind, start: first.start, end: max(first.end, last.end))
        } else {
            node = SyntaxNode(kind, start: location, end: location)
        }
        let stored = tree.appendList(scratch[mark...])
        scratch.truncate(to: mark)
        node.first = stored.first
        node.second = stored.count
        let id = tree.add(node)
        if kind == .row || kind == .group { lintRow(id) }
        return id
    }

    /// An empty row at `location`.
    mutating func emptyRow(at location: Int32) -> ID {
        var node = SyntaxNode(.row, start: location, end: location)
        node.first = Int32(truncatingIfNeeded: tree.children.count)
        node.second = 0
        return tree.add(node)
    }

    /// The end of the last node pushed since `mark`, or `fallback` when there is none.
    @inline(__always)
    func lastEnd(from mark: Int, or fallback: Int32) -> Int32 {
        mark < scratch.count ? tree[scratch[scratch.count - 1]].end : fallback
    }

    // MARK: - Lints

    /// Lints a finished row or group: its lints are `LetterLinter`'s, found while the
    /// row's nodes are at hand rather than in a second walk over the tree.
    @inline(__always)
    mutating func lintRow(_ row: ID) {
        guard lints, tree[row].second >= 2 else { return }
        LetterLinter.lintRow(row, of: tree, source: source, into: &lintDiagnostics)
    }

    /// Lints the name of a new `\text` or function node; returns the node.
    mutating func lintSpelling(_ node: ID) -> ID {
        if lints { LetterLinter.lintSpelling(node, of: tree, source: source, into: &lintDiagnostics) }
        return node
    }

    // MARK: - Diagnostics

    /// The line-and-column range of byte offsets `start ..< end`.
    mutating func range(_ start: Int32, _ end: Int32) -> SourceRange {
        if lines == nil { lines = LineOffsets(source) }
        return lines!.range(start, end)
    }

    /// The range of `token`.
    mutating func range(_ token: Token) -> SourceRange { range(token.start, token.end) }

    /// The range from the start of `first` to the end of `last`.
    mutating func range(_ first: Token, _ last: Token) -> SourceRange {
        range(first.start, max(first.end, last.end))
    }

    /// Records a diagnostic from the catalog (`Diagnostic+TeX.swift`).
    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }
}
