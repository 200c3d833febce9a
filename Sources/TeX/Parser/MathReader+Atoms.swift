import LitmusDiagnostics

extension MathReader {
    /// Reads one atom and the scripts and primes after it; `nil` when the atom shows nothing
    /// (a definition, `\label`) and has no scripts.
    mutating func readScriptedAtom() -> TeXNode? {
        skipSpaces()
        let startToken = peek()
        var base: TeXNode?
        switch startToken.kind {
        case .caret, .underscore, .character("'"): base = nil
        default: base = readAtom()
        }
        // Most atoms have no scripts: return them before building a `Scripts`.
        if base != nil {
            skipSpaces()
            switch peek().kind {
            case .caret, .underscore, .character("'"), .command("limits"), .command("nolimits"): break
            default: return base
            }
        }
        var scripts = Scripts(base: base ?? TeXNode(.row([]), SourceRange(at: startToken.range.start)))
        var end = base?.range ?? SourceRange(at: startToken.range.start)
        var hasScripts = false
        while true {
            skipSpaces()
            let token = peek()
            switch token.kind {
            case .caret, .underscore:
                _ = next()
                let isSuper = token.kind == .caret
                let argument = readScriptArgument(after: token)
                if isSuper ? scripts.sup != nil : scripts.sub != nil {
                    report(.texDoubleScript(superscript: isSuper, at: token.range))
                }
                if isSuper { scripts.sup = argument } else { scripts.sub = argument }
                end = argument?.range ?? token.range
                hasScripts = true
            case .character("'"):
                _ = next()
                scripts.primes += 1
                end = token.range
                hasScripts = true
            case .command("limits"), .command("nolimits"):
                _ = next()
                let limits = token.kind == .command("limits")
                switch scripts.base.kind {
                case .largeOperator(let symbol, _): scripts.base.kind = .largeOperator(symbol, limits: limits)
                case .function(let name, _): scripts.base.kind = .function(name: name, limits: limits)
                default: break
                }
            default:
                guard hasScripts else { return base }
                let range = span(scripts.base.range, end)
                return TeXNode(.scripts(scripts), range)
            }
        }
    }

    /// Reads the argument of `^` or `_`, with the lint for `b^(l)`.
    mutating func readScriptArgument(after script: Token) -> TeXNode? {
        skipSpaces()
        let token = peek()
        if case .character("(") = token.kind {
            report(
                .texParenthesizedScript(
                    script.spelling, at: span(script.range, token.range),
                    parenthesis: token.range.start))
        }
        guard let argument = readArgument() else {
            report(.texMissingArgument(script.spelling, at: script.range))
            return nil
        }
        return argument
    }

    /// Reads one atom without scripts: a letter, number, symbol, group or command.
    mutating func readAtom() -> TeXNode? {
        let token = next()
        switch token.kind {
        case .letter(let text):
            return letter(text, token.range)
        case .number(let digits):
            return TeXNode(.number(digits), token.range)
        case .character(let character):
            return characterSymbol(character, token)
        case .beginGroup:
            pushBack(token)
            return readGroup()
        case .tie:
            return TeXNode(.space(1.0 / 3), token.range)
        case .command(let name):
            return readCommand(name, token)
        case .parameter(let number):
            report(.texParameterOutsideMacro(number, at: token.range))
            return TeXNode(.error("#\(number)"), token.range)
        case .caret, .underscore, .endGroup, .alignment, .space, .end:
            // Only reached from an argument position; the caller reports the missing argument.
            pushBack(token)
            return nil
        }
    }

    /// A letter typed directly: ASCII, Greek or another Unicode letter, or a math symbol (`∈`).
    func letter(_ text: String, _ range: SourceRange) -> TeXNode {
        // ASCII letters are never symbols: skip the table for them.
        if text.utf8.count == 1 { return TeXNode(.identifier(text), range) }
        switch CommandTable.unicodeSymbol(text) {
        case .symbol(let unicode, let atomClass):
            return TeXNode(.symbol(TeXSymbol(source: text, text: unicode, atomClass: atomClass)), range)
        case .largeOperator(let unicode, let limits):
            return TeXNode(
                .largeOperator(
                    TeXSymbol(source: text, text: unicode, atomClass: .largeOperator),
                    limits: limits), range)
        default:
            return TeXNode(.identifier(text), range)
        }
    }

    /// A symbol typed as one ASCII character; `:=` is read as one relation.
    mutating func characterSymbol(_ character: Character, _ token: Token) -> TeXNode {
        let (text, atomClass): (String, AtomClass)
        switch character {
        case "+": (text, atomClass) = ("+", .binary)
        case "-": (text, atomClass) = ("−", .binary)
        case "*": (text, atomClass) = ("∗", .binary)
        case "=", "<", ">": (text, atomClass) = (String(character), .relation)
        case "(", "[": (text, atomClass) = (String(character), .opening)
        case ")", "]": (text, atomClass) = (String(character), .closing)
        case ",", ";": (text, atomClass) = (String(character), .punctuation)
        case "!", "?": (text, atomClass) = (String(character), .closing)
        case "|": (text, atomClass) = ("|", .fence)
        case "'": (text, atomClass) = ("′", .ordinary)
        case ":":
            let following = peekRaw()
            if following.kind == .character("="), following.range.start == token.range.end {
                _ = nextRaw()
                let symbol = TeXSymbol(source: ":=", text: ":=", atomClass: .relation)
                return TeXNode(.symbol(symbol), span(token.range, following.range))
            }
            (text, atomClass) = (":", .relation)
        default: (text, atomClass) = (String(character), .ordinary)
        }
        return TeXNode(.symbol(TeXSymbol(source: String(character), text: text, atomClass: atomClass)), token.range)
    }
}
