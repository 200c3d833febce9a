/// Writes a TeX syntax tree as MathML Core: `<math display=…>` holding `<semantics>`, the
/// presentation markup and an `<annotation encoding="application/x-tex">` with the source, so
/// copying a formula gives its LaTeX. The output depends only on the tree and the source.
public struct MathMLWriter: Sendable {
    /// Whether the formula is display (`display="block"`) or inline math.
    public var display: Bool

    /// Creates a writer for display or inline math.
    public init(display: Bool) {
        self.display = display
    }

    /// The `<math>` element for `root` (usually `TeXParseResult.root`) and its LaTeX source.
    public func write(_ root: TeXNode, latex: String) -> String {
        // About 8 bytes of MathML per byte of LaTeX: one allocation instead of many regrowths.
        var out = MathMLOutput(capacity: 256 + latex.utf8.count * 8)
        out += "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\""
        out += display ? "block" : "inline"
        out += "\"><semantics><mrow>"
        emitContents(of: root, font: .normal, into: &out)
        out += "</mrow><annotation encoding=\"application/x-tex\">"
        out.appendEscaped(latex)
        out += "</annotation></semantics></math>"
        return out.string
    }

    // MARK: - Rows

    /// Writes the children of a row or group side by side (no `<mrow>` around them), or the
    /// node itself for any other kind.
    func emitContents(of node: TeXNode, font: MathFont, into out: inout MathMLOutput) {
        switch node.kind {
        case .row(let nodes), .group(let nodes):
            var previous: AtomClass? = .opening
            for (index, child) in nodes.enumerated() {
                let isFunction: Bool
                switch child.kind {
                case .function: isFunction = true
                case .scripts(let scripts):
                    if case .function = scripts.base.kind { isFunction = true } else { isFunction = false }
                default: isFunction = false
                }
                if isFunction, index > 0, OperatorSpacing.spaceBefore(after: Self.side(nodes[index - 1], left: false)) {
                    out += OperatorSpacing.thinSpace.description
                }
                emit(child, font: font, after: previous, into: &out)
                if isFunction, index + 1 < nodes.count,
                    OperatorSpacing.spaceAfter(before: Self.side(nodes[index + 1], left: true))
                {
                    out += OperatorSpacing.thinSpace.description
                }
                if case .symbol(let symbol) = child.kind {
                    previous = symbol.atomClass
                } else if case .largeOperator = child.kind {
                    previous = .largeOperator
                } else {
                    previous = nil
                }
            }
        default:
            emit(node, font: font, after: .opening, into: &out)
        }
    }

    /// How `node` starts (`left`) or ends, for the spacing around named operators.
    static func side(_ node: TeXNode, left: Bool) -> OperatorSpacing.Side {
        switch node.kind {
        case .function: .function
        case .scripts(let scripts):
            if case .function = scripts.base.kind {
                .function
            } else if case .largeOperator = scripts.base.kind {
                .other
            } else {
                .ordinary
            }
        case .symbol(let symbol), .sizedDelimiter(let symbol, _): OperatorSpacing.side(of: symbol.atomClass)
        case .fenced: left ? .opening : .closing
        case .identifier, .number, .styled, .text, .fraction, .root, .accent, .overUnder, .environment: .ordinary
        case .row(let nodes), .group(let nodes):
            (left ? nodes.first : nodes.last).map { side($0, left: left) } ?? .other
        default: .other
        }
    }

    /// Writes `node` as exactly one element, wrapping it in `<mrow>` when it is several.
    func emitOne(_ node: TeXNode, font: MathFont, into out: inout MathMLOutput) {
        switch node.kind {
        case .row(let nodes) where nodes.count == 1, .group(let nodes) where nodes.count == 1:
            emitOne(nodes[0], font: font, into: &out)
            return
        default:
            break
        }
        if elementCount(node) == 1 {
            emit(node, font: font, after: .opening, into: &out)
        } else {
            out += "<mrow>"
            emitContents(of: node, font: font, into: &out)
            out += "</mrow>"
        }
    }

    private func elementCount(_ node: TeXNode) -> Int {
        switch node.kind {
        case .row(let nodes), .group(let nodes): nodes.count == 1 ? elementCount(nodes[0]) : (nodes.isEmpty ? 0 : 2)
        case .function: 2
        default: 1
        }
    }

    // MARK: - Nodes

