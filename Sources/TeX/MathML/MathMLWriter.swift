/// Writes a flat `SyntaxTree` as MathML Core: `<math display=…>` holding `<semantics>`, the
/// presentation markup and an `<annotation encoding="application/x-tex">` with the source.
///
/// This is the renderer's hot path, so it writes into one byte buffer: markup from
/// `StaticString`s, text copied from the tree's bytes with the same XML escaping, no `String`,
/// array or closure per node. Only letters in a font outside ASCII (`\mathbf{θ}`) and a few
/// Unicode corner cases take a slower path through `String`; they are marked where they occur.
/// `Tests/TeXTests/Golden/corpus-*.txt` hold its output on the test corpus.
struct MathMLWriter: Sendable {
    /// Whether the formula is display (`display="block"`) or inline math.
    var display: Bool
    /// The text each label's `\ref` and `\eqref` show (its equation number), by label name.
    var references: [String: String]

    /// Creates a writer for display or inline math.
    init(display: Bool, references: [String: String] = [:]) {
        self.display = display
        self.references = references
    }

    /// The `<math>` element for `tree` and its LaTeX source. O(n) in the size of the tree and
    /// its text.
    func write(_ tree: SyntaxTree, latex: String) -> String {
        tree.nodes.withUnsafeBufferPointer { nodes in
            tree.children.withUnsafeBufferPointer { children in
                tree.text.withUnsafeBufferPointer { text in
                    // The MathML is written straight into the string's storage, sized for about
                    // ten bytes of MathML per byte of LaTeX with room to spare; a formula that
                    // needs more is finished in a buffer of its own and copied.
                    var spilled: MathMLBytes?
                    let written = String(unsafeUninitializedCapacity: 512 + latex.utf8.count * 16) { memory in
                        var emitter = Emitter(
                            display: display, references: references, nodes: nodes, children: children,
                            text: text, out: MathMLBytes(into: memory))
                        emitter.write(root: tree.root, latex: latex)
                        if emitter.out.isInPlace { return emitter.out.count }
                        spilled = emitter.out
                        return 0
                    }
                    guard let spilled else { return written }
                    defer { spilled.deallocate() }
                    return spilled.string
                }
            }
        }
    }
}

extension MathMLWriter {
    /// The state of one `write`: the tree's three arrays, borrowed for the call, and the output.
    struct Emitter {
        let display: Bool
        let references: [String: String]
        let nodes: UnsafeBufferPointer<SyntaxNode>
        let children: UnsafeBufferPointer<SyntaxNode.ID>
        let text: UnsafeBufferPointer<UInt8>
        var out: MathMLBytes

        mutating func write(root: SyntaxNode.ID, latex: String) {
            out.append("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"")
            if display { out.append("block") } else { out.append("inline") }
            out.append("\"><semantics><mrow>")
            emitContents(of: node(root), font: .normal)
            out.append("</mrow><annotation encoding=\"application/x-tex\">")
            out.appendEscaped(latex)
            out.append("</annotation></semantics></math>")
        }

        // MARK: - Tree access

        @inline(__always)
        func node(_ id: SyntaxNode.ID) -> SyntaxNode {
            nodes[Int(id)]
        }

        /// The `index`-th entry of `list`'s child list.
        @inline(__always)
        func child(_ list: SyntaxNode, _ index: Int) -> SyntaxNode {
            nodes[Int(children[Int(list.first) + index])]
        }

        /// The text of `node`.
        @inline(__always)
        func bytes(_ node: SyntaxNode) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: text[Int(node.textStart)..<Int(node.textStart + node.textCount)])
        }

        // MARK: - Rows

