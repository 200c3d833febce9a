import LitmusDiagnostics

extension MathReader {
    /// Reads the built-in command `name` (its token already taken) and its arguments.
    mutating func readCommand(_ name: String, _ token: Token) -> TeXNode? {
        guard let command = CommandTable.command(name) else {
            report(.texUnknownCommand(name, at: token.range))
            return TeXNode(.unknownCommand(name), token.range)
        }
        switch command {
        case .identifier(let text):
            return TeXNode(.identifier(text), token.range)
        case .symbol(let text, let atomClass):
            return TeXNode(.symbol(TeXSymbol(source: token.spelling, text: text, atomClass: atomClass)), token.range)
        case .largeOperator(let text, let limits):
            let symbol = TeXSymbol(source: token.spelling, text: text, atomClass: .largeOperator)
            return TeXNode(.largeOperator(symbol, limits: limits), token.range)
        case .function(let functionName, let limits):
            return TeXNode(.function(name: functionName, limits: limits), token.range)
        case .operatorName:
            var limits = false
            if peekRaw().kind == .character("*") {
                _ = nextRaw()
                limits = true
            }
            guard let (text, range) = readTextArgument() else { return missingArgument(token) }
            return TeXNode(.function(name: text, limits: limits), span(token.range, range))
        case .font(let font):
            guard let argument = readArgument() else { return missingArgument(token) }
            return TeXNode(.styled(font, argument), span(token.range, argument.range))
        case .text(let font):
            guard let (text, range) = readTextArgument() else { return missingArgument(token) }
            return TeXNode(.text(text, font), span(token.range, range))
        case .fraction(let kind):
            return readFraction(kind, token)
        case .sqrt:
            return readSquareRoot(token)
        case .accent(let accent):
            guard let base = readArgument() else { return missingArgument(token) }
            return TeXNode(.accent(CommandTable.accents[accent], base), span(token.range, base.range))
        case .overUnder(let kind):
            return readOverUnder(kind, token)
        case .stackrel:
            return readOverUnder(.overset, token)
        case .space(let width):
            return TeXNode(.space(width), token.range)
        case .spaceArgument:
            guard let (width, range) = readDimension() else { return missingArgument(token) }
            return TeXNode(.space(width), span(token.range, range))
        case .left:
            return readLeftRight(token)
        case .right:
            report(.texRightWithoutLeft(at: token.range))
            let (symbol, range) = readDelimiter(after: token)
            return symbol.map { TeXNode(.sizedDelimiter($0, size: 0), span(token.range, range)) }
        case .middle:
            let (symbol, range) = readDelimiter(after: token)
            return symbol.map { TeXNode(.sizedDelimiter($0, size: 0), span(token.range, range)) }
        case .big(let size):
            let (symbol, range) = readDelimiter(after: token)
            return symbol.map { TeXNode(.sizedDelimiter($0, size: size), span(token.range, range)) }
        case .begin:
            return readEnvironment(token)
        case .end:
            let name = readEnvironmentName()
            report(.texEndWithoutBegin(name.text, at: token.range))
            return nil
        case .mathStyle(let style):
            // Only reached as an argument (`\frac\displaystyle…`): the style covers nothing.
            return TeXNode(.mathStyle(style, row([], at: token.range.end)), token.range)
        case .color:
            let color = readTextArgument()
            return TeXNode(.color(color?.text ?? "", row([], at: token.range.end)), token.range)
        case .textColor:
            guard let (color, _) = readTextArgument(), let body = readArgument() else {
                return missingArgument(token)
            }
            return TeXNode(.color(color, body), span(token.range, body.range))
        case .limits:
            return nil
        case .newCommand, .def, .declareMathOperator:
            readDefinition(command, token)
            return nil
        case .lineBreak:
            return lineBreakOutsideEnvironment(token)
        case .substack:
            return readSubstack(token)
        case .not:
            guard let negated = readArgument() else { return missingArgument(token) }
            guard case .symbol(var symbol) = negated.kind else { return negated }
            symbol.text += "\u{338}"
            symbol.source = "\\not" + symbol.source
            return TeXNode(.symbol(symbol), span(token.range, negated.range))
        case .ignoredWithArgument:
            _ = readTextArgument()
            return nil
        case .ignored:
            return nil
        }
    }

    /// Reports a command whose argument is missing and keeps the command as an error node.
    mutating func missingArgument(_ token: Token) -> TeXNode {
        report(.texMissingArgument(token.spelling, at: token.range))
        return TeXNode(.error(token.spelling), token.range)
    }

    /// `\displaystyle` or `\color{…}` next in a list: it covers the rest of the list.
    mutating func readSwitch(until stops: StopSet) -> TeXNode {
        let token = next()
        var color: String?
        if token.kind == .command("color") { color = readTextArgument()?.text ?? "" }
        let (nodes, _) = readList(until: stops)
        let body = row(nodes, at: token.range.end)
        let range = span(token.range, body.range)
        if let color { return TeXNode(.color(color, body), range) }
        let style: MathStyle =
            switch token.kind {
            case .command("displaystyle"): .display
            case .command("scriptstyle"): .script
            case .command("scriptscriptstyle"): .scriptScript
            default: .text
            }
        return TeXNode(.mathStyle(style, body), range)
    }

    private mutating func readFraction(_ kind: FractionKind, _ token: Token) -> TeXNode {
        let numerator = readArgument()
        let denominator = numerator == nil ? nil : readArgument()
        guard let numerator, let denominator else {
            report(.texFractionArgument(token.spelling, at: token.range))
            let empty = row([], at: (numerator?.range ?? token.range).end)
            let first = numerator ?? empty
            return TeXNode(.fraction(kind, first, empty), span(token.range, first.range))
        }
        return TeXNode(.fraction(kind, numerator, denominator), span(token.range, denominator.range))
    }

    private mutating func readSquareRoot(_ token: Token) -> TeXNode {
        var index: TeXNode?
        skipSpaces()
        let open = peek()
        if open.kind == .character("[") {
            _ = next()
            let (nodes, stop) = readList(until: .bracket)
            if stop.kind == .character("]") { _ = next() }
            index = row(nodes, at: open.range.end)
        }
        guard let radicand = readArgument() else { return missingArgument(token) }
        return TeXNode(.root(radicand, index: index), span(token.range, radicand.range))
    }

    private mutating func readOverUnder(_ kind: OverUnderKind, _ token: Token) -> TeXNode {
        switch kind {
        case .overbrace, .underbrace:
            guard let base = readArgument() else { return missingArgument(token) }
            return TeXNode(.overUnder(kind, over: nil, under: nil, base: base), span(token.range, base.range))
        case .overset, .underset:
            guard let script = readArgument(), let base = readArgument() else { return missingArgument(token) }
            let node: TeXNode.Kind =
                kind == .overset
                ? .overUnder(kind, over: script, under: nil, base: base)
                : .overUnder(kind, over: nil, under: script, base: base)
            return TeXNode(node, span(token.range, base.range))
        }
    }

    private mutating func readLeftRight(_ token: Token) -> TeXNode {
        let (open, _) = readDelimiter(after: token)
        let (nodes, stop) = readList(until: .right)
        var close: TeXSymbol?
        var end = nodes.last?.range ?? token.range
        if stop.kind == .command("right") {
            _ = next()
            let (symbol, range) = readDelimiter(after: stop)
            close = symbol
            end = range
        } else {
            report(.texLeftWithoutRight(at: token.range))
        }
        let body = row(nodes, at: token.range.end)
        return TeXNode(.fenced(Fence(open: open, close: close, body: body, isStretchy: true)), span(token.range, end))
    }
}
