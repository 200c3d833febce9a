import LitmusDiagnostics

/// A node of a lesson's Markdown tree: cmark-gfm's tree copied into Swift values, with the
/// formulas put back as `.math` nodes.
public struct MarkdownNode: Hashable, Sendable {
    /// The column alignment of a GFM table.
    public enum Alignment: String, Hashable, Sendable {
        case none, left, center, right
    }

    /// What a node is; block kinds first, then inline kinds.
    public enum Kind: Hashable, Sendable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        /// A list item; `checked` is set for a GFM task-list item.
        case item(checked: Bool?)
        case paragraph
        case heading(level: Int)
        case thematicBreak
        /// A fenced or indented code block: the whole info string and the code.
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case table(alignments: [Alignment])
        case tableRow(header: Bool)
        case tableCell
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case strikethrough
        case link(destination: String, title: String)
        case image(source: String, title: String)
        /// A formula: the index into `Lesson.math`.
        case math(Int)
        /// A reference in the prose (d2l's `:eqref:`, MyST's `{eq}`, Quarto's `@eq-…`): the index
        /// into `Lesson.references`. Its children are the reference as written, for a renderer
        /// that does not resolve it.
        case reference(Int)
        /// A notebook cell (0-based index, `cell_type`) holding the cell's blocks.
        case notebookCell(index: Int, type: String)
        /// A stored output of a notebook code cell (`stream`, `execute_result`…) as text; its child,
        /// if any, is the same output in a richer form (`.notebookDisplay`).
        case notebookOutput(kind: String, text: String)
        /// A stored output as a browser shows it: `text/html`, `text/markdown`, `image/svg+xml`, or
        /// `image/png` / `image/jpeg` (base64), exactly as the notebook holds it.
        case notebookDisplay(mimeType: String, data: String)
    }

    public var kind: Kind
    /// Where the node stands in the file; `nil` where cmark gives no position (line breaks).
    public var range: SourceRange?
    public var children: [MarkdownNode]

    public init(_ kind: Kind, range: SourceRange?, children: [MarkdownNode] = []) {
        self.kind = kind
        self.range = range
        self.children = children
    }

    /// The node's text as a reader sees it: text, code and formulas (as `$latex$`), no HTML.
    public func plainText(math: [MathSpan]) -> String {
        var out = ""
        appendPlainText(to: &out, math: math)
        return out
    }

    private func appendPlainText(to out: inout String, math: [MathSpan]) {
        switch kind {
        case .text(let text), .code(let text):
            out += text
        case .softBreak, .lineBreak:
            out += " "
        case .math(let index):
            out += index < math.count ? "$" + math[index].latex + "$" : ""
        case .htmlInline, .htmlBlock:
            break
        case .paragraph, .heading, .tableCell, .codeBlock, .item:
            for child in children { child.appendPlainText(to: &out, math: math) }
            out += " "
        default:
            for child in children { child.appendPlainText(to: &out, math: math) }
        }
    }

    /// Calls `visit` on this node and every descendant in document order (pre-order), without
    /// recursion, so trees of any depth are safe.
    public func forEachDescendant(_ visit: (MarkdownNode) throws -> Void) rethrows {
        var stack: [MarkdownNode] = [self]
        while let node = stack.popLast() {
            try visit(node)
            stack.append(contentsOf: node.children.reversed())
        }
    }
}