        /// Writes the children of a row or group side by side (no `<mrow>` around them), or the
        /// node itself for any other kind.
        mutating func emitContents(of node: SyntaxNode, font: MathFont) {
            guard node.kind == .row || node.kind == .group else {
                emit(node, font: font, after: .opening)
                return
            }
            var previous: AtomClass? = .opening
            let count = Int(node.second)
            for index in 0..<count {
                let child = child(node, index)
                let isFunction =
                    child.kind == .function || (child.kind == .scripts && self.node(child.first).kind == .function)
                if isFunction, index > 0,
                    OperatorSpacing.spaceBefore(after: side(self.child(node, index - 1), left: false))
                {
                    out.append(OperatorSpacing.thinSpace)
                }
                emit(child, font: font, after: previous)
                if isFunction, index + 1 < count,
                    OperatorSpacing.spaceAfter(before: side(self.child(node, index + 1), left: true))
                {
                    out.append(OperatorSpacing.thinSpace)
                }
                switch child.kind {
                case .symbol: previous = child.atomClass
                case .largeOperator: previous = .largeOperator
                default: previous = nil
                }
            }
        }

        /// How `node` starts (`left`) or ends, for the spacing around a named operator beside it.
        func side(_ node: SyntaxNode, left: Bool) -> OperatorSpacing.Side {
            switch node.kind {
            case .function: return .function
            case .scripts:
                let base = self.node(node.first)
                return base.kind == .function ? .function : base.kind == .largeOperator ? .other : .ordinary
            case .symbol, .divider: return OperatorSpacing.side(of: node.atomClass)
            case .sizedDelimiter: return OperatorSpacing.side(of: self.node(node.first).atomClass)
            case .fenced: return left ? .opening : .closing
            case .identifier, .number, .styled, .text, .fraction, .root, .accent, .overUnder, .table, .enclosed,
                .reference:
                return .ordinary
            case .sizing: return side(self.node(node.first), left: left)
            case .row, .group:
                guard node.second > 0 else { return .other }
                return side(child(node, left ? 0 : Int(node.second) - 1), left: left)
            default: return .other
            }
        }

        /// Writes `node` as exactly one element, wrapping it in `<mrow>` when it is several.
        ///
        /// A loop unwraps rows and groups of one child; what is left is several elements exactly
        /// when it is a row or group (of 0 or ≥ 2 children), a function (`<mi>` + U+2061) or a
        /// function with scripts.
        mutating func emitOne(_ node: SyntaxNode, font: MathFont) {
            var node = node
            while node.kind == .row || node.kind == .group, node.second == 1 {
                node = child(node, 0)
            }
            switch node.kind {
            case .row, .group, .function:
                out.append("<mrow>")
                emitContents(of: node, font: font)
                out.append("</mrow>")
            case .scripts where self.node(node.first).kind == .function:
                // `\max_x` is the scripted name and U+2061 after it: two elements.
                out.append("<mrow>")
                emit(node, font: font, after: .opening)
                out.append("</mrow>")
            case .label, .tag, .noNumber:
                // Shows nothing, but holds its place (`\frac\label{a}b` has two parts).
                out.append("<mrow></mrow>")
            default:
                emit(node, font: font, after: .opening)
            }
        }

        // MARK: - Nodes

