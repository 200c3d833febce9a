import LitmusDiagnostics

extension MathReader {
    /// Reads the built-in command of `token` (already taken) and its arguments.
    mutating func readCommand(_ token: Token) -> ID? {
        guard token.value != CommandTable.unknown else {
            let name = name(of: token)
            // An error only where KaTeX fails too; a command KaTeX renders is shown as written.
            if CommandTable.katexCommands.contains(name) {
                report(.texUnreadCommand(name, at: range(token)))
            } else {
                report(.texUnknownCommand(name, at: range(token)))
            }
            return addText(.unknownCommand, name, token.start, token.end)
        }
        let info = commands.infos[Int(token.value)]
        switch info.kind {
        case .identifier:
            return addCommandText(.identifier, info, token)
        case .symbol:
            if info.code == AtomClass.opening.code || info.code == AtomClass.closing.code
                || info.code == AtomClass.fence.code
            {
                bracketsMade += 1
            }
            return addCommandSymbol(.symbol, info, token, atomClass: info.code)
        case .largeOperator:
            let node = addCommandSymbol(.largeOperator, info, token, atomClass: AtomClass.largeOperator.code)
            tree[node].b = info.limits ? 1 : 0
            return node
        case .function:
            let node = addCommandText(.function, info, token)
            tree[node].b = info.limits ? 1 : 0
            return lintSpelling(node)
        case .font:
            guard let argument = readArgument() else { return missingArgument(token) }
            return add(.styled, a: info.code, first: argument, token.start, max(token.end, tree[argument].end))
        case .fraction:
            return readFraction(FractionKind(code: info.code), token)
        case .accent:
            guard let base = readArgument() else { return missingArgument(token) }
            return add(.accent, a: info.code, first: base, token.start, max(token.end, tree[base].end))
        case .space:
            var node = SyntaxNode(.space, start: token.start, end: token.end)
            node.setWidth(info.width)
            return tree.add(node)
        case .other:
            return readOtherCommand(token)
        }
    }

    /// Adds a node of `kind` whose text is the command's Unicode text or name.
    private mutating func addCommandText(_ kind: SyntaxKind, _ info: CommandInfo, _ token: Token) -> ID {
        var node = SyntaxNode(kind, start: token.start, end: token.end)
        node.textStart = Int32(truncatingIfNeeded: tree.text.count)
        node.textCount = Int32(truncatingIfNeeded: info.textEnd - info.textStart)
        tree.text.append(contentsOf: commands.texts[info.textStart..<info.textEnd])
        return tree.add(node)
    }

    /// Adds a symbol or large operator node: the command's Unicode text, its spelling in the
    /// source and its atom class.
    private mutating func addCommandSymbol(
        _ kind: SyntaxKind, _ info: CommandInfo, _ token: Token, atomClass: UInt8
    ) -> ID {
        let node = addCommandText(kind, info, token)
        tree[node].a = atomClass
        let spelled = appendSpelling(of: token)
        tree[node].third = spelled.start
        tree[node].fourth = spelled.count
        return node
    }

