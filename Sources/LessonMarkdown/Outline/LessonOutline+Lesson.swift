import LitmusDiagnostics

extension LessonOutline {
    /// The outline of a lesson.
    public init(_ lesson: Lesson) {
        var blocks: [Block] = []
        for child in lesson.document.children {
            if case .notebookCell(let index, _) = child.kind {
                for block in child.children { blocks.append(Self.block(block, cell: index, lesson: lesson)) }
            } else {
                blocks.append(Self.block(child, cell: nil, lesson: lesson))
            }
        }
        let formulas = lesson.math.map { span in
            Formula(
                index: span.index, line: span.range.start.line, column: span.range.start.column,
                endLine: span.range.end.line, endColumn: span.range.end.column, display: span.isDisplay,
                delimiter: span.delimiter.name, latex: span.latex, group: span.group, cell: span.cell,
                labels: span.labels.isEmpty ? nil : span.labels.map(\.name))
        }
        func reference(_ reference: Lesson.Reference) -> Reference {
            Reference(
                line: reference.range?.start.line ?? 0, column: reference.range?.start.column ?? 0,
                destination: reference.destination, text: reference.text, title: reference.title)
        }
        let diagnostics = lesson.diagnostics.sorted { $0.location < $1.location }.map {
            Message(
                line: $0.location.line, column: $0.location.column, severity: $0.severity.rawValue,
                id: $0.id.rawValue, message: $0.message)
        }
        // A group is a first span that a later one joins.
        let groupCount = Set(lesson.math.filter { $0.group != $0.index }.map(\.group)).count
        let references = lesson.references.map {
            LabelReference(
                line: $0.range.start.line, column: $0.range.start.column, target: $0.target,
                syntax: $0.syntax.rawValue, formula: $0.formula)
        }
        self.init(
            path: lesson.path, format: lesson.format.rawValue, dialect: lesson.dialect.rawValue,
            dialectSource: lesson.dialectSource.rawValue, title: lesson.title, language: lesson.notebookLanguage,
            blocks: blocks, math: formulas, images: lesson.images.map(reference), links: lesson.links.map(reference),
            references: references, diagnostics: diagnostics,
            summary: Summary(
                math: formulas.count, display: formulas.filter(\.display).count,
                inline: formulas.filter { !$0.display }.count, groups: groupCount,
                headings: lesson.headings.count, codeCells: lesson.codeCells.count,
                images: lesson.images.count, links: lesson.links.count,
                errors: diagnostics.filter { $0.severity == "error" }.count,
                warnings: diagnostics.filter { $0.severity == "warning" }.count))
    }

    private static func block(_ node: MarkdownNode, cell: Int?, lesson: Lesson) -> Block {
        var block = Block(
            kind: "paragraph", line: node.range?.start.line ?? 0, column: node.range?.start.column ?? 0, cell: cell)
        var formulas: [Int] = []
        node.forEachDescendant { if case .math(let index) = $0.kind { formulas.append(index) } }
        block.math = formulas.isEmpty ? nil : formulas
        switch node.kind {
        case .heading(let level):
            block.kind = "heading"
            block.level = level
            block.text = Lesson.squeezed(node.plainText(math: lesson.math))
        case .paragraph:
            let onlyMath = node.children.allSatisfy {
                switch $0.kind {
                case .math: true
                case .softBreak: true
                case .text(let text): text.allSatisfy(\.isWhitespace)
                default: false
                }
            }
            block.kind = onlyMath && !formulas.isEmpty ? "math" : "paragraph"
            block.text = Lesson.squeezed(node.plainText(math: lesson.math))
        case .list:
            block.kind = "list"
            block.text = Lesson.squeezed(node.plainText(math: lesson.math))
        case .blockQuote:
            block.kind = "quote"
            block.text = Lesson.squeezed(node.plainText(math: lesson.math))
        case .table:
            block.kind = "table"
            block.text = Lesson.squeezed(node.plainText(math: lesson.math))
        case .htmlBlock(let html):
            block.kind = "html"
            block.text = html
        case .thematicBreak:
            block.kind = "rule"
        case .codeBlock(let info, let literal):
            let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            let language = words.first?.lowercased() ?? ""
            block.kind = language == "output" ? "output" : language == "math" ? "math" : "code"
            block.text = literal
            if block.kind == "code" {
                block.language = language
                block.options = Array(words.dropFirst())
            }
        case .notebookOutput(let kind, let text):
            block.kind = "output"
            block.language = kind
            block.text = text
        default:
            block.text = Lesson.squeezed(node.plainText(math: lesson.math))
        }
        return block
    }
}
