// Scripts, fractions, roots, accents and fences, as `MathMLWriter+Layout.swift` writes them.
// Large operators and `\max` take their limits below and above (munderover); in inline math
// `movablelimits` lets the renderer move them to the side as TeX does in text style.
extension SyntaxMathMLWriter.Emitter {
    mutating func emitScripts(_ node: SyntaxNode, font: MathFont) {
        let base = self.node(node.first)
        let hasSub = node.second >= 0
        let primes = Int(node.fourth)
        // Primes are a superscript `′…′`, before the written one (`f'^2` is f with `′2` above).
        let hasSup = node.third >= 0 || primes > 0
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
            // `MathMLWriter` makes the primes an ordinary symbol and, with a written superscript,
            // a row of the two: `<mrow><mo>′</mo>` + that superscript after an ordinary.
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

    /// The primes beside the base, as `MathMLWriter.emitPrimed` writes them.
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
        }
        emitOne(self.node(node.first), font: font)
        emitOne(self.node(node.second), font: font)
        switch kind {
        case .frac: out.append("</mfrac>")
        case .tfrac, .dfrac: out.append("</mfrac></mstyle>")
        case .binom: out.append("</mfrac><mo fence=\"true\" form=\"postfix\">)</mo></mrow>")
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
    /// 4), as `MathMLWriter.em` writes them; size 0 (`\middle`, `\left` alone) just stretches.
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