    /// The commands read less often, from their `Command`.
    ///
    /// Every case is one call: this function stands on the path of each level of nesting
    /// (`\left(\left(…`), so it keeps no locals of its own, and its stack frame stays small even
    /// where a sanitizer pads every local.
    private mutating func readOtherCommand(_ token: Token) -> ID? {
        switch commands.commands[Int(token.value)] {
        case .identifier(let text): return addText(.identifier, text, token.start, token.end)
        case .symbol(let text, let atomClass): return addCommandSymbol(text, atomClass, token)
        case .largeOperator(let text, let limits): return addLargeOperator(text, limits: limits, token)
        case .function(let name, let limits): return addFunction(name, limits: limits, token)
        case .operatorName: return readOperatorName(token)
        case .font(let font): return readStyled(font, token)
        case .text(let font): return readText(font, token)
        case .fraction(let kind): return readFraction(kind, token)
        case .sqrt: return readSquareRoot(token)
        case .accent(let accent): return readAccent(accent, token)
        case .overUnder(let kind): return readOverUnder(kind, token)
        case .stackrel: return readOverUnder(.overset, token)
        case .space(let width): return addSpace(width, token.start, token.end)
        case .spaceArgument: return readSpaceArgument(token)
        case .left: return readLeftRight(token)
        case .right: return readStrayRight(token)
        case .middle: return readMiddle(token)
        case .big(let size): return sizedDelimiter(after: token, size: size)
        case .begin: return readEnvironment(token)
        case .end: return readStrayEnd(token)
        case .mathStyle(let style): return emptyStyle(style, token)
        case .color: return readColorArgument(token)
        case .textColor: return readTextColor(token)
        case .limits: return nil
        case .newCommand, .def, .declareMathOperator: return readDefinitionCommand(token)
        case .lineBreak: return lineBreakOutsideEnvironment(token)
        case .substack: return readSubstack(token)
        case .not: return readNot(token)
        case .mathOperator: return readMathOperator(token)
        case .mathClass(let atomClass): return readMathClass(atomClass, token)
        case .infixFraction: return misplacedInfix(token)
        case .extensibleArrow(let arrow): return readExtensibleArrow(arrow, token)
        case .label, .tag, .reference: return readLabelling(CommandTable.command(id: token.value), token)
        case .noNumber: return add(.noNumber, token.start, token.end)
        case .enclose(let notation): return readWrapped(.enclosed, code: notation.code, token)
        case .phantom(let kind): return readPhantom(kind, token)
        case .sizing, .fontSwitch: return emptyRow(at: token.end)  // As an argument: covers nothing.
        case .ignored: return nil
        }
    }

    // MARK: - The cases of `readOtherCommand`

    private mutating func addCommandSymbol(_ text: String, _ atomClass: AtomClass, _ token: Token) -> ID {
        addSymbol(text: text, source: spelling(token), atomClass, token.start, token.end)
    }

    private mutating func addLargeOperator(_ text: String, limits: Bool, _ token: Token) -> ID {
        let node = addSymbol(
            .largeOperator, text: text, source: spelling(token), .largeOperator, token.start, token.end)
        tree[node].b = limits ? 1 : 0
        return node
    }

    private mutating func addFunction(_ name: String, limits: Bool, _ token: Token) -> ID {
        let node = addText(.function, name, token.start, token.end)
        tree[node].b = limits ? 1 : 0
        return lintSpelling(node)
    }

    private mutating func readOperatorName(_ token: Token) -> ID {
        var limits = false
        if peekRaw().isCharacter(UInt8(ascii: "*")), !peekRaw().spaceBefore {
            _ = nextRaw()
            limits = true
        }
        guard let argument = readTextArgument() else { return missingArgument(token) }
        var node = SyntaxNode(.function, start: token.start, end: max(token.end, argument.end))
        node.textStart = argument.textStart
        node.textCount = argument.textCount
        node.b = limits ? 1 : 0
        return lintSpelling(tree.add(node))
    }

    private mutating func readStyled(_ font: MathFont, _ token: Token) -> ID {
        readWrapped(.styled, code: font.code, token)
    }

    private mutating func readAccent(_ accent: Int, _ token: Token) -> ID {
        readWrapped(.accent, code: UInt8(accent), token)
    }

    /// A node of `kind` with `code` around the command's one argument (`\mathbf{…}`, `\hat{…}`,
    /// `\boxed{…}`).
    private mutating func readWrapped(_ kind: SyntaxKind, code: UInt8, _ token: Token) -> ID {
        guard let body = readArgument() else { return missingArgument(token) }
        return add(kind, a: code, first: body, token.start, max(token.end, tree[body].end))
    }

    private mutating func readPhantom(_ kind: PhantomKind, _ token: Token) -> ID {
        if kind == .smash, peekRaw().isCharacter(UInt8(ascii: "[")) { skipOptionalArgument() }
        return readWrapped(.phantom, code: kind.code, token)
    }

    private mutating func readText(_ font: MathFont, _ token: Token) -> ID {
        guard let argument = readTextArgument() else { return missingArgument(token) }
        var node = SyntaxNode(.text, start: token.start, end: max(token.end, argument.end))
        node.textStart = argument.textStart
        node.textCount = argument.textCount
        node.a = font.code
        return lintSpelling(tree.add(node))
    }