    /// Writes one node. `previous` is the atom class of its left sibling when that is a symbol,
    /// `.opening` when it has none, and decides a prefix `−` or `+`.
    func emit(_ node: TeXNode, font: MathFont, after previous: AtomClass?, into out: inout MathMLOutput) {
        switch node.kind {
        case .row, .group:
            emitOne(node, font: font, into: &out)
        case .identifier(let text):
            emitIdentifier(text, font: font, into: &out)
        case .number(let digits):
            out += "<mn>"
            out.appendEscaped(font == .normal ? digits : MathVariant.map(digits, to: font))
            out += "</mn>"
        case .symbol(let symbol):
            emitSymbol(symbol, prefix: isPrefixPosition(symbol, after: previous), into: &out)
        case .largeOperator(let symbol, _):
            out += "<mo>"
            out.appendEscaped(symbol.text)
            out += "</mo>"
        case .function(let name, _):
            out += "<mi>"
            out.appendEscaped(name)
            out += "</mi><mo>\u{2061}</mo>"
        case .styled(let style, let body):
            emitOne(body, font: style, into: &out)
        case .text(let text, let textFont):
            emitText(text, font: textFont, into: &out)
        case .scripts(let scripts):
            emitScripts(scripts, font: font, into: &out)
        case .fraction(let kind, let numerator, let denominator):
            emitFraction(kind, numerator, denominator, font: font, into: &out)
        case .root(let radicand, let index):
            emitRoot(radicand, index: index, font: font, into: &out)
        case .accent(let accent, let base):
            emitAccent(accent, base, font: font, into: &out)
        case .overUnder(let kind, let over, let under, let base):
            emitOverUnder(kind, over: over, under: under, base: base, font: font, into: &out)
        case .fenced(let fence):
            emitFence(fence, font: font, into: &out)
        case .environment(let environment):
            emitEnvironment(environment, font: font, into: &out)
        case .space(let width):
            out += "<mspace width=\"\(Self.em(width))\"/>"
        case .sizedDelimiter(let symbol, let size):
            emitSizedDelimiter(symbol, size: size, into: &out)
        case .mathStyle(let style, let body):
            let (displayStyle, level) =
                switch style {
                case .display: ("true", 0)
                case .text: ("false", 0)
                case .script: ("false", 1)
                case .scriptScript: ("false", 2)
                }
            out += "<mstyle displaystyle=\"\(displayStyle)\" scriptlevel=\"\(level)\">"
            emitContents(of: body, font: font, into: &out)
            out += "</mstyle>"
        case .color(let color, let body):
            out += "<mstyle mathcolor=\""
            out.appendEscaped(color)
            out += "\">"
            emitContents(of: body, font: font, into: &out)
            out += "</mstyle>"
        case .lineBreak:
            out += "<mspace linebreak=\"newline\"/>"
        case .unknownCommand(let name):
            out += "<merror><mtext>"
            out.appendEscaped("\\" + name)
            out += "</mtext></merror>"
        case .error(let text):
            out += "<merror><mtext>"
            out.appendEscaped(text)
            out += "</mtext></merror>"
        }
    }

    private func emitIdentifier(_ text: String, font: MathFont, into out: inout MathMLOutput) {
        switch font {
        case .normal, .italic:
            // TeX sets capital Greek upright; MathML Core would slant a single-letter <mi>.
            if let scalar = text.unicodeScalars.first, (0x391...0x3A9).contains(scalar.value) {
                out += "<mi mathvariant=\"normal\">"
            } else {
                out += "<mi>"
            }
            out.appendEscaped(text)
        case .roman:
            out += text.count == 1 ? "<mi mathvariant=\"normal\">" : "<mi>"
            out.appendEscaped(text)
        default:
            out += "<mi>"
            out.appendEscaped(MathVariant.map(text, to: font))
        }
        out += "</mi>"
    }

    private static let letterLikeSymbols: Set<String> = ["∂", "∇", "∞", "∅", "⊤", "⊥", "ℓ", "ℏ", "ℵ"]

    private func emitSymbol(_ symbol: TeXSymbol, prefix: Bool, into out: inout MathMLOutput) {
        if symbol.atomClass == .ordinary, Self.letterLikeSymbols.contains(symbol.text) {
            out += "<mi>"
            out.appendEscaped(symbol.text)
            out += "</mi>"
            return
        }
        switch symbol.atomClass {
        case .opening, .closing, .fence: out += "<mo stretchy=\"false\">"
        case .punctuation: out += "<mo separator=\"true\">"
        case .binary where prefix: out += "<mo form=\"prefix\">"
        case .binary
        where
            !(symbol.text.unicodeScalars.count == 1
            && OperatorSpacing.dictionarySpacesLikeTeX(binary: symbol.text.unicodeScalars.first!.value)):
            out += OperatorSpacing.binaryOpening.description
        default: out += "<mo>"
        }
        out.appendEscaped(symbol.text)
        out += "</mo>"
    }

    /// A binary operator after nothing, an operator or an opening is unary (`-x`, `= -b`).
    private func isPrefixPosition(_ symbol: TeXSymbol, after previous: AtomClass?) -> Bool {
        guard symbol.atomClass == .binary, let previous else { return false }
        switch previous {
        case .binary, .relation, .opening, .punctuation, .largeOperator: return true
        case .ordinary, .closing, .fence: return false
        }
    }

    private func emitText(_ text: String, font: MathFont, into out: inout MathMLOutput) {
        switch font {
        case .bold: out += "<mtext style=\"font-weight:bold\">"
        case .italic: out += "<mtext style=\"font-style:italic\">"
        case .sansSerif: out += "<mtext style=\"font-family:sans-serif\">"
        case .monospace: out += "<mtext style=\"font-family:monospace\">"
        default: out += "<mtext>"
        }
        // Spaces at the ends of <mtext> collapse in HTML; no-break spaces keep `\text{if }`.
        out.appendEscaped(text.replacingSpaces())
        out += "</mtext>"
    }

    /// A width in em with at most 4 decimals, e.g. `0.1667em`, `-0.1667em`, `1em`.
    static func em(_ width: Double) -> String {
        let tenThousandths = Int((width * 10_000).rounded())
        let sign = tenThousandths < 0 ? "-" : ""
        let magnitude = abs(tenThousandths)
        var fraction = String(magnitude % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return sign + String(magnitude / 10_000) + (fraction.isEmpty ? "" : "." + fraction) + "em"
    }
}

extension String {
    fileprivate func replacingSpaces() -> String {
        guard contains(" ") else { return self }
        return String(map { $0 == " " ? "\u{A0}" : $0 })
    }
}
