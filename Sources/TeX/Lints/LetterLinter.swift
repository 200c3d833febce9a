import LitmusDiagnostics

/// Finds function names written as italic letters (`max(0,z)`, `tanh(z)`), misspelt names
/// (`RelU`) and braced groups glued to a letter (`W{(2)}`) in a flat `SyntaxTree`.
///
/// These read as valid LaTeX, which is why they need a lint: `max(0,z)` renders as the product
/// m·a·x·(0,z), and `W{(2)}` as W(2) with no superscript.
///
/// It reads the tree in place: a run of letters is a range of a row's child list, and words
/// are compared as bytes, so no `String` is built until a diagnostic is. Positions are byte
/// offsets until then too, converted by `lines`.
struct LetterLinter: Sendable {
    /// The function names that should be commands, and the command to suggest.
    /// Longest first, so `softmax(` is not reported as `max(`.
    static let functionNames: [(name: String, command: String)] =
        ([
            "max": "\\max", "min": "\\min", "exp": "\\exp", "log": "\\log", "ln": "\\ln", "sin": "\\sin",
            "cos": "\\cos", "tan": "\\tan", "tanh": "\\tanh", "sinh": "\\sinh", "cosh": "\\cosh",
            "softmax": "\\operatorname{softmax}", "sigmoid": "\\operatorname{sigmoid}",
            "argmax": "\\operatorname*{arg\\,max}", "argmin": "\\operatorname*{arg\\,min}",
            "ReLU": "\\operatorname{ReLU}", "GELU": "\\operatorname{GELU}", "ELU": "\\operatorname{ELU}",
        ] as [String: String])
        .map { (name: $0.key, command: $0.value) }
        .sorted { ($0.name.count, $1.name) > ($1.name.count, $0.name) }

    /// Names whose capitalisation is conventional; another capitalisation is a misspelling.
    static let canonicalNames: [String: String] = [
        "relu": "ReLU", "leakyrelu": "LeakyReLU", "gelu": "GELU", "elu": "ELU", "selu": "SELU",
        "prelu": "PReLU",
    ]

    /// The lints of `tree`, read from `source`, whose offsets are converted to lines and
    /// columns only when a lint fires.
    func lint(_ tree: SyntaxTree, source: UnsafeBufferPointer<UInt8>) -> [Diagnostic] {
        var walker = Walker(tree, source: source)
        walker.walk(walker.nodes[Int(tree.root)])
        return walker.diagnostics
    }

    /// The lints of one row or group of `tree` (not of the rows inside it), appended to
    /// `diagnostics`: the parser lints each row as it finishes it.
    static func lintRow(
        _ row: SyntaxNode.ID, of tree: SyntaxTree, source: UnsafeBufferPointer<UInt8>,
        into diagnostics: inout [Diagnostic]
    ) {
        lint(row, of: tree, source: source, into: &diagnostics) { $0.lintRowIfLong($1) }
    }

    /// The lint of a `\text` or function node of `tree` (a misspelt name), appended to
    /// `diagnostics`.
    static func lintSpelling(
        _ node: SyntaxNode.ID, of tree: SyntaxTree, source: UnsafeBufferPointer<UInt8>,
        into diagnostics: inout [Diagnostic]
    ) {
        lint(node, of: tree, source: source, into: &diagnostics) { $0.lintSpelling($1) }
    }

    @inline(__always)
    private static func lint(
        _ node: SyntaxNode.ID, of tree: SyntaxTree, source: UnsafeBufferPointer<UInt8>,
        into diagnostics: inout [Diagnostic], _ lint: (inout Walker, SyntaxNode) -> Void
    ) {
        var walker = Walker(tree, source: source)
        lint(&walker, walker.nodes[Int(node)])
        if !walker.diagnostics.isEmpty { diagnostics += walker.diagnostics }
    }

    /// The lints of `tree`, read from `latex`.
    func lint(_ tree: SyntaxTree, latex: String) -> [Diagnostic] {
        var latex = latex
        return latex.withUTF8 { lint(tree, source: $0) }
    }

    /// `canonicalNames` as bytes (the lowercase key, the canonical spelling), for
    /// words compared without a `String`.
    fileprivate static let spellings: [(lowercased: [UInt8], canonical: [UInt8], name: String)] =
        canonicalNames.map { (Array($0.key.utf8), Array($0.value.utf8), $0.value) }

    /// `functionNames` with their bytes, in the same (longest first) order.
    fileprivate static let functionNameBytes: [(bytes: [UInt8], name: String, command: String)] =
        functionNames.map { (Array($0.name.utf8), $0.name, $0.command) }
}

/// One walk over a tree: its arrays, borrowed for the call, and the diagnostics so far.
private struct Walker {
    let nodes: UnsafeBufferPointer<SyntaxNode>
    let children: UnsafeBufferPointer<SyntaxNode.ID>
    let text: UnsafeBufferPointer<UInt8>
    let source: UnsafeBufferPointer<UInt8>
    /// The source's lines, counted on the first lint.
    var lines: LineOffsets?
    var diagnostics: [Diagnostic] = []

