import CellRecords
import LessonMarkdown
import LitmusDiagnostics

/// Writes a lesson's Markdown tree as HTML the way GitHub shows it, with formulas as MathML,
/// Swift cells highlighted and hidden cells left out. One visitor over `MarkdownNode`; trees are
/// at most `CommonMarkConverter.maximumDepth` deep, so recursion is bounded.
struct HTMLWriter {
    /// An entry of the table of contents.
    struct TOCEntry: Equatable {
        var level: Int
        var text: String
        var id: String
    }

    let lesson: Lesson
    /// The HTML of each formula, by index.
    let formulas: [String]
    /// Maps a link or image destination (and its position) to the one the page uses.
    let resolve: (_ destination: String, _ isImage: Bool) -> String
    /// Recorded outputs of the lesson's code cells, by the line of the cell's fence.
    let outputs: [Int: CellRecord]

    /// Writes a reference the lesson's dialect marks in its prose (d2l's `:eqref:`, MyST's
    /// `{eq}`, Quarto's `@eq-…`, MathJax's `\eqref{…}` and `\ref{…}`) as a link to its equation;
    /// `nil` shows it as written.
    var labelReference: ((LabelReference) -> String)?

    private(set) var toc: [TOCEntry] = []
    private var slugger = HeadingSlugger()
    /// The lesson's own HTML, sanitized piece by piece across the page.
    private var sanitizer = HTMLSanitizer()
    /// Whether the last code cell showed its recorded output (its ```output block is then not
    /// shown again).
    private var lastCellRecorded = false
    private var out = ""

    init(
        lesson: Lesson, formulas: [String], outputs: [Int: CellRecord],
        resolve: @escaping (_ destination: String, _ isImage: Bool) -> String
    ) {
        self.lesson = lesson
        self.formulas = formulas
        self.outputs = outputs
        self.resolve = resolve
    }

    /// The HTML of the whole document.
    mutating func write() -> String {
        out = ""
        // Room for every formula and a quarter again for the prose and tags: a page of many
        // formulas is not copied each time it outgrows its storage.
        let formulaBytes = formulas.reduce(0) { $0 + $1.utf8.count }
        out.reserveCapacity(formulaBytes + formulaBytes / 4)
        for child in lesson.document.children { block(child, tight: false) }
        out += sanitizer.finish()
        return out
    }

    // Each of the page's own elements is a container for the lesson's HTML: what the lesson
    // opens inside it is closed before it ends (`leaveContainer`), and the lesson's end tags
    // cannot close it.

    // MARK: - Blocks

