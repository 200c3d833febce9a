import LitmusDiagnostics

extension MathReader {
    /// Replaces the macro call in front of the stream by its body with arguments substituted.
    /// Expanded tokens take the place of the call, so diagnostics point at it; argument tokens
    /// keep their own. Returns `false` past the expansion limit.
    mutating func expand(_ macro: Macro, named name: String) -> Bool {
        guard expansions < TeXParser.maximumExpansions, expandedTokens < TeXParser.maximumExpandedTokens else {
            if !reportedExpansionLimit {
                reportedExpansionLimit = true
                report(.texMacroExpansionLimit(name, at: range(peekRaw())))
            }
            // Leave the call in place; it is then read as a built-in or an unknown command.
            return false
        }
        expansions += 1
        let call = nextRaw()
        let buffer = buffer(of: macro, named: name)
        func placed(_ token: Token) -> Token {
            var token = token
            token.start = call.start
            token.end = call.end
            token.buffer = buffer
            return token
        }
        if macro.parameterCount == 0 {
            // The common case: push the body, last token first, in place of the call.
            expandedTokens += macro.tokens.count
            var index = macro.tokens.count
            while index > 0 {
                index -= 1
                pushBack(placed(macro.tokens[index]))
            }
            return true
        }
        var arguments: [(tokens: [Token], closingSpace: Bool)] = []
        if let defaults = macro.defaultTokens {
            // The optional first argument: `[…]` if written, else the default.
            if peekRaw().isCharacter(UInt8(ascii: "[")) {
                arguments.append((readBracketArgument(), false))
            } else {
                let buffer = defaultBuffer(of: macro, named: name)
                arguments.append(
                    (
                        defaults.map {
                            var token = $0; token.buffer = buffer; return placedAt(token, call)
                        }, false
                    ))
            }
        }
        while arguments.count < macro.parameterCount {
            arguments.append(readMacroArgument())
        }
        var body: [Token] = []
        body.reserveCapacity(macro.tokens.count)
        // White space that ended an argument goes before whatever follows it.
        var spaceAfterArgument = false
        for token in macro.tokens {
            if token.kind == .parameter {
                guard token.value <= arguments.count else { continue }
                let argument = arguments[Int(token.value) - 1]
                for var argumentToken in argument.tokens {
                    argumentToken.spaceBefore = argumentToken.spaceBefore || spaceAfterArgument
                    spaceAfterArgument = false
                    body.append(argumentToken)
                }
                spaceAfterArgument = spaceAfterArgument || argument.closingSpace
            } else {
                var token = placed(token)
                token.spaceBefore = token.spaceBefore || spaceAfterArgument
                spaceAfterArgument = false
                body.append(token)
            }
        }
        expandedTokens += body.count
        for token in body.reversed() { pushBack(token) }
        return true
    }

    /// `token` standing in place of `call`.
    private func placedAt(_ token: Token, _ call: Token) -> Token {
        var token = token
        token.start = call.start
        token.end = call.end
        return token
    }

    /// The buffer number under which the reader holds `macro`'s default argument.
    private mutating func defaultBuffer(of macro: Macro, named name: String) -> UInt16 {
        let key = name + "[]"
        if let buffer = bufferOfMacro[key] { return buffer }
        buffers.append(macro.defaultBytes)
        let buffer = UInt16(truncatingIfNeeded: buffers.count)
        bufferOfMacro[key] = buffer
        return buffer
    }

    /// The tokens of `[…]` (the brackets taken), braces kept balanced.
    private mutating func readBracketArgument() -> [Token] {
        _ = nextRaw()
        var tokens: [Token] = []
        var braces = 0
        while true {
            let token = nextRaw()
            switch token.kind {
            case .end:
                pushBack(token)
                return tokens
            case .beginGroup: braces += 1
            case .endGroup: braces -= 1
            case .character where braces == 0 && token.value == UInt32(UInt8(ascii: "]")):
                return tokens
            default: break
            }
            tokens.append(token)
        }
    }