    private mutating func addSpace(_ width: Double, _ start: Int32, _ end: Int32) -> ID {
        var node = SyntaxNode(.space, start: start, end: end)
        node.setWidth(width)
        return tree.add(node)
    }

    private mutating func readSpaceArgument(_ token: Token) -> ID {
        guard let (width, end) = readDimension() else { return missingArgument(token) }
        return addSpace(width, token.start, max(token.end, end))
    }

    private mutating func readStrayRight(_ token: Token) -> ID? {
        report(.texRightWithoutLeft(at: range(token)))
        return sizedDelimiter(after: token, size: 0)
    }

    private mutating func readStrayEnd(_ token: Token) -> ID? {
        let name = readEnvironmentName()
        report(.texEndWithoutBegin(nameText(name), at: range(token)))
        return nil
    }

    /// `\displaystyle` reached as an argument (`\frac\displaystyle…`): the style covers nothing.
    private mutating func emptyStyle(_ style: MathStyle, _ token: Token) -> ID {
        add(.mathStyle, a: style.code, first: emptyRow(at: token.end), token.start, token.end)
    }

    /// `\color{…}` reached as an argument: the colour covers nothing.
    private mutating func readColorArgument(_ token: Token) -> ID {
        let color = readTextArgument()
        var node = SyntaxNode(.color, start: token.start, end: token.end)
        node.textStart = color?.textStart ?? 0
        node.textCount = color?.textCount ?? 0
        node.first = emptyRow(at: token.end)
        return tree.add(node)
    }

    private mutating func readTextColor(_ token: Token) -> ID {
        guard let color = readTextArgument(), let body = readArgument() else { return missingArgument(token) }
        var node = SyntaxNode(.color, start: token.start, end: max(token.end, tree[body].end))
        node.textStart = color.textStart
        node.textCount = color.textCount
        node.first = body
        return tree.add(node)
    }

    private mutating func readDefinitionCommand(_ token: Token) -> ID? {
        readDefinition(CommandTable.command(id: token.value), token)
        return nil
    }

    private mutating func readNot(_ token: Token) -> ID {
        guard let negated = readArgument() else { return missingArgument(token) }
        let symbol = tree[negated]
        guard symbol.kind == .symbol else { return negated }
        return addSymbol(
            text: tree.string(symbol) + "\u{338}", source: "\\not" + tree.sourceString(symbol), symbol.atomClass,
            token.start, max(token.end, symbol.end))
    }

    /// An infix fraction reached as an argument (`\frac\over`): there is no group to split.
    private mutating func misplacedInfix(_ token: Token) -> ID? {
        report(.texMisplacedInfix(spelling(token), at: range(token)))
        return nil
    }

    /// Reports a command whose argument is missing and keeps the command as an error node.
    mutating func missingArgument(_ token: Token) -> ID {
        let spelled = spelling(token)
        report(.texMissingArgument(spelled, at: range(token)))
        return addText(.error, spelled, token.start, token.end)
    }

    /// `\displaystyle`, `\small`, `\rm` or `\color{…}` next in a list: it covers the rest of the
    /// list.
    mutating func readSwitch(until stops: StopSet) -> ID {
        let token = next()
        var color: (textStart: Int32, textCount: Int32, end: Int32)?
        if token.isCommand(.color) {
            color = readTextArgument() ?? (Int32(tree.text.count), 0, 0)
        }
        let mark = scratch.count
        _ = readList(until: stops)
        let body = list(from: mark, at: token.end)
        let end = max(token.end, tree[body].end)
        switch CommandTable.command(id: token.value) {
        case .sizing(let size):
            var node = SyntaxNode(.sizing, start: token.start, end: end)
            node.first = body
            node.setSize(size)
            return tree.add(node)
        case .fontSwitch(let font):
            return add(.styled, a: font.code, first: body, token.start, end)
        default:
            break
        }
        if let color {
            var node = SyntaxNode(.color, start: token.start, end: end)
            node.textStart = color.textStart
            node.textCount = color.textCount
            node.first = body
            return tree.add(node)
        }
        let style: MathStyle =
            switch CommandTable.Builtin(rawValue: token.value) {
            case .displaystyle: .display
            case .scriptstyle: .script
            case .scriptscriptstyle: .scriptScript
            default: .text
            }
        return add(.mathStyle, a: style.code, first: body, token.start, end)
    }

