import LitmusDiagnostics

extension MathReader {
    /// Reads one argument: a braced group or a single atom (one digit of a number: `\frac12`).
    /// `nil`, with nothing read, when the list ends first. Counts as one level of nesting, so
    /// `\frac\frac\frac…` cannot exhaust the stack.
    mutating func readArgument() -> TeXNode? {
        skipSpaces()
        let token = peek()
        switch token.kind {
        case .end, .endGroup, .alignment, .caret, .underscore:
            return nil
        case .command("\\"), .command("end"), .command("right"):
            return nil
        case .number(let digits) where digits.count > 1:
            // An argument is one token, and TeX's tokens are single digits.
            _ = next()
            let first = String(digits.prefix(1))
            let split = SourceLocation(line: token.range.start.line, column: token.range.start.column + 1)
            let rest = SourceRange(start: split, end: token.range.end)
            pushBack(Token(kind: .number(String(digits.dropFirst())), range: rest))
            return TeXNode(.number(first), SourceRange(start: token.range.start, end: split))
        default:
            break
        }
        guard enterNesting(at: token.range) else {
            return TeXNode(.error("…"), skipArgument())
        }
        defer { depth -= 1 }
        if case .beginGroup = token.kind { return readGroup() }
        return readAtom() ?? TeXNode(.row([]), SourceRange(at: token.range.start))
    }

    /// Reads a braced argument as plain text (`\text{if }`, `\operatorname{ReLU}`, a colour
    /// name): nested braces are kept balanced and dropped, escapes become their characters.
    /// Returns `nil` when no argument follows.
    mutating func readTextArgument() -> (text: String, range: SourceRange)? {
        skipSpacesRaw()
        let first = peekRaw()
        switch first.kind {
        case .beginGroup: break
        case .end, .endGroup, .alignment: return nil
        default:
            _ = nextRaw()
            return (textSpelling(first), first.range)
        }
        _ = nextRaw()
        var text = ""
        var braces = 1
        var last = first
        while true {
            last = nextRaw()
            switch last.kind {
            case .beginGroup: braces += 1
            case .endGroup:
                braces -= 1
                if braces == 0 { return (text, span(first.range, last.range)) }
            case .end:
                report(.texUnclosedGroup(at: first.range))
                return (text, span(first.range, last.range))
            default:
                text += textSpelling(last)
            }
        }
    }

    /// What a token shows in text mode.
    private func textSpelling(_ token: Token) -> String {
        switch token.kind {
        case .space, .tie: return " "
        case .command(let name):
            switch name {
            case ",", ":", ";", " ", "quad", "qquad", "!": return name == "!" ? "" : " "
            case "$", "%", "&", "#", "_", "{", "}": return name
            case "text", "textrm", "textbf", "textit", "mathrm", "emph": return ""
            default:
                if case .symbol(let unicode, _)? = CommandTable.command(name) { return unicode }
                if case .identifier(let unicode)? = CommandTable.command(name) { return unicode }
                return "\\" + name
            }
        default: return token.spelling
        }
    }

    /// Reads the delimiter after `\left`, `\right`, `\big`…; `nil` for `.` (no delimiter).
    mutating func readDelimiter(after command: Token) -> (symbol: TeXSymbol?, range: SourceRange) {
        skipSpaces()
        let token = peek()
        let symbol: TeXSymbol?
        switch token.kind {
        case .character("."):
            _ = next()
            return (nil, token.range)
        case .character(let character) where "()[]|/<>".contains(character):
            let text = character == "<" ? "⟨" : character == ">" ? "⟩" : String(character)
            let atomClass: AtomClass =
                "([<".contains(character) ? .opening : ")]>".contains(character) ? .closing : .fence
            symbol = TeXSymbol(source: String(character), text: text, atomClass: atomClass)
        case .command(let name):
            switch CommandTable.command(name) {
            case .symbol(let text, let atomClass)? where Self.delimiterCommands.contains(name):
                symbol = TeXSymbol(source: "\\" + name, text: text, atomClass: atomClass)
            default:
                symbol = nil
            }
        default:
            symbol = nil
        }
        guard let symbol else {
            report(.texMissingDelimiter(after: command.spelling, at: command.range))
            return (nil, command.range)
        }
        _ = next()
        return (symbol, token.range)
    }

    private static let delimiterCommands: Set<String> = [
        "{", "}", "lbrace", "rbrace", "langle", "rangle", "lfloor", "rfloor", "lceil", "rceil", "lbrack",
        "rbrack", "lvert", "rvert", "lVert", "rVert", "|", "vert", "Vert", "backslash", "uparrow",
        "downarrow", "updownarrow", "Uparrow", "Downarrow",
    ]

    /// Reads a dimension such as `1em`, `-3mu` or `{2pt}` and converts it to em.
    mutating func readDimension() -> (em: Double, range: SourceRange)? {
        guard let (text, range) = readTextArgument() else { return nil }
        var spelled = text.filter { !$0.isWhitespace }
        // `\kern3pt`: the number came as its own token; read the unit letters after it.
        if !spelled.contains(where: \.isLetter) {
            for _ in 0..<2 {
                guard case .letter(let unit) = peekRaw().kind else { break }
                _ = nextRaw()
                spelled += unit
            }
        }
        let number = Double(spelled.prefix { "+-0123456789.".contains($0) }) ?? 0
        let unit = spelled.drop { "+-0123456789.".contains($0) }
        let perEm: Double =
            switch unit {
            case "em": 1
            case "ex": 0.431
            case "mu": 1.0 / 18
            case "pt": 0.1
            case "px": 1.0 / 16
            case "cm": 2.845
            case "mm": 0.2845
            case "in": 7.227
            default: 1
            }
        return (number * perEm, range)
    }
}