    init(
        nodes: UnsafeBufferPointer<SyntaxNode>, children: UnsafeBufferPointer<SyntaxNode.ID>,
        text: UnsafeBufferPointer<UInt8>, source: UnsafeBufferPointer<UInt8>
    ) {
        self.nodes = nodes
        self.children = children
        self.text = text
        self.source = source
    }

    /// A walker over `tree` as it stands (valid until the tree grows).
    init(_ tree: SyntaxTree, source: UnsafeBufferPointer<UInt8>) {
        self.init(
            nodes: UnsafeBufferPointer(start: tree.nodes.base, count: tree.nodes.count),
            children: UnsafeBufferPointer(start: tree.children.base, count: tree.children.count),
            text: UnsafeBufferPointer(start: tree.text.base, count: tree.text.count), source: source)
    }

    /// `lintRow` for a row of two children or more (shorter rows have nothing to lint).
    @inline(__always)
    mutating func lintRowIfLong(_ row: SyntaxNode) {
        if row.second >= 2 { lintRow(row) }
    }

    /// The line-and-column range of byte offsets `start ..< end`.
    mutating func range(_ start: Int32, _ end: Int32) -> SourceRange {
        if lines == nil { lines = LineOffsets(source) }
        return lines!.range(start, end)
    }

    /// Visits every node in reading order; recursion is bounded by
    /// `TeXParser.maximumDepth`.
    mutating func walk(_ node: SyntaxNode) {
        switch node.kind {
        case .row, .group:
            // A run of letters, or a letter and a glued group, takes two children at least.
            lintRowIfLong(node)
            for index in 0..<Int(node.second) {
                let child = child(node, index)
                // Leaves have nothing to lint: skip the call.
                if Self.mayHoldLints(child.kind) { walk(child) }
            }
        case .text, .function:
            lintSpelling(node)
        case .scripts:
            walk(self.node(node.first))
            if node.second >= 0 { walk(self.node(node.second)) }
            if node.third >= 0 { walk(self.node(node.third)) }
        case .fraction:
            walk(self.node(node.first))
            walk(self.node(node.second))
        case .styled, .accent, .mathStyle, .color, .enclosed, .phantom, .sizing:
            walk(self.node(node.first))
        case .fenced:
            walk(self.node(node.third))
        case .table:
            for rowIndex in 0..<Int(node.second) {
                let row = child(node, rowIndex)
                for column in 0..<Int(row.second) { walk(child(row, column)) }
            }
        case .root:
            // Reading order: the index before the radicand.
            if node.second >= 0 { walk(self.node(node.second)) }
            walk(self.node(node.first))
        case .overUnder:
            if node.first >= 0 { walk(self.node(node.first)) }
            if node.second >= 0 { walk(self.node(node.second)) }
            walk(self.node(node.third))
        case .identifier, .number, .symbol, .largeOperator, .space, .sizedDelimiter, .lineBreak, .unknownCommand,
            .error, .tableRow, .label, .tag, .noNumber, .reference, .divider:
            break
        }
    }

    /// Whether a node of `kind` is, or may hold, something the lints read.
    @inline(__always)
    private static func mayHoldLints(_ kind: SyntaxKind) -> Bool {
        switch kind {
        case .identifier, .number, .symbol, .largeOperator, .space, .sizedDelimiter, .lineBreak, .unknownCommand,
            .error, .label, .tag, .noNumber, .reference, .divider:
            false
        default: true
        }
    }

    // MARK: - Rows

    /// Finds runs of glued ASCII letters in a row (each may carry scripts, only at its end) and
    /// lints each run of two or more letters, or one letter with a braced group glued after it.
    private mutating func lintRow(_ row: SyntaxNode) {
        let count = Int(row.second)
        var index = 0
        while index < count {
            var end = index
            while end < count, asciiLetter(child(row, end)) != nil,
                end == index || child(row, end - 1).end == child(row, end).start
            {
                end += 1
                if child(row, end - 1).kind == .scripts { break }
            }
            guard end > index + 1 || (end == index + 1 && opensGluedGroup(row, after: index)) else {
                index = max(end, index + 1)
                continue
            }
            let wordEnd = child(row, end - 1).end
            let next = end < count ? child(row, end) : nil
            let glued = next.map { $0.start == wordEnd } ?? false
            lintWord(row, index..<end, followedByParenthesis: glued && next.map(opensWithParenthesis) == true)
            if let next, glued, next.kind == .group, next.second > 0, opensWithParenthesis(child(next, 0)) {
                let after = Substring(String(UnicodeScalar(letter(row, end - 1))))
                diagnostics.append(.texGluedGroup(after: after, at: range(next.start, next.end)))
            }
            index = end
        }
    }

    /// Whether the node after `index` is a braced group glued to it (`W{(2)}`).
    @inline(__always)
    private func opensGluedGroup(_ row: SyntaxNode, after index: Int) -> Bool {
        guard index + 1 < Int(row.second) else { return false }
        let next = child(row, index + 1)
        return next.kind == .group && child(row, index).end == next.start
    }

