// Scripts, fractions, roots, accents and fences.
// Large operators and `\max` take their limits below and above (munderover); in inline math
// `movablelimits` lets the renderer move them to the side as TeX does in text style.
extension MathMLWriter.Emitter {
    mutating func emitScripts(_ node: SyntaxNode, font: MathFont) {
        let base = self.node(node.first)
        let hasSub = node.second >= 0
        let primes = Int(node.fourth)
        // Primes are a superscript `′…′`, before the written one (`f'^2` is f with `′2` above).
        let hasSup = node.third >= 0 || primes > 0
        guard hasSub || hasSup else {
            // `x_` with its argument missing (an error says so): the base alone, not an `<msup>`
            // of one child.
            emit(base, font: font, after: .opening)
            return
        }
        var underOver = false
        switch base.kind {
        case .largeOperator, .function: underOver = base.b != 0
        case .overUnder:
            let kind = OverUnderKind(code: base.a)
            underOver = kind == .underbrace || kind == .overbrace
        default: break
        }
        if primes > 0, !underOver {
            emitPrimed(node, base: base, primes: primes, font: font)
            return
        }
        switch (underOver, hasSub, hasSup) {
        case (true, true, true): out.append("<munderover>")
        case (true, true, false): out.append("<munder>")
        case (true, false, _): out.append("<mover>")
        case (false, true, true): out.append("<msubsup>")
        case (false, true, false): out.append("<msub>")
        case (false, false, _): out.append("<msup>")
        }
        emitBase(base, underOver: underOver, font: font)
        if hasSub { emitOne(self.node(node.second), font: font) }
        if primes > 0 {
            // The primes are an ordinary symbol and, with a written superscript, a row of the
            // two: `<mrow><mo>′</mo>` + that superscript after an ordinary.
            if node.third >= 0 { out.append("<mrow>") }
            out.append("<mo>")
            for _ in 0..<primes { out.append("\u{2032}") }
            out.append("</mo>")
            if node.third >= 0 {
                emit(self.node(node.third), font: font, after: .ordinary)
                out.append("</mrow>")
            }
        } else if node.third >= 0 {
            emitOne(self.node(node.third), font: font)
        }
        switch (underOver, hasSub, hasSup) {
        case (true, true, true): out.append("</munderover>")
        case (true, true, false): out.append("</munder>")
        case (true, false, _): out.append("</mover>")
        case (false, true, true): out.append("</msubsup>")
        case (false, true, false): out.append("</msub>")
        case (false, false, _): out.append("</msup>")
        }
        if base.kind == .function { out.append("<mo>\u{2061}</mo>") }
    }

    /// The primes beside the base, not raised as a superscript: `f'` is `<mrow>f<mo>′</mo></mrow>`,
    /// and a written subscript or superscript goes on that row (`f'^2`, `x'_i`), as TeX sets them.
    private mutating func emitPrimed(_ node: SyntaxNode, base: SyntaxNode, primes: Int, font: MathFont) {
        let hasSub = node.second >= 0
        let hasSup = node.third >= 0
        switch (hasSub, hasSup) {
        case (true, true): out.append("<msubsup>")
        case (true, false): out.append("<msub>")
        case (false, true): out.append("<msup>")
        case (false, false): break
        }
        out.append("<mrow>")
        emitBase(base, underOver: false, font: font)
        out.append("<mo lspace=\"0em\" rspace=\"0em\">")
        for _ in 0..<primes { out.append("\u{2032}") }
        out.append("</mo></mrow>")
        if hasSub { emitOne(self.node(node.second), font: font) }
        if hasSup { emitOne(self.node(node.third), font: font) }
        switch (hasSub, hasSup) {
        case (true, true): out.append("</msubsup>")
        case (true, false): out.append("</msub>")
        case (false, true): out.append("</msup>")
        case (false, false): break
        }
        if base.kind == .function { out.append("<mo>\u{2061}</mo>") }
    }

    private mutating func emitBase(_ base: SyntaxNode, underOver: Bool, font: MathFont) {
        switch base.kind {
        case .largeOperator:
            if !underOver {
                out.append("<mo>")
            } else if display {
                out.append("<mo movablelimits=\"false\">")
            } else {
                out.append("<mo movablelimits=\"true\">")
            }
            out.appendEscaped(bytes(base))
            out.append("</mo>")
        case .function:
            if !underOver {
                out.append("<mi>")
                out.appendEscaped(bytes(base))
                out.append("</mi>")
                return
            }
            if display {
                out.append("<mo form=\"prefix\" movablelimits=\"false\">")
            } else {
                out.append("<mo form=\"prefix\" movablelimits=\"true\">")
            }
            out.appendEscaped(bytes(base))
            out.append("</mo>")
        default:
            emitOne(base, font: font)
        }
    }

