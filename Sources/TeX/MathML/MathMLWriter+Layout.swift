// Scripts, fractions, roots, accents and fences. Large operators and `\max` take their limits
// below and above (munderover); in inline math `movablelimits` lets the renderer move them to
// the side as TeX does in text style.
extension MathMLWriter {
    func emitScripts(_ scripts: Scripts, font: MathFont, into out: inout MathMLOutput) {
        if scripts.primes > 0, !scriptElements(for: scripts.base, hasSub: false, hasSup: true).2 {
            emitPrimed(scripts, font: font, into: &out)
            return
        }
        var superscript = scripts.sup
        let primes = String(repeating: "′", count: scripts.primes)
        let primeNode: TeXNode? =
            scripts.primes > 0
            ? TeXNode(.symbol(TeXSymbol(source: "'", text: primes, atomClass: .ordinary)), scripts.base.range) : nil
        if let primeNode {
            superscript = superscript.map { TeXNode(.row([primeNode, $0]), $0.range) } ?? primeNode
        }
        let (open, close, underOver) = scriptElements(
            for: scripts.base, hasSub: scripts.sub != nil,
            hasSup: superscript != nil)
        out += open
        emitBase(scripts.base, underOver: underOver, font: font, into: &out)
        if let sub = scripts.sub { emitOne(sub, font: font, into: &out) }
        if let superscript { emitOne(superscript, font: font, into: &out) }
        out += close
        if case .function = scripts.base.kind { out += "<mo>\u{2061}</mo>" }
    }

    /// `f'`, `f''_k`, `f'^2`: the primes stand beside the base, not above it. A prime glyph is
    /// already drawn at superscript height, so as a superscript (`<msup><mi>f</mi><mo>′</mo>`)
    /// a browser raises it a second time; beside the base it sits where TeX puts `\prime`.
    private func emitPrimed(_ scripts: Scripts, font: MathFont, into out: inout MathMLOutput) {
        let (open, close, _) = scriptElements(for: scripts.base, hasSub: scripts.sub != nil, hasSup: scripts.sup != nil)
        let scripted = scripts.sub != nil || scripts.sup != nil
        if scripted { out += open }
        out += "<mrow>"
        emitBase(scripts.base, underOver: false, font: font, into: &out)
        out += "<mo lspace=\"0em\" rspace=\"0em\">"
        out += String(repeating: "′", count: scripts.primes)
        out += "</mo></mrow>"
        if let sub = scripts.sub { emitOne(sub, font: font, into: &out) }
        if let sup = scripts.sup { emitOne(sup, font: font, into: &out) }
        if scripted { out += close }
        if case .function = scripts.base.kind { out += "<mo>\u{2061}</mo>" }
    }

    private func scriptElements(for base: TeXNode, hasSub: Bool, hasSup: Bool) -> (String, String, Bool) {
        var underOver = false
        switch base.kind {
        case .largeOperator(_, let limits), .function(_, let limits): underOver = limits
        case .overUnder(.underbrace, _, _, _), .overUnder(.overbrace, _, _, _): underOver = true
        default: break
        }
        let name =
            switch (underOver, hasSub, hasSup) {
            case (true, true, true): "munderover"
            case (true, true, false): "munder"
            case (true, false, _): "mover"
            case (false, true, true): "msubsup"
            case (false, true, false): "msub"
            case (false, false, _): "msup"
            }
        return ("<\(name)>", "</\(name)>", underOver)
    }

    private func emitBase(_ base: TeXNode, underOver: Bool, font: MathFont, into out: inout MathMLOutput) {
        let movable = display ? "false" : "true"
        switch base.kind {
        case .largeOperator(let symbol, _) where underOver:
            out += "<mo movablelimits=\"\(movable)\">"
            out.appendEscaped(symbol.text)
            out += "</mo>"
        case .largeOperator(let symbol, _):
            out += "<mo>"
            out.appendEscaped(symbol.text)
            out += "</mo>"
        case .function(let name, _) where underOver:
            out += "<mo form=\"prefix\" movablelimits=\"\(movable)\">"
            out.appendEscaped(name)
            out += "</mo>"
        case .function(let name, _):
            out += "<mi>"
            out.appendEscaped(name)
            out += "</mi>"
        default:
            emitOne(base, font: font, into: &out)
        }
    }

