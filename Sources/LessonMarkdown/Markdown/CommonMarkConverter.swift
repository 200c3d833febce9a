import CCMarkGFM
import Foundation
import LitmusDiagnostics

/// The one file that touches cmark-gfm: parses masked Markdown with the GFM extensions and
/// copies the C tree into `MarkdownNode` values, putting the formulas back as it goes.
///
/// Every cmark pointer lives inside `convert`, and everything is freed with `defer`.
struct CommonMarkConverter {
    /// Nodes deeper than this are dropped with an error: deeper trees are never a lesson, and a
    /// bound keeps every later recursive walk safe.
    static let maximumDepth = 256

    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    struct Output {
        var document: MarkdownNode
        var math: [MathSpan]
        var references: [LabelReference]
        var blockLabels: [BlockLabel]
        var diagnostics: [Diagnostic]
    }

    /// cmark-gfm keeps the characters its extensions react to (`~` for strikethrough…) in a
    /// process-wide table that attaching an extension fills and finishing a parse empties, so two
    /// parses at once can lose each other's extensions. Parses are therefore serialised; walking
    /// and copying the finished tree runs in parallel.
    private static let parseLock = NSLock()

    /// Parses masked Markdown with the GFM extensions; the caller frees the root.
    private static func parse(_ masked: [UInt8]) -> OpaquePointer {
        parseLock.lock()
        defer { parseLock.unlock() }
        cmark_gfm_core_extensions_ensure_registered()
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE | CMARK_OPT_VALIDATE_UTF8
        guard let parser = cmark_parser_new(options) else { fatalError("cmark_parser_new failed (out of memory)") }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        masked.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else { fatalError("cmark_parser_finish failed (out of memory)") }
        return root
    }

    /// Parses `scan.masked` and restores the spans `scan` found in `source`, read under
    /// `dialect`; the lesson's formulas and references so far number `first`.
    static func convert(
        source: [UInt8], scan: MathScanner.Result, dialect: MathDialect, sourceMap: SourceMap, cell: Int?,
        first: (math: Int, references: Int)
    ) -> Output {
        let root = parse(scan.masked)
        defer { cmark_node_free(root) }

        var builder = TreeBuilder(
            restorer: MathRestorer(
                source: source, spans: scan.spans, sourceMap: sourceMap, cell: cell, firstIndex: first.math,
                firstReference: first.references, lineStarts: scan.lineStarts
            ),
            sourceMap: sourceMap, myst: dialect.rules.myst
        )
        guard let iterator = cmark_iter_new(root) else { fatalError("cmark_iter_new failed (out of memory)") }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER {
                builder.enter(node)
            } else if event == CMARK_EVENT_EXIT {
                builder.exit()
            }
        }
        let blockLabels = scan.blockLabels.map { mark in
            BlockLabel(
                name: mark.name, syntax: mark.syntax,
                range: sourceMap.range(
                    SourceRange(
                        start: LineStarts.location(ofOffset: mark.range.lowerBound, in: scan.lineStarts),
                        end: LineStarts.location(ofOffset: mark.range.upperBound, in: scan.lineStarts))),
                cell: cell)
        }
        return Output(
            document: builder.finish(), math: builder.restorer.math, references: builder.restorer.references,
            blockLabels: blockLabels, diagnostics: builder.diagnostics)
    }
}

/// Builds the Swift tree from cmark's enter/exit events with an explicit stack (no recursion).
private struct TreeBuilder {
    private struct Frame {
        var kind: MarkdownNode.Kind
        var range: SourceRange?
        var children: [MarkdownNode] = []
        var dropped: Bool
    }

    var restorer: MathRestorer
    let sourceMap: SourceMap
    /// Whether MyST's ```` ```{math} ```` and ```` ```{code-cell} ```` fences are read.
    let myst: Bool
    private var stack: [Frame] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var result: MarkdownNode?

    init(restorer: MathRestorer, sourceMap: SourceMap, myst: Bool) {
        self.restorer = restorer
        self.sourceMap = sourceMap
        self.myst = myst
    }

    private var isDropping: Bool { stack.last?.dropped ?? false }

    mutating func enter(_ node: OpaquePointer) {
        let localRange = self.range(of: node)
        let range = localRange.map(sourceMap.range)
        let kind = self.kind(of: node)
        if !isText(node) { restorer.interruptGroup() }
        if isLeaf(node) {
            guard !isDropping else { return }
            appendLeaf(kind, range: range, localRange: localRange)
            return
        }
        let tooDeep = stack.count >= CommonMarkConverter.maximumDepth
        if tooDeep, !isDropping {
            diagnostics.append(.nestingTooDeep(at: range?.start ?? .start, limit: CommonMarkConverter.maximumDepth))
        }
        stack.append(Frame(kind: kind, range: range, dropped: tooDeep || isDropping))
    }

