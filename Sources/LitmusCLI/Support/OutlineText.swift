import LessonMarkdown

/// The human-readable form of an outline, one item per line with its `line:column`.
enum OutlineText {
    static func render(_ outline: LessonOutline) -> String {
        var out = "\(outline.path): \(outline.format) lesson"
        if let title = outline.title { out += " \"\(title)\"" }
        if let language = outline.language { out += " (\(language) notebook)" }
        if outline.dialect != "jupyter" || outline.dialectSource != "standard" {
            out += " in the \(outline.dialect) dialect (\(outline.dialectSource))"
        }
        out += "\n"
        for block in outline.blocks {
            var line = "  " + pad("\(block.line):\(block.column)", 8)
            if let cell = block.cell { line += pad("cell \(cell)", 9) }
            line += pad(block.kind + (block.level.map { " \($0)" } ?? ""), 11)
            if let language = block.language {
                line += ([language] + (block.options ?? [])).joined(separator: " ") + "  "
            }
            line += shorten(block.text ?? "", to: 70)
            if let math = block.math { line += "  [math " + math.map { "#\($0)" }.joined(separator: " ") + "]" }
            out += line + "\n"
        }
        let summary = outline.summary
        out +=
            "formulas: \(summary.math) (\(summary.display) display, \(summary.inline) inline, "
            + "\(summary.groups) groups)\n"
        for formula in outline.math {
            var line = "  " + pad("\(formula.line):\(formula.column)", 8) + pad("#\(formula.index)", 5)
            line += pad(formula.display ? "display" : "inline", 8) + pad(formula.delimiter, 6)
            if formula.group != formula.index { line += "(group #\(formula.group)) " }
            if let labels = formula.labels { line += labels.map { "(\($0)) " }.joined() }
            line += formula.latex.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ⏎ ")
            out += line + "\n"
        }
        out += "images: \(summary.images)\n"
        for image in outline.images {
            out +=
                "  " + pad("\(image.line):\(image.column)", 8) + image.destination
                + (image.text.isEmpty ? "" : "  \"\(image.text)\"") + "\n"
        }
        out += "links: \(summary.links)\n"
        for link in outline.links {
            out +=
                "  " + pad("\(link.line):\(link.column)", 8) + link.destination
                + (link.text.isEmpty ? "" : "  \"\(link.text)\"") + "\n"
        }
        out +=
            "code cells: \(summary.codeCells), headings: \(summary.headings), "
            + "errors: \(summary.errors), warnings: \(summary.warnings)\n"
        return out
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    private static func shorten(_ text: String, to limit: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ⏎ ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }
}