    mutating func emitFraction(_ node: SyntaxNode, font: MathFont) {
        let kind = FractionKind(code: node.a)
        switch kind {
        case .frac: out.append("<mfrac>")
        case .tfrac: out.append("<mstyle displaystyle=\"false\" scriptlevel=\"0\"><mfrac>")
        case .dfrac: out.append("<mstyle displaystyle=\"true\" scriptlevel=\"0\"><mfrac>")
        case .binom: out.append("<mrow><mo fence=\"true\" form=\"prefix\">(</mo><mfrac linethickness=\"0\">")
        case .atop: out.append("<mfrac linethickness=\"0\">")
        case .brace: out.append("<mrow><mo fence=\"true\" form=\"prefix\">{</mo><mfrac linethickness=\"0\">")
        case .brack: out.append("<mrow><mo fence=\"true\" form=\"prefix\">[</mo><mfrac linethickness=\"0\">")
        }
        emitOne(self.node(node.first), font: font)
        emitOne(self.node(node.second), font: font)
        switch kind {
        case .frac, .atop: out.append("</mfrac>")
        case .tfrac, .dfrac: out.append("</mfrac></mstyle>")
        case .binom: out.append("</mfrac><mo fence=\"true\" form=\"postfix\">)</mo></mrow>")
        case .brace: out.append("</mfrac><mo fence=\"true\" form=\"postfix\">}</mo></mrow>")
        case .brack: out.append("</mfrac><mo fence=\"true\" form=\"postfix\">]</mo></mrow>")
        }
    }

    mutating func emitRoot(_ node: SyntaxNode, font: MathFont) {
        if node.second >= 0 {
            out.append("<mroot>")
            emitOne(self.node(node.first), font: font)
            emitOne(self.node(node.second), font: font)
            out.append("</mroot>")
        } else {
            out.append("<msqrt>")
            emitContents(of: self.node(node.first), font: font)
            out.append("</msqrt>")
        }
    }

    mutating func emitAccent(_ node: SyntaxNode, font: MathFont) {
        let accent = CommandTable.accents[Int(node.a)]
        out.append(accent.isUnder ? "<munder accentunder=\"true\">" : "<mover accent=\"true\">")
        emitOne(self.node(node.first), font: font)
        out.append(accent.stretchy ? "<mo stretchy=\"true\">" : "<mo stretchy=\"false\">")
        out.appendEscaped(accent.mark)
        out.append(accent.isUnder ? "</mo></munder>" : "</mo></mover>")
    }

    mutating func emitOverUnder(_ node: SyntaxNode, font: MathFont) {
        switch OverUnderKind(code: node.a) {
        case .overbrace:
            out.append("<mover>")
            emitOne(self.node(node.third), font: font)
            out.append("<mo stretchy=\"true\">\u{23DE}</mo></mover>")
        case .underbrace:
            out.append("<munder>")
            emitOne(self.node(node.third), font: font)
            out.append("<mo stretchy=\"true\">\u{23DF}</mo></munder>")
        case .overset, .underset:
            if node.first >= 0, node.second >= 0 {
                // `\xrightarrow[under]{over}`.
                out.append("<munderover>")
                emitOne(self.node(node.third), font: font)
                emitOne(self.node(node.second), font: font)
                emitOne(self.node(node.first), font: font)
                out.append("</munderover>")
                return
            }
            let hasOver = node.first >= 0
            out.append(hasOver ? "<mover>" : "<munder>")
            emitOne(self.node(node.third), font: font)
            let script = hasOver ? node.first : node.second
            if script >= 0 { emitOne(self.node(script), font: font) }
            out.append(hasOver ? "</mover>" : "</munder>")
        }
    }

    mutating func emitFence(_ node: SyntaxNode, font: MathFont) {
        let stretchy = node.b != 0
        out.append("<mrow>")
        if node.first >= 0 { emitDelimiter(bytes(self.node(node.first)), postfix: false, stretchy: stretchy) }
        emitContents(of: self.node(node.third), font: font)
        if node.second >= 0 { emitDelimiter(bytes(self.node(node.second)), postfix: true, stretchy: stretchy) }
        out.append("</mrow>")
    }

    mutating func emitDelimiter(_ text: UnsafeBufferPointer<UInt8>, postfix: Bool, stretchy: Bool) {
        switch (postfix, stretchy) {
        case (false, false): out.append("<mo fence=\"true\" form=\"prefix\" stretchy=\"false\">")
        case (false, true): out.append("<mo fence=\"true\" form=\"prefix\" stretchy=\"true\">")
        case (true, false): out.append("<mo fence=\"true\" form=\"postfix\" stretchy=\"false\">")
        case (true, true): out.append("<mo fence=\"true\" form=\"postfix\" stretchy=\"true\">")
        }
        out.appendEscaped(text)
        out.append("</mo>")
    }