    /// Checks the word of the letters `letters` of `row` for a misspelt name, or a function
    /// name written as letters.
    private mutating func lintWord(_ row: SyntaxNode, _ letters: Range<Int>, followedByParenthesis: Bool) {
        let start = child(row, letters.lowerBound).start
        let end = child(row, letters.upperBound - 1).end
        if let canonical = Self.misspelling(count: letters.count, { letter(row, letters.lowerBound + $0) }) {
            diagnostics.append(.texMisspeltName(word(row, letters), canonical: canonical, at: range(start, end)))
            return
        }
        // Only before `(`: a bare `x_{max}` is a label, `max(0, z)` is a call.
        guard followedByParenthesis, letters.count >= 2 else { return }
        for (bytes, name, command) in LetterLinter.functionNameBytes where bytes.count <= letters.count {
            let first = letters.upperBound - bytes.count
            guard bytes.indices.allSatisfy({ letter(row, first + $0) == bytes[$0] }) else { continue }
            diagnostics.append(
                .texFunctionAsLetters(name, command: command, at: range(child(row, first).start, end)))
            return
        }
    }

    /// Reports the text of a `\text` or function node if it is a misspelt name such as `RelU`.
    mutating func lintSpelling(_ node: SyntaxNode) {
        let text = bytes(node)
        // The names are 3 to 9 letters long; skip every other word before looking closer.
        guard (3...9).contains(text.count) else { return }
        let canonical: String?
        if text.contains(where: { $0 >= 0x80 }) {
            // Lowercasing beyond ASCII is `String`'s business.
            let word = String(decoding: text, as: UTF8.self)
            canonical = LetterLinter.canonicalNames[word.lowercased()].flatMap { $0 != word ? $0 : nil }
        } else {
            canonical = Self.misspelling(count: text.count, { text[$0] })
        }
        guard let canonical else { return }
        diagnostics.append(
            .texMisspeltName(
                String(decoding: text, as: UTF8.self), canonical: canonical, at: range(node.start, node.end)))
    }

    /// The name that the ASCII word of `count` bytes `byte(0)`, `byte(1)`… misspells: one of
    /// `canonicalNames` in another capitalisation. `nil` when the word is none of
    /// them, or is spelt right.
    private static func misspelling(count: Int, _ byte: (Int) -> UInt8) -> String? {
        guard (3...9).contains(count) else { return nil }
        spellings: for spelling in LetterLinter.spellings where spelling.lowercased.count == count {
            var rightCase = true
            for index in 0..<count {
                let letter = byte(index)
                let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(letter) ? letter | 0x20 : letter
                guard lower == spelling.lowercased[index] else { continue spellings }
                rightCase = rightCase && letter == spelling.canonical[index]
            }
            // The names' lowercase forms differ, so no other one can match.
            return rightCase ? nil : spelling.name
        }
        return nil
    }

    // MARK: - Nodes

    @inline(__always)
    private func node(_ id: SyntaxNode.ID) -> SyntaxNode {
        nodes[Int(id)]
    }

    /// The `index`-th entry of `list`'s child list.
    @inline(__always)
    private func child(_ list: SyntaxNode, _ index: Int) -> SyntaxNode {
        nodes[Int(children[Int(list.first) + index])]
    }

    @inline(__always)
    private func bytes(_ node: SyntaxNode) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: text[Int(node.textStart)..<Int(node.textStart + node.textCount)])
    }

    /// The letter of the `index`-th node of `row`, known to be one.
    @inline(__always)
    private func letter(_ row: SyntaxNode, _ index: Int) -> UInt8 {
        asciiLetter(child(row, index))!
    }

    /// The word of the letters `letters` of `row`, for a diagnostic.
    private func word(_ row: SyntaxNode, _ letters: Range<Int>) -> String {
        String(decoding: letters.map { letter(row, $0) }, as: UTF8.self)
    }

    /// The letter of a one-byte identifier, or of the base of scripts on one (`x_1`).
    @inline(__always)
    private func asciiLetter(_ node: SyntaxNode) -> UInt8? {
        var node = node
        while node.kind == .scripts { node = self.node(node.first) }
        guard node.kind == .identifier, node.textCount == 1 else { return nil }
        return text[Int(node.textStart)]
    }

    /// Whether `node` starts with a plain `(`: the symbol, a `( … )` pair, or either with scripts.
    @inline(__always)
    private func opensWithParenthesis(_ node: SyntaxNode) -> Bool {
        var node = node
        while node.kind == .scripts { node = self.node(node.first) }
        switch node.kind {
        case .fenced: return node.b == 0 && node.first >= 0 && isParenthesis(self.node(node.first))
        case .symbol: return isParenthesis(node)
        default: return false
        }
    }

    @inline(__always)
    private func isParenthesis(_ symbol: SyntaxNode) -> Bool {
        symbol.textCount == 1 && text[Int(symbol.textStart)] == UInt8(ascii: "(")
    }
}