    private mutating func readFraction(_ kind: FractionKind, _ token: Token) -> ID {
        let numerator = readArgument()
        let denominator = numerator == nil ? nil : readArgument()
        var node = SyntaxNode(.fraction, start: token.start, end: token.end)
        node.a = kind.code
        guard let numerator, let denominator else {
            report(.texFractionArgument(spelling(token), at: range(token)))
            let empty = emptyRow(at: numerator.map { tree[$0].end } ?? token.end)
            let first = numerator ?? empty
            node.first = first
            node.second = empty
            node.end = max(token.end, tree[first].end)
            return tree.add(node)
        }
        node.first = numerator
        node.second = denominator
        node.end = max(token.end, tree[denominator].end)
        return tree.add(node)
    }

    private mutating func readSquareRoot(_ token: Token) -> ID {
        var index: ID = -1
        let lintMark = lintDiagnostics.count
        let open = peek()
        if open.isCharacter(UInt8(ascii: "[")) {
            _ = next()
            let mark = scratch.count
            let stop = readList(until: .bracket)
            if stop.isCharacter(UInt8(ascii: "]")) { _ = next() }
            index = list(from: mark, at: open.end)
        }
        guard let radicand = readArgument() else {
            // The index is dropped with the root: so are its lints.
            lintDiagnostics.removeLast(lintDiagnostics.count - lintMark)
            return missingArgument(token)
        }
        var node = SyntaxNode(.root, start: token.start, end: max(token.end, tree[radicand].end))
        node.first = radicand
        node.second = index
        return tree.add(node)
    }

    private mutating func readOverUnder(_ kind: OverUnderKind, _ token: Token) -> ID {
        var node = SyntaxNode(.overUnder, start: token.start, end: token.end)
        node.a = kind.code
        switch kind {
        case .overbrace, .underbrace:
            guard let base = readArgument() else { return missingArgument(token) }
            node.third = base
        case .overset, .underset:
            let lintMark = lintDiagnostics.count
            guard let script = readArgument(), let base = readArgument() else {
                // A script without its base is dropped: so are its lints.
                lintDiagnostics.removeLast(lintDiagnostics.count - lintMark)
                return missingArgument(token)
            }
            if kind == .overset { node.first = script } else { node.second = script }
            node.third = base
        }
        node.end = max(token.end, tree[node.third].end)
        return tree.add(node)
    }

    private mutating func readLeftRight(_ token: Token) -> ID {
        let (open, _, _) = readDelimiter(after: token)
        let mark = scratch.count
        let stop = readList(until: .right)
        var close: ID?
        var end = lastEnd(from: mark, or: token.end)
        if stop.isCommand(.right) {
            _ = next()
            let delimiter = readDelimiter(after: stop)
            close = delimiter.symbol
            end = delimiter.end
        } else {
            report(.texLeftWithoutRight(at: range(token)))
        }
        markDividers(from: mark)
        let body = list(from: mark, at: token.end)
        var node = SyntaxNode(.fenced, start: token.start, end: max(token.end, end))
        node.first = open ?? -1
        node.second = close ?? -1
        node.third = body
        node.b = 1
        return tree.add(node)
    }

    /// `\middle|` inside `\left…\right`: a divider of the body that stretches with it.
    private mutating func readMiddle(_ token: Token) -> ID? {
        let delimiter = readDelimiter(after: token)
        guard let symbol = delimiter.symbol else { return nil }
        tree[symbol].kind = .divider
        tree[symbol].b = 1
        tree[symbol].start = token.start
        tree[symbol].end = max(token.end, delimiter.end)
        return symbol
    }

    /// `\big(`, `\right)` outside a `\left`: a delimiter at a fixed size.
    private mutating func sizedDelimiter(after token: Token, size: Int) -> ID? {
        let delimiter = readDelimiter(after: token)
        guard let symbol = delimiter.symbol else { return nil }
        return add(.sizedDelimiter, a: UInt8(size), first: symbol, token.start, max(token.end, delimiter.end))
    }
}
