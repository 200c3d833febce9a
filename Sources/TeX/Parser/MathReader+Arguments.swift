import LitmusDiagnostics

extension MathReader {
    /// Reads one argument: a braced group or a single atom (one digit of a number: `\frac12`).
    /// `nil`, with nothing read, when the list ends first. Counts as one level of nesting, so
    /// `\frac\frac\frac…` cannot exhaust the stack.
    mutating func readArgument() -> ID? {
        let token = peek()
        switch token.kind {
        case .end, .endGroup, .alignment, .caret, .underscore:
            return nil
        case .command where token.isCommand(.lineBreak) || token.isCommand(.end) || token.isCommand(.right):
            return nil
        case .number where token.textEnd - token.textStart > 1:
            // An argument is one token, and TeX's tokens are single digits.
            _ = next()
            var rest = token
            rest.start += 1
            rest.textStart += 1
            rest.spaceBefore = false
            pushBack(rest)
            var first = token
            first.end = token.start + 1
            first.textEnd = token.textStart + 1
            return addText(.number, of: first)
        default:
            break
        }
        guard enterNesting(at: token) else {
            let skipped = skipArgument()
            return addText(.error, "…", skipped.start, skipped.end)
        }
        defer { depth -= 1 }
        if token.kind == .beginGroup { return readGroup(opened: next()) }
        return readAtom() ?? emptyRow(at: token.start)
    }

    /// Reads a braced argument as plain text (`\text{if }`, `\operatorname{ReLU}`, a colour
    /// name) into the tree's text: nested braces are kept balanced and dropped, escapes become
    /// their characters. Returns `nil` when no argument follows.
    mutating func readTextArgument() -> (textStart: Int32, textCount: Int32, end: Int32)? {
        let first = peekRaw()
        let textStart = Int32(truncatingIfNeeded: tree.text.count)
        switch first.kind {
        case .beginGroup: break
        case .end, .endGroup, .alignment: return nil
        default:
            _ = nextRaw()
            appendTextSpelling(first)
            return (textStart, Int32(truncatingIfNeeded: tree.text.count) - textStart, first.end)
        }
        _ = nextRaw()
        var braces = 1
        while true {
            let last = nextRaw()
            if last.spaceBefore { tree.text.append(UInt8(ascii: " ")) }
            switch last.kind {
            case .beginGroup: braces += 1
            case .endGroup:
                braces -= 1
                if braces == 0 {
                    return (textStart, Int32(truncatingIfNeeded: tree.text.count) - textStart, max(first.end, last.end))
                }
            case .end:
                report(.texUnclosedGroup(at: range(first)))
                return (textStart, Int32(truncatingIfNeeded: tree.text.count) - textStart, max(first.end, last.end))
            default:
                appendTextSpelling(last)
            }
        }
    }

    /// Appends what a token shows in text mode to the tree's text.
    private mutating func appendTextSpelling(_ token: Token) {
        switch token.kind {
        case .tie: tree.text.append(UInt8(ascii: " "))
        case .letter, .number: _ = appendText(of: token)
        case .command:
            let name = name(of: token)
            let shown: String
            switch name {
            case ",", ":", ";", " ", "quad", "qquad": shown = " "
            case "!": shown = ""
            case "$", "%", "&", "#", "_", "{", "}": shown = name
            case "text", "textrm", "textbf", "textit", "mathrm", "emph": shown = ""
            default:
                switch CommandTable.command(name) {
                case .symbol(let unicode, _)?: shown = unicode
                case .identifier(let unicode)?: shown = unicode
                default: shown = "\\" + name
                }
            }
            tree.text.append(contentsOf: shown.utf8)
        default: tree.text.append(contentsOf: spelling(token).utf8)
        }
    }

    /// Reads the delimiter after `\left`, `\right`, `\big`…; `nil` for `.` (no delimiter).
    /// Returns the symbol node and the offsets of what was read.
    mutating func readDelimiter(after command: Token) -> (symbol: ID?, start: Int32, end: Int32) {
        let token = peek()
        var symbol: ID?
        switch token.kind {
        case .character:
            let byte = UInt8(truncatingIfNeeded: token.value)
            switch byte {
            case UInt8(ascii: "."):
                _ = next()
                return (nil, token.start, token.end)
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "<"):
                let text = byte == UInt8(ascii: "<") ? "⟨" : String(UnicodeScalar(byte))
                symbol = addSymbol(text: text, source: String(UnicodeScalar(byte)), .opening, token.start, token.end)
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: ">"):
                let text = byte == UInt8(ascii: ">") ? "⟩" : String(UnicodeScalar(byte))
                symbol = addSymbol(text: text, source: String(UnicodeScalar(byte)), .closing, token.start, token.end)
            case UInt8(ascii: "|"), UInt8(ascii: "/"):
                let text = String(UnicodeScalar(byte))
                symbol = addSymbol(text: text, source: text, .fence, token.start, token.end)
            default:
                break
            }
        case .command where token.value != CommandTable.unknown:
            if case .symbol(let text, let atomClass) = CommandTable.command(id: token.value),
                Self.delimiterCommands.contains(name(of: token))
            {
                symbol = addSymbol(text: text, source: spelling(token), atomClass, token.start, token.end)
            }
        default:
            break
        }
        guard let symbol else {
            report(.texMissingDelimiter(after: spelling(command), at: range(command)))
            return (nil, command.start, command.end)
        }
        _ = next()
        return (symbol, token.start, token.end)
    }

    private static let delimiterCommands: Set<String> = [
        "{", "}", "lbrace", "rbrace", "langle", "rangle", "lfloor", "rfloor", "lceil", "rceil", "lbrack",
        "rbrack", "lvert", "rvert", "lVert", "rVert", "|", "vert", "Vert", "backslash", "uparrow",
        "downarrow", "updownarrow", "Uparrow", "Downarrow",
    ]

    /// Reads a dimension such as `1em`, `-3mu` or `{2pt}` and converts it to em.
    mutating func readDimension() -> (em: Double, end: Int32)? {
        guard let argument = readTextArgument() else { return nil }
        var spelled = String(
            decoding: tree.text[Int(argument.textStart)..<Int(argument.textStart + argument.textCount)],
            as: UTF8.self
        ).filter { !$0.isWhitespace }
        // `\kern3pt`: the number came as its own token; read the unit letters after it.
        if !spelled.contains(where: \.isLetter) {
            for _ in 0..<2 {
                let unit = peekRaw()
                guard unit.kind == .letter, !unit.spaceBefore else { break }
                _ = nextRaw()
                spelled += text(of: unit)
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
        return (number * perEm, argument.end)
    }
}