    /// The buffer number under which the reader holds `macro`'s text, adding it on first use.
    private mutating func buffer(of macro: Macro, named name: String) -> UInt16 {
        if let buffer = bufferOfMacro[name] { return buffer }
        buffers.append(macro.bytes)
        let buffer = UInt16(truncatingIfNeeded: buffers.count)
        bufferOfMacro[name] = buffer
        return buffer
    }

    /// One macro argument as tokens: the inside of a balanced `{…}`, or one token (white space
    /// before it is skipped). `closingSpace` says whether white space ends the inside.
    private mutating func readMacroArgument() -> (tokens: [Token], closingSpace: Bool) {
        var first = nextRaw()
        switch first.kind {
        case .beginGroup: break
        case .end:
            pushBack(first)
            return ([], false)
        default:
            first.spaceBefore = false
            return ([first], false)
        }
        var tokens: [Token] = []
        var braces = 1
        while true {
            let token = nextRaw()
            switch token.kind {
            case .beginGroup: braces += 1
            case .endGroup:
                braces -= 1
                if braces == 0 { return (tokens, token.spaceBefore) }
            case .end:
                pushBack(token)
                return (tokens, token.spaceBefore)
            default: break
            }
            tokens.append(token)
        }
    }

    /// `\newcommand{\name}[n]{body}`, `\def\name#1#2{body}`, `\DeclareMathOperator{\name}{text}`.
    mutating func readDefinition(_ command: Command, _ token: Token) {
        var starred = false
        if peekRaw().isCharacter(UInt8(ascii: "*")), !peekRaw().spaceBefore {
            _ = nextRaw()
            starred = true
        }
        guard let name = readDefinedName() else {
            report(.texDefinitionWithoutName(spelling(token), at: range(token)))
            return
        }
        var parameterCount = 0
        var defaultArgument: [Token]?
        switch command {
        case .newCommand:
            if peekRaw().isCharacter(UInt8(ascii: "[")) {
                _ = nextRaw()
                let count = nextRaw()
                if count.kind == .number { parameterCount = min(Int(text(of: count)) ?? 0, 9) }
                if peekRaw().isCharacter(UInt8(ascii: "]")) { _ = nextRaw() }
                if parameterCount > 0, peekRaw().isCharacter(UInt8(ascii: "[")) {
                    defaultArgument = readBracketArgument()
                }
            }
        case .def:
            while peekRaw().kind == .parameter, !peekRaw().spaceBefore {
                _ = nextRaw()
                parameterCount += 1
            }
        default:
            break
        }
        guard peekRaw().kind == .beginGroup else {
            report(.texDefinitionWithoutBody(spelling(token), at: range(token)))
            return
        }
        var (body, closingSpace) = readMacroArgument()
        if case .declareMathOperator = command {
            func made(_ kind: Token.Kind, _ value: UInt32) -> Token {
                Token(kind, value: value, start: token.start, end: token.end, textStart: 0, textEnd: 0)
            }
            let operatorName = made(.command, CommandTable.Builtin.operatorname.rawValue)
            let star = starred ? [made(.character, UInt32(UInt8(ascii: "*")))] : []
            var close = made(.endGroup, 0)
            close.spaceBefore = closingSpace
            body = [operatorName] + star + [made(.beginGroup, 0)] + body + [close]
            closingSpace = false
        }
        let macro = Macro(
            parameterCount: parameterCount, tokens: body, trailingSpace: closingSpace, defaultArgument: defaultArgument
        ) {
            Array((($0.spaceBefore ? " " : "") + spelling($0)).utf8)
        }
        macros.define(name, as: macro)
        bufferOfMacro[name] = nil
        bufferOfMacro[name + "[]"] = nil
    }

    /// The `\name` being defined, written `\name` or `{\name}`.
    private mutating func readDefinedName() -> String? {
        let braced = peekRaw().kind == .beginGroup
        if braced { _ = nextRaw() }
        let command = peekRaw()
        guard command.kind == .command else { return nil }
        _ = nextRaw()
        if braced {
            if peekRaw().kind == .endGroup { _ = nextRaw() }
        }
        return name(of: command)
    }
}
