import LitmusDiagnostics

extension MathReader {
    /// Replaces the macro call in front of the stream by its body with arguments substituted.
    /// Expanded tokens take the range of the call, so diagnostics point at it; argument tokens
    /// keep their own ranges. Returns `false` past the expansion limit.
    mutating func expand(_ macro: Macro, named name: String) -> Bool {
        guard expansions < TeXParser.maximumExpansions, expandedTokens < TeXParser.maximumExpandedTokens else {
            if !reportedExpansionLimit {
                reportedExpansionLimit = true
                report(.texMacroExpansionLimit(name, at: peekRaw().range))
            }
            // Leave the call in place; it is then read as a built-in or an unknown command.
            return false
        }
        expansions += 1
        let call = nextRaw()
        if macro.parameterCount == 0 {
            // The common case: push the body, last token first, with the call's range.
            expandedTokens += macro.tokens.count
            var index = macro.tokens.count
            while index > 0 {
                index -= 1
                pending.append(Token(kind: macro.tokens[index].kind, range: call.range))
            }
            return true
        }
        var arguments: [[Token]] = []
        for _ in 0..<macro.parameterCount {
            arguments.append(readMacroArgument())
        }
        var body: [Token] = []
        body.reserveCapacity(macro.tokens.count)
        for token in macro.tokens {
            if case .parameter(let number) = token.kind {
                if number <= arguments.count { body += arguments[number - 1] }
            } else {
                body.append(Token(kind: token.kind, range: call.range))
            }
        }
        expandedTokens += body.count
        pending.append(contentsOf: body.reversed())
        return true
    }

    /// One macro argument as tokens: the inside of a balanced `{…}`, or one token.
    private mutating func readMacroArgument() -> [Token] {
        skipSpacesRaw()
        let first = nextRaw()
        switch first.kind {
        case .beginGroup: break
        case .end:
            pushBack(first)
            return []
        default: return [first]
        }
        var tokens: [Token] = []
        var braces = 1
        while true {
            let token = nextRaw()
            switch token.kind {
            case .beginGroup: braces += 1
            case .endGroup:
                braces -= 1
                if braces == 0 { return tokens }
            case .end:
                pushBack(token)
                return tokens
            default: break
            }
            tokens.append(token)
        }
    }

    /// `\newcommand{\name}[n]{body}`, `\def\name#1#2{body}`, `\DeclareMathOperator{\name}{text}`.
    mutating func readDefinition(_ command: Command, _ token: Token) {
        var starred = false
        if peekRaw().kind == .character("*") {
            _ = nextRaw()
            starred = true
        }
        guard let name = readDefinedName() else {
            report(.texDefinitionWithoutName(token.spelling, at: token.range))
            return
        }
        var parameterCount = 0
        switch command {
        case .newCommand:
            skipSpacesRaw()
            if peekRaw().kind == .character("[") {
                _ = nextRaw()
                skipSpacesRaw()
                if case .number(let digits) = nextRaw().kind { parameterCount = min(Int(digits) ?? 0, 9) }
                skipSpacesRaw()
                if peekRaw().kind == .character("]") { _ = nextRaw() }
            }
        case .def:
            while case .parameter = peekRaw().kind {
                _ = nextRaw()
                parameterCount += 1
            }
        default:
            break
        }
        skipSpacesRaw()
        guard peekRaw().kind == .beginGroup else {
            report(.texDefinitionWithoutBody(token.spelling, at: token.range))
            return
        }
        var body = readMacroArgument()
        if case .declareMathOperator = command {
            let operatorName = Token(kind: .command("operatorname"), range: token.range)
            let star = starred ? [Token(kind: .character("*"), range: token.range)] : []
            body =
                [operatorName] + star + [Token(kind: .beginGroup, range: token.range)] + body
                + [Token(kind: .endGroup, range: token.range)]
        }
        macros.define(name, as: Macro(parameterCount: parameterCount, tokens: body))
    }

    /// The `\name` being defined, written `\name` or `{\name}`.
    private mutating func readDefinedName() -> String? {
        skipSpacesRaw()
        let braced = peekRaw().kind == .beginGroup
        if braced { _ = nextRaw() }
        skipSpacesRaw()
        guard case .command(let name) = peekRaw().kind else { return nil }
        _ = nextRaw()
        if braced {
            skipSpacesRaw()
            if peekRaw().kind == .endGroup { _ = nextRaw() }
        }
        return name
    }
}