    func emitFraction(
        _ kind: FractionKind, _ numerator: TeXNode, _ denominator: TeXNode, font: MathFont,
        into out: inout MathMLOutput
    ) {
        switch kind {
        case .frac: out += "<mfrac>"
        case .tfrac: out += "<mstyle displaystyle=\"false\" scriptlevel=\"0\"><mfrac>"
        case .dfrac: out += "<mstyle displaystyle=\"true\" scriptlevel=\"0\"><mfrac>"
        case .binom: out += "<mrow><mo fence=\"true\" form=\"prefix\">(</mo><mfrac linethickness=\"0\">"
        }
        emitOne(numerator, font: font, into: &out)
        emitOne(denominator, font: font, into: &out)
        switch kind {
        case .frac: out += "</mfrac>"
        case .tfrac, .dfrac: out += "</mfrac></mstyle>"
        case .binom: out += "</mfrac><mo fence=\"true\" form=\"postfix\">)</mo></mrow>"
        }
    }

    func emitRoot(_ radicand: TeXNode, index: TeXNode?, font: MathFont, into out: inout MathMLOutput) {
        if let index {
            out += "<mroot>"
            emitOne(radicand, font: font, into: &out)
            emitOne(index, font: font, into: &out)
            out += "</mroot>"
        } else {
            out += "<msqrt>"
            emitContents(of: radicand, font: font, into: &out)
            out += "</msqrt>"
        }
    }

    func emitAccent(_ accent: Accent, _ base: TeXNode, font: MathFont, into out: inout MathMLOutput) {
        out += accent.isUnder ? "<munder accentunder=\"true\">" : "<mover accent=\"true\">"
        emitOne(base, font: font, into: &out)
        out += "<mo stretchy=\"\(accent.stretchy)\">"
        out.appendEscaped(accent.mark)
        out += accent.isUnder ? "</mo></munder>" : "</mo></mover>"
    }

    func emitOverUnder(
        _ kind: OverUnderKind, over: TeXNode?, under: TeXNode?, base: TeXNode, font: MathFont,
        into out: inout MathMLOutput
    ) {
        switch kind {
        case .overbrace, .underbrace:
            let isOver = kind == .overbrace
            out += isOver ? "<mover>" : "<munder>"
            emitOne(base, font: font, into: &out)
            out += isOver ? "<mo stretchy=\"true\">⏞</mo></mover>" : "<mo stretchy=\"true\">⏟</mo></munder>"
        case .overset, .underset:
            out += over != nil ? "<mover>" : "<munder>"
            emitOne(base, font: font, into: &out)
            if let script = over ?? under { emitOne(script, font: font, into: &out) }
            out += over != nil ? "</mover>" : "</munder>"
        }
    }

    func emitFence(_ fence: Fence, font: MathFont, into out: inout MathMLOutput) {
        out += "<mrow>"
        if let open = fence.open { emitDelimiter(open.text, form: "prefix", stretchy: fence.isStretchy, into: &out) }
        emitContents(of: fence.body, font: font, into: &out)
        if let close = fence.close {
            emitDelimiter(close.text, form: "postfix", stretchy: fence.isStretchy, into: &out)
        }
        out += "</mrow>"
    }

    func emitDelimiter(_ text: String, form: String, stretchy: Bool, into out: inout MathMLOutput) {
        out += "<mo fence=\"true\" form=\"\(form)\" stretchy=\"\(stretchy)\">"
        out.appendEscaped(text)
        out += "</mo>"
    }

    func emitSizedDelimiter(_ symbol: TeXSymbol, size: Int, into out: inout MathMLOutput) {
        if size == 0 {
            out += "<mo fence=\"true\" stretchy=\"true\">"
        } else {
            let height = Self.em([1.2, 1.8, 2.4, 3.0][min(max(size, 1), 4) - 1])
            out += "<mo fence=\"true\" stretchy=\"true\" symmetric=\"true\""
            out += " minsize=\"\(height)\" maxsize=\"\(height)\">"
        }
        out.appendEscaped(symbol.text)
        out += "</mo>"
    }
}