    private mutating func block(_ node: MarkdownNode, tight: Bool) {
        switch node.kind {
        case .paragraph:
            if isDisplayFormulaParagraph(node) {
                for child in node.children { if case .math = child.kind { inline(child) } }
                out += "\n"
            } else if tight {
                let saved = sanitizer.enterContainer()
                inlines(node.children)
                out += sanitizer.leaveContainer(saved)
                out += "\n"
            } else {
                out += "<p>"
                let saved = sanitizer.enterContainer()
                inlines(node.children)
                out += sanitizer.leaveContainer(saved)
                out += "</p>\n"
            }
        case .heading(let level):
            let text = Lesson.squeezed(node.plainText(math: lesson.math))
            let id = slugger.slug(for: text)
            toc.append(TOCEntry(level: level, text: text, id: id))
            out += "<h\(level) id=\"\(HTMLText.escape(id))\">"
            let saved = sanitizer.enterContainer()
            inlines(node.children)
            out += sanitizer.leaveContainer(saved)
            out +=
                "<a class=\"anchor\" href=\"#\(HTMLText.escape(id))\" aria-label=\"Link to this section\">#</a></h\(level)>\n"
        case .blockQuote:
            out += "<blockquote>\n"
            let saved = sanitizer.enterContainer()
            for child in node.children { block(child, tight: false) }
            out += sanitizer.leaveContainer(saved)
            out += "</blockquote>\n"
        case .list(let ordered, let start, let isTight):
            let tag = ordered ? "ol" : "ul"
            out += ordered && start != 1 ? "<ol start=\"\(start)\">\n" : "<\(tag)>\n"
            for item in node.children { listItem(item, tight: isTight) }
            out += "</\(tag)>\n"
        case .item:
            listItem(node, tight: tight)
        case .thematicBreak:
            out += "<hr />\n"
        case .codeBlock(let info, let literal):
            codeBlock(info: info, literal: literal, line: node.range?.start.line)
        case .htmlBlock(let html):
            out += sanitizer.sanitize(html)
            if !out.hasSuffix("\n") { out += "\n" }
        case .table(let alignments):
            table(node, alignments: alignments)
        case .notebookCell(_, let type):
            out += "<div class=\"cell \(HTMLText.escape(type))\">\n"
            let saved = sanitizer.enterContainer()
            for child in node.children { block(child, tight: false) }
            out += sanitizer.leaveContainer(saved)
            out += "</div>\n"
        case .notebookOutput(let kind, let text):
            out += OutputRenderer.stored(kind: kind, text: text, richer: node.children.first)
        case .notebookDisplay(let type, let data):
            out += OutputRenderer.display(mimeType: type, data: data) ?? ""
        default:
            inline(node)
        }
    }