    mutating func exit() {
        restorer.interruptGroup()
        guard let frame = stack.popLast() else { return }
        let node = MarkdownNode(frame.kind, range: frame.range, children: frame.children)
        if stack.isEmpty {
            result = node
        } else if !frame.dropped {
            stack[stack.count - 1].children.append(node)
        }
    }

    func finish() -> MarkdownNode {
        result ?? MarkdownNode(.document, range: nil)
    }

    private mutating func appendLeaf(_ kind: MarkdownNode.Kind, range: SourceRange?, localRange: SourceRange?) {
        guard !stack.isEmpty else { return }
        var nodes: [MarkdownNode]
        switch kind {
        case .text(let text):
            nodes = restorer.restoreInline(text, range: range)
        case .softBreak, .lineBreak:
            nodes = restorer.isInsideSpan ? [] : [MarkdownNode(kind, range: range)]
        case .code(let text):
            nodes = [MarkdownNode(.code(restorer.restoreLiteral(text, keepsMath: false)), range: range)]
        case .codeBlock(let info, let literal) where localRange != nil && isMathFence(info):
            let index = restorer.appendFence(
                literal, localRange: localRange!, directive: myst && !info.hasPrefix("math"))
            nodes = [MarkdownNode(.paragraph, range: range, children: [MarkdownNode(.math(index), range: range)])]
        case .codeBlock(let info, let literal) where myst && info.hasPrefix("{code-cell}"):
            let (language, code) = MySTCodeCell.read(info: info, literal: literal)
            nodes = [MarkdownNode(.codeBlock(info: language, literal: code), range: range)]
        case .codeBlock(let info, let literal):
            nodes = [
                MarkdownNode(
                    .codeBlock(info: info, literal: restorer.restoreLiteral(literal, keepsMath: false)), range: range)
            ]
        case .htmlBlock(let html):
            nodes = [MarkdownNode(.htmlBlock(restorer.restoreLiteral(html, keepsMath: true)), range: range)]
        case .htmlInline(let html):
            nodes = [MarkdownNode(.htmlInline(restorer.restoreLiteral(html, keepsMath: true)), range: range)]
        default:
            nodes = [MarkdownNode(kind, range: range)]
        }
        stack[stack.count - 1].children.append(contentsOf: nodes)
    }

    /// ```` ```math ````, and in MyST ```` ```{math} ````.
    private func isMathFence(_ info: String) -> Bool {
        let word = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first?.lowercased()
        return word == "math" || (myst && word == "{math}")
    }

    private func isText(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        return type == CMARK_NODE_TEXT || type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK
    }

    private func isLeaf(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE,
            CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK:
            return true
        default:
            return false
        }
    }

    private func range(of node: OpaquePointer) -> SourceRange? {
        let startLine = Int(cmark_node_get_start_line(node))
        let startColumn = Int(cmark_node_get_start_column(node))
        guard startLine > 0, startColumn > 0 else { return nil }
        let start = SourceLocation(line: startLine, column: startColumn)
        let endLine = Int(cmark_node_get_end_line(node))
        let endColumn = Int(cmark_node_get_end_column(node))
        let end = SourceLocation(line: max(endLine, startLine), column: max(endColumn + 1, 1))
        return SourceRange(start: start, end: max(start, end))
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0
            )
        case CMARK_NODE_ITEM:
            // The tasklist extension marks its items; a plain item has no extension.
            guard cmark_node_get_syntax_extension(node) != nil else { return .item(checked: nil) }
            return .item(checked: cmark_gfm_extensions_get_tasklist_item_checked(node))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(
                info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(string(cmark_node_get_literal(node)))
        case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: return .htmlInline(string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default:
            return extensionKind(of: node)
        }
    }

    /// Extension node types have no fixed enum value; they are told apart by type string.
    private func extensionKind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch string(cmark_node_get_type_string(node)) {
        case "table":
            let columns = Int(cmark_gfm_extensions_get_table_columns(node))
            var alignments: [MarkdownNode.Alignment] = []
            if let raw = cmark_gfm_extensions_get_table_alignments(node) {
                for column in 0..<columns {
                    switch raw[column] {
                    case UInt8(ascii: "l"): alignments.append(.left)
                    case UInt8(ascii: "c"): alignments.append(.center)
                    case UInt8(ascii: "r"): alignments.append(.right)
                    default: alignments.append(.none)
                    }
                }
            }
            return .table(alignments: alignments)
        case "table_header": return .tableRow(header: true)
        case "table_row": return .tableRow(header: false)
        case "table_cell": return .tableCell
        case "strikethrough": return .strikethrough
        default: return .paragraph
        }
    }
}