        /// Writes one node. `previous` is the atom class of its left sibling when that is a
        /// symbol, `.opening` when it has none, and decides a prefix `−` or `+`.
        mutating func emit(_ node: SyntaxNode, font: MathFont, after previous: AtomClass?) {
            switch node.kind {
            case .row, .group:
                emitOne(node, font: font)
            case .identifier:
                emitIdentifier(node, font: font)
            case .number:
                out.append("<mn>")
                if font == .normal { out.appendEscaped(bytes(node)) } else { appendVariant(bytes(node), font: font) }
                out.append("</mn>")
            case .symbol:
                emitSymbol(node, prefix: Self.isPrefixPosition(node.atomClass, after: previous))
            case .largeOperator:
                out.append("<mo>")
                out.appendEscaped(bytes(node))
                out.append("</mo>")
            case .function:
                out.append("<mi>")
                out.appendEscaped(bytes(node))
                out.append("</mi><mo>\u{2061}</mo>")
            case .styled:
                emitOne(self.node(node.first), font: MathFont(code: node.a))
            case .text:
                emitText(node)
            case .scripts:
                emitScripts(node, font: font)
            case .fraction:
                emitFraction(node, font: font)
            case .root:
                emitRoot(node, font: font)
            case .accent:
                emitAccent(node, font: font)
            case .overUnder:
                emitOverUnder(node, font: font)
            case .fenced:
                emitFence(node, font: font)
            case .table:
                emitTable(node, font: font)
            case .tableRow:
                preconditionFailure("a table row is written only through its table")
            case .space:
                out.append("<mspace width=\"")
                out.appendEm(node.width)
                out.append("\"/>")
            case .sizedDelimiter:
                emitSizedDelimiter(node)
            case .mathStyle:
                switch MathStyle(code: node.a) {
                case .display: out.append("<mstyle displaystyle=\"true\" scriptlevel=\"0\">")
                case .text: out.append("<mstyle displaystyle=\"false\" scriptlevel=\"0\">")
                case .script: out.append("<mstyle displaystyle=\"false\" scriptlevel=\"1\">")
                case .scriptScript: out.append("<mstyle displaystyle=\"false\" scriptlevel=\"2\">")
                }
                emitContents(of: self.node(node.first), font: font)
                out.append("</mstyle>")
            case .color:
                out.append("<mstyle mathcolor=\"")
                out.appendEscaped(bytes(node))
                out.append("\">")
                emitContents(of: self.node(node.first), font: font)
                out.append("</mstyle>")
            case .lineBreak:
                out.append("<mspace linebreak=\"newline\"/>")
            case .label, .tag, .noNumber:
                // Numbers are the page's to place: MathML's `<mlabeledtr>` is drawn by no browser.
                break
            case .reference:
                emitReference(node)
            case .divider:
                if node.b != 0 {
                    out.append("<mo fence=\"true\" stretchy=\"true\">")
                    out.appendEscaped(bytes(node))
                    out.append("</mo>")
                } else {
                    emitSymbol(node, prefix: false)
                }
            case .enclosed:
                emitEnclosed(node, font: font)
            case .phantom:
                emitPhantom(node, font: font)
            case .sizing:
                emitSizing(node, font: font)
            case .unknownCommand:
                out.append("<merror><mtext>\\")
                out.appendEscaped(bytes(node))
                out.append("</mtext></merror>")
            case .error:
                out.append("<merror><mtext>")
                out.appendEscaped(bytes(node))
                out.append("</mtext></merror>")
            }
        }

        private mutating func emitSymbol(_ node: SyntaxNode, prefix: Bool) {
            let text = bytes(node)
            let atomClass = node.atomClass
            if atomClass == .ordinary, Self.isLetterLike(text) {
                out.append("<mi>")
                out.appendEscaped(text)
                out.append("</mi>")
                return
            }
            switch atomClass {
            case .opening, .closing, .fence: out.append("<mo stretchy=\"false\">")
            case .punctuation: out.append("<mo separator=\"true\">")
            case .binary where prefix: out.append("<mo form=\"prefix\">")
            case .binary
            where !(OperatorSpacing.singleScalar(text).map(OperatorSpacing.dictionarySpacesLikeTeX) ?? false):
                out.append(OperatorSpacing.binaryOpening)
            default: out.append("<mo>")
            }
            out.appendEscaped(text)
            out.append("</mo>")
        }

        /// Whether `text` is one of the ordinary symbols written as `<mi>`, as letters are:
        /// ∂ ∇ ∞ ∅ ⊤ ⊥ ℓ ℏ ℵ, each three UTF-8 bytes.
        private static func isLetterLike(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
            guard text.count == 3, text[0] & 0xF0 == 0xE0 else { return false }
            let scalar = UInt32(text[0] & 0x0F) << 12 | UInt32(text[1] & 0x3F) << 6 | UInt32(text[2] & 0x3F)
            switch scalar {
            case 0x2202, 0x2207, 0x221E, 0x2205, 0x22A4, 0x22A5, 0x2113, 0x210F, 0x2135: return true
            default: return false
            }
        }

        /// A binary operator after nothing, an operator or an opening is unary (`-x`, `= -b`).
        @inline(__always)
        private static func isPrefixPosition(_ atomClass: AtomClass, after previous: AtomClass?) -> Bool {
            guard atomClass == .binary, let previous else { return false }
            switch previous {
            case .binary, .relation, .opening, .punctuation, .largeOperator: return true
            case .ordinary, .closing, .fence: return false
            }
        }
    }
}
