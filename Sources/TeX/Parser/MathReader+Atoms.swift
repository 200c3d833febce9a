import LitmusDiagnostics

extension MathReader {
    /// Reads one atom and the scripts and primes after it; `nil` when the atom shows nothing
    /// (a definition, `\label`) and has no scripts.
    mutating func readScriptedAtom() -> ID? {
        let startToken = peek()
        var base: ID?
        if !(startToken.kind == .caret || startToken.kind == .underscore || startToken.isCharacter(UInt8(ascii: "'"))) {
            base = readAtom()
        }
        // Most atoms have no scripts: return them before building a `scripts` node. A label or
        // tag shows nothing to attach scripts to.
        if let base, Self.isInvisible(tree[base].kind) { return base }
        if base != nil {
            let token = peek()
            switch token.kind {
            case .caret, .underscore: break
            case .character where token.value == UInt32(UInt8(ascii: "'")): break
            case .command where token.isCommand(.limits) || token.isCommand(.nolimits): break
            default: return base
            }
        }
        var scripts = SyntaxNode(.scripts, start: startToken.start, end: startToken.start)
        scripts.first = base ?? emptyRow(at: startToken.start)
        var end = startToken.start
        if let base { end = tree[base].end }
        var hasScripts = false
        while true {
            let token = peek()
            switch token.kind {
            case .caret, .underscore:
                _ = next()
                let isSuper = token.kind == .caret
                let argument = readScriptArgument(after: token)
                if isSuper ? scripts.third >= 0 : scripts.second >= 0 {
                    report(.texDoubleScript(superscript: isSuper, at: range(token)))
                }
                if isSuper { scripts.third = argument ?? -1 } else { scripts.second = argument ?? -1 }
                end = token.end
                if let argument { end = tree[argument].end }
                hasScripts = true
                continue
            case .character where token.value == UInt32(UInt8(ascii: "'")):
                _ = next()
                scripts.fourth += 1
                end = token.end
                hasScripts = true
                continue
            case .command where token.isCommand(.limits) || token.isCommand(.nolimits):
                _ = next()
                var operatorNode = tree[scripts.first]
                if operatorNode.kind == .largeOperator || operatorNode.kind == .function {
                    // A copy: an operator left without scripts keeps its own placement.
                    operatorNode.b = token.isCommand(.limits) ? 1 : 0
                    scripts.first = tree.add(operatorNode)
                }
                continue
            default:
                break
            }
            guard hasScripts else { return base }
            let baseNode = tree[scripts.first]
            scripts.start = baseNode.start
            scripts.end = max(baseNode.end, end)
            return tree.add(scripts)
        }
    }

    /// Whether a node of `kind` shows nothing (`\label`, `\tag`, `\nonumber`).
    static func isInvisible(_ kind: SyntaxKind) -> Bool {
        kind == .label || kind == .tag || kind == .noNumber
    }

    /// Reads the argument of `^` or `_`, with the lint for `b^(l)`.
    mutating func readScriptArgument(after script: Token) -> ID? {
        let token = peek()
        if token.isCharacter(UInt8(ascii: "(")) {
            let parenthesis = range(token).start
            report(.texParenthesizedScript(spelling(script), at: range(script, token), parenthesis: parenthesis))
            // Its `)` is reported with it, not again as a bracket that closes nothing.
            scriptParentheses.append(token.start)
        }
        guard let argument = readArgument() else {
            report(.texMissingArgument(spelling(script), at: range(script)))
            return nil
        }
        return argument
    }

    /// Reads one atom without scripts: a letter, number, symbol, group or command.
    mutating func readAtom() -> ID? {
        let token = next()
        switch token.kind {
        case .letter:
            return letter(token)
        case .number:
            return addText(.number, of: token)
        case .character:
            return characterSymbol(UInt8(truncatingIfNeeded: token.value), token)
        case .beginGroup:
            return readGroup(opened: token)
        case .tie:
            var node = SyntaxNode(.space, start: token.start, end: token.end)
            node.setWidth(1.0 / 3)
            return tree.add(node)
        case .command:
            return readCommand(token)
        case .parameter:
            report(.texParameterOutsideMacro(Int(token.value), at: range(token)))
            return addText(.error, "#\(token.value)", token.start, token.end)
        case .caret, .underscore, .endGroup, .alignment, .end:
            // Only reached from an argument position; the caller reports the missing argument.
            pushBack(token)
            return nil
        }
    }

    /// A letter typed directly: ASCII, Greek or another Unicode letter, or a math symbol (`∈`).
    mutating func letter(_ token: Token) -> ID {
        // ASCII letters are never symbols: skip the table for them.
        if token.value != 0 { return addText(.identifier, of: token) }
        let text = text(of: token)
        switch CommandTable.unicodeSymbol(text) {
        case .symbol(let unicode, let atomClass):
            return addSymbol(text: unicode, source: text, atomClass, token.start, token.end)
        case .largeOperator(let unicode, let limits):
            let node = addSymbol(.largeOperator, text: unicode, source: text, .largeOperator, token.start, token.end)
            tree[node].b = limits ? 1 : 0
            return node
        default:
            return addText(.identifier, of: token)
        }
    }

    /// A symbol typed as one ASCII character; `:=` is read as one relation.
    mutating func characterSymbol(_ byte: UInt8, _ token: Token) -> ID {
        let atomClass: AtomClass
        var unicode: StaticString?
        switch byte {
        case UInt8(ascii: "+"): atomClass = .binary
        case UInt8(ascii: "-"): (unicode, atomClass) = ("−", .binary)
        case UInt8(ascii: "*"): (unicode, atomClass) = ("∗", .binary)
        case UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"): atomClass = .relation
        case UInt8(ascii: "("), UInt8(ascii: "["): atomClass = .opening
        case UInt8(ascii: ")"), UInt8(ascii: "]"): atomClass = .closing
        case UInt8(ascii: ","), UInt8(ascii: ";"): atomClass = .punctuation
        case UInt8(ascii: "!"), UInt8(ascii: "?"): atomClass = .closing
        case UInt8(ascii: "|"): atomClass = .fence
        case UInt8(ascii: "'"): (unicode, atomClass) = ("′", .ordinary)
        case UInt8(ascii: ":"):
            let following = peekRaw()
            if following.isCharacter(UInt8(ascii: "=")), following.start == token.end {
                _ = nextRaw()
                return addSymbol(text: ":=", source: ":=", .relation, token.start, max(token.end, following.end))
            }
            atomClass = .relation
        default: atomClass = .ordinary
        }
        // The source is the one character; the Unicode text is the same byte unless mapped.
        var node = SyntaxNode(.symbol, start: token.start, end: token.end)
        node.a = atomClass.code
        if atomClass == .opening || atomClass == .closing || atomClass == .fence { bracketsMade += 1 }
        node.third = Int32(truncatingIfNeeded: tree.text.count)
        node.fourth = 1
        tree.text.append(byte)
        if let unicode {
            node.textStart = Int32(truncatingIfNeeded: tree.text.count)
            node.textCount = Int32(truncatingIfNeeded: unicode.utf8CodeUnitCount)
            tree.text.append(
                contentsOf: UnsafeBufferPointer(start: unicode.utf8Start, count: unicode.utf8CodeUnitCount))
        } else {
            node.textStart = node.third
            node.textCount = 1
        }
        return tree.add(node)
    }
}