    private mutating func listItem(_ node: MarkdownNode, tight: Bool) {
        guard case .item(let checked) = node.kind else {
            block(node, tight: tight)
            return
        }
        if let checked {
            out +=
                "<li class=\"task\"><input type=\"checkbox\" disabled=\"disabled\"\(checked ? " checked=\"checked\"" : "") /> "
        } else {
            out += "<li>"
        }
        let saved = sanitizer.enterContainer()
        for child in node.children { block(child, tight: tight) }
        out += sanitizer.leaveContainer(saved)
        out += "</li>\n"
    }

    private func isDisplayFormulaParagraph(_ node: MarkdownNode) -> Bool {
        var sawDisplay = false
        for child in node.children {
            switch child.kind {
            case .math(let index):
                guard index < lesson.math.count, lesson.math[index].isDisplay else { return false }
                sawDisplay = true
            case .softBreak: continue
            case .text(let text) where text.allSatisfy(\.isWhitespace): continue
            default: return false
            }
        }
        return sawDisplay
    }

    private mutating func codeBlock(info: String, literal: String, line: Int?) {
        let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let language = words.first?.lowercased() ?? ""
        if language == "output" {
            if !lastCellRecorded {
                out += "<pre class=\"output\"><samp>" + HTMLText.escape(literal) + "</samp></pre>\n"
            }
            lastCellRecorded = false
            return
        }
        let recorded = line.flatMap { outputs[$0] }
        lastCellRecorded = recorded != nil
        if words.contains("hide") {
            // A hidden cell that failed still says so: a page never hides a failure.
            if let recorded, recorded.status == .failed || recorded.status == .timedOut {
                out += OutputRenderer.recorded(recorded)
            }
            return
        }
        let languageClass = language.isEmpty ? "" : " language-\(HTMLText.escape(language))"
        let body = language == "swift" ? SwiftHighlighter.highlight(literal) : HTMLText.escape(literal)
        var classes = "code\(languageClass)"
        if words.contains("norun") { classes += " norun" }
        if words.contains("throws") { classes += " throws" }
        out += "<pre class=\"\(classes)\"><code>" + body + "</code></pre>\n"
        if let recorded { out += OutputRenderer.recorded(recorded) }
    }

    private mutating func table(_ node: MarkdownNode, alignments: [MarkdownNode.Alignment]) {
        out += "<table>\n"
        for (rowIndex, row) in node.children.enumerated() {
            let header: Bool
            if case .tableRow(let isHeader) = row.kind { header = isHeader } else { header = false }
            if rowIndex == 0 && header { out += "<thead>\n" }
            if rowIndex == 1 || (rowIndex == 0 && !header) { out += "<tbody>\n" }
            out += "<tr>\n"
            for (column, cell) in row.children.enumerated() {
                let tag = header ? "th" : "td"
                let alignment = column < alignments.count ? alignments[column] : .none
                out += alignment == .none ? "<\(tag)>" : "<\(tag) style=\"text-align: \(alignment.rawValue)\">"
                let saved = sanitizer.enterContainer()
                inlines(cell.children)
                out += sanitizer.leaveContainer(saved)
                out += "</\(tag)>\n"
            }
            out += "</tr>\n"
            if rowIndex == 0 && header { out += "</thead>\n" }
        }
        if node.children.count > 1
            || !(node.children.first.map { if case .tableRow(true) = $0.kind { true } else { false } } ?? false)
        {
            out += "</tbody>\n"
        }
        out += "</table>\n"
    }

    // MARK: - Inlines

    private mutating func inlines(_ nodes: [MarkdownNode]) {
        for node in nodes { inline(node) }
    }

    private mutating func inline(_ node: MarkdownNode) {
        switch node.kind {
        case .text(let text):
            out += HTMLText.escape(text)
        case .softBreak:
            out += "\n"
        case .lineBreak:
            out += "<br />\n"
        case .code(let code):
            out += "<code>" + HTMLText.escape(code) + "</code>"
        case .htmlInline(let html):
            out += sanitizer.sanitize(html)
        case .emphasis:
            out += "<em>"
            let saved = sanitizer.enterContainer()
            inlines(node.children)
            out += sanitizer.leaveContainer(saved)
            out += "</em>"
        case .strong:
            out += "<strong>"
            let saved = sanitizer.enterContainer()
            inlines(node.children)
            out += sanitizer.leaveContainer(saved)
            out += "</strong>"
        case .strikethrough:
            out += "<del>"
            let saved = sanitizer.enterContainer()
            inlines(node.children)
            out += sanitizer.leaveContainer(saved)
            out += "</del>"
        case .link(let destination, let title):
            let href = resolve(destination, false)
            // A link to a refused URL (`javascript:`…) keeps its text and loses its target.
            guard URLPolicy.allows(href, as: .link) else {
                let saved = sanitizer.enterContainer()
                inlines(node.children)
                out += sanitizer.leaveContainer(saved)
                return
            }
            out += "<a href=\"\(HTMLText.escape(href))\""
            if !title.isEmpty { out += " title=\"\(HTMLText.escape(title))\"" }
            out += ">"
            let saved = sanitizer.enterContainer()
            inlines(node.children)
            out += sanitizer.leaveContainer(saved)
            out += "</a>"
        case .image(let source, let title):
            let alt = HTMLText.escape(Lesson.squeezed(node.plainText(math: lesson.math)))
            let src = resolve(source, true)
            guard URLPolicy.allows(src, as: .image) else {
                out += alt
                return
            }
            out += "<img src=\"\(HTMLText.escape(src))\" alt=\"" + alt + "\""
            if !title.isEmpty { out += " title=\"\(HTMLText.escape(title))\"" }
            out += " />"
        case .math(let index):
            out += index < formulas.count ? formulas[index] : ""
        case .reference(let index) where lesson.references.indices.contains(index):
            let reference = lesson.references[index]
            // `\ref{…}` in prose is MathJax's, which numbers equations only.
            if reference.isEquation || reference.syntax == .texPlain, let labelReference {
                out += labelReference(reference)
            } else {
                // A section's or figure's number is the dialect's own tool's to give: the reader
                // sees the text the reference names, or its label.
                out += HTMLText.escape(reference.text ?? reference.target)
            }
        default:
            for child in node.children { block(child, tight: true) }
        }
    }
}