    /// `\big(` and its relatives: heights 1.2, 1.8, 2.4 and 3 em for sizes 1 to 4 (beyond 4 is
    /// 4); size 0 (`\middle`, `\left` alone) just stretches.
    mutating func emitSizedDelimiter(_ node: SyntaxNode) {
        out.append("<mo fence=\"true\" stretchy=\"true\"")
        switch node.a {
        case 0: out.append(UInt8(ascii: ">"))
        case 1: out.append(" symmetric=\"true\" minsize=\"1.2em\" maxsize=\"1.2em\">")
        case 2: out.append(" symmetric=\"true\" minsize=\"1.8em\" maxsize=\"1.8em\">")
        case 3: out.append(" symmetric=\"true\" minsize=\"2.4em\" maxsize=\"2.4em\">")
        default: out.append(" symmetric=\"true\" minsize=\"3em\" maxsize=\"3em\">")
        }
        out.appendEscaped(bytes(self.node(node.first)))
        out.append("</mo>")
    }
}

// Frames, strokes, phantoms, sizes and references. MathML Core has no `<menclose>`: browsers
// lay it out as an `<mrow>`, so its frame or strokes are drawn by its style as well.
extension MathMLWriter.Emitter {
    mutating func emitEnclosed(_ node: SyntaxNode, font: MathFont) {
        switch EncloseNotation(code: node.a) {
        case .box:
            out.append("<menclose notation=\"box\" style=\"padding:0.1em 0.2em;border:0.06em solid\">")
        case .cancel:
            out.append("<menclose notation=\"updiagonalstrike\" style=\"")
            out.append(Self.strokeStyle(up: true, down: false))
        case .backCancel:
            out.append("<menclose notation=\"downdiagonalstrike\" style=\"")
            out.append(Self.strokeStyle(up: false, down: true))
        case .crossCancel:
            out.append("<menclose notation=\"updiagonalstrike downdiagonalstrike\" style=\"")
            out.append(Self.strokeStyle(up: true, down: true))
        }
        emitOne(self.node(node.first), font: font)
        out.append("</menclose>")
    }

    /// A background of one or two diagonal strokes, and the end of the start tag.
    private static func strokeStyle(up: Bool, down: Bool) -> StaticString {
        switch (up, down) {
        case (true, false): upStroke
        case (false, true): downStroke
        default: crossStrokes
        }
    }

    private static let upStroke: StaticString =
        "background:linear-gradient(to top right,transparent 47%,currentColor 47% 53%,transparent 53%)\">"
    private static let downStroke: StaticString =
        "background:linear-gradient(to bottom right,transparent 47%,currentColor 47% 53%,transparent 53%)\">"
    private static let crossStrokes: StaticString = """
        background:linear-gradient(to top right,transparent 47%,currentColor 47% 53%,transparent 53%),\
        linear-gradient(to bottom right,transparent 47%,currentColor 47% 53%,transparent 53%)">
        """

    mutating func emitPhantom(_ node: SyntaxNode, font: MathFont) {
        let kind = PhantomKind(code: node.a)
        switch kind {
        case .phantom: out.append("<mphantom>")
        case .horizontal: out.append("<mpadded height=\"0\" depth=\"0\"><mphantom>")
        case .vertical: out.append("<mpadded width=\"0\"><mphantom>")
        case .smash: out.append("<mpadded height=\"0\" depth=\"0\">")
        }
        emitOne(self.node(node.first), font: font)
        switch kind {
        case .phantom: out.append("</mphantom>")
        case .horizontal, .vertical: out.append("</mphantom></mpadded>")
        case .smash: out.append("</mpadded>")
        }
    }

    mutating func emitSizing(_ node: SyntaxNode, font: MathFont) {
        out.append("<mstyle mathsize=\"")
        out.appendEm(node.size)
        out.append("\">")
        emitContents(of: self.node(node.first), font: font)
        out.append("</mstyle>")
    }

    /// `\eqref{name}` as `(3)` and `\ref{name}` as `3`, with the number the caller resolved the
    /// name to; the name itself where it resolved none.
    mutating func emitReference(_ node: SyntaxNode) {
        let name = bytes(node)
        out.append("<mtext>")
        if node.b != 0 { out.append(UInt8(ascii: "(")) }
        if let resolved = references[String(decoding: name, as: UTF8.self)] {
            out.appendEscaped(resolved)
        } else {
            out.appendEscaped(name)
        }
        if node.b != 0 { out.append(UInt8(ascii: ")")) }
        out.append("</mtext>")
    }
}
