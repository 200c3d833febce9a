import LitmusDiagnostics

/// Reads a Jupyter notebook (nbformat 4): markdown cells with the lesson rules, code cells as
/// cells of the notebook's language, stored outputs as text.
///
/// Positions point into the `.ipynb` file itself (the line and column of the character inside
/// its JSON string), so an editor opens the right place; the cell index comes along too.
enum NotebookReader {
    static func read(_ bytes: [UInt8], path: String, dialect course: MathDialect?) throws(DiagnosticFailure) -> Lesson {
        let json = try JSONParser.parse(bytes)
        guard case .object = json else {
            throw structureError("a notebook is a JSON object, not \(json.typeName)", at: json)
        }
        if let version = json["nbformat"] {
            guard case .number(let major, _) = version, major == 4 else {
                throw DiagnosticFailure(
                    Diagnostic(
                        .error, .notebookVersion,
                        "only nbformat 4 notebooks are read; convert with 'jupyter nbconvert --to notebook --nbformat 4'",
                        at: SourceRange(at: version.location)))
            }
        }
        guard let cellsValue = json["cells"] else {
            throw structureError("the notebook has no \"cells\" array", at: json)
        }
        guard case .array(let cells, _) = cellsValue else {
            throw structureError("\"cells\" must be an array, not \(cellsValue.typeName)", at: cellsValue)
        }
        let language =
            (json["metadata"]?["kernelspec"]?["language"]?.stringValue
            ?? json["metadata"]?["language_info"]?["name"]?.stringValue ?? "python").lowercased()

        // The cells' sources first: the dialect is the whole notebook's, surveyed over every
        // markdown cell before any is read.
        var sources: [(text: String, map: SourceMap, start: SourceLocation)] = []
        var markdown: [Int: MarkdownText] = [:]
        var survey = DialectSurvey()
        for (index, cell) in cells.enumerated() {
            guard case .object = cell else {
                throw structureError("cell \(index) must be an object, not \(cell.typeName)", at: cell)
            }
            let (text, map, sourceStart) = try source(of: cell, index: index)
            sources.append((text, map, sourceStart))
            if cell["cell_type"]?.stringValue == "markdown" {
                var reader = MarkdownText(Array(text.utf8), sourceMap: map)
                survey.merge(reader.survey())
                markdown[index] = reader
            }
        }
        let choice = MathDialect.choose(survey: survey, course: course, path: path)

        var children: [MarkdownNode] = []
        var math: [MathSpan] = []
        var references: [LabelReference] = []
        var blockLabels: [BlockLabel] = []
        var diagnostics: [Diagnostic] = choice.diagnostics
        for (index, cell) in cells.enumerated() {
            let type = cell["cell_type"]?.stringValue ?? ""
            let (text, _, sourceStart) = sources[index]
            var blocks: [MarkdownNode] = []
            switch type {
            case "markdown":
                guard var reader = markdown[index] else { continue }
                let output = reader.parse(
                    dialect: choice.dialect, cell: index, first: (math.count, references.count))
                blocks = output.document.children
                math += output.math
                references += output.references
                blockLabels += output.blockLabels
                diagnostics += reader.warnings + output.diagnostics
            case "code":
                var info = language
                for tag in tags(of: cell) where ["hide", "norun", "throws"].contains(tag) { info += " " + tag }
                blocks.append(MarkdownNode(.codeBlock(info: info, literal: text), range: SourceRange(at: sourceStart)))
                blocks += outputs(of: cell)
            case "raw":
                blocks.append(MarkdownNode(.codeBlock(info: "raw", literal: text), range: SourceRange(at: sourceStart)))
            default:
                diagnostics.append(
                    Diagnostic(
                        .warning, .notebookStructure, "cell \(index) has unknown cell_type '\(type)'; it is skipped",
                        at: SourceRange(at: cell.location)))
                continue
            }
            children.append(
                MarkdownNode(
                    .notebookCell(index: index, type: type), range: SourceRange(at: cell.location), children: blocks))
        }
        let document = MarkdownNode(.document, range: SourceRange(at: .start), children: children)
        return Lesson(
            path: path, format: .notebook, document: document, math: math, diagnostics: diagnostics,
            notebookLanguage: language, dialect: choice.dialect, dialectSource: choice.source,
            references: references, blockLabels: blockLabels
        )
    }

    private static func structureError(_ message: String, at value: JSONValue) -> DiagnosticFailure {
        DiagnosticFailure(
            Diagnostic(
                .error, .notebookStructure, "not a Jupyter notebook: \(message)",
                at: SourceRange(at: value.location)))
    }

    /// A cell's `source` (a string or a list of strings) joined, with the map from its lines and
    /// columns to the file, and the position of its first character.
    private static func source(of cell: JSONValue, index: Int) throws(DiagnosticFailure) -> (
        String, SourceMap, SourceLocation
    ) {
        let pieces: [JSONString]
        switch cell["source"] {
        case .string(let string):
            pieces = [string]
        case .array(let elements, _):
            var strings: [JSONString] = []
            for element in elements {
                guard case .string(let string) = element else {
                    throw structureError(
                        "cell \(index) \"source\" must hold strings, not \(element.typeName)", at: element)
                }
                strings.append(string)
            }
            pieces = strings
        case nil:
            throw structureError("cell \(index) has no \"source\"", at: cell)
        case .some(let other):
            throw structureError(
                "cell \(index) \"source\" must be a string or a list of strings, not \(other.typeName)",
                at: other)
        }
        var text: [UInt8] = []
        var lines: [[SourceMap.Anchor]] = [[]]
        for piece in pieces {
            let bytes = Array(piece.value.utf8)
            var anchorIndex = 0
            var lineOffset = text.count - (text.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0)
            for (offset, byte) in bytes.enumerated() {
                // Anchor each run that starts here: the string's start and after every escape.
                while anchorIndex < piece.anchors.count, piece.anchors[anchorIndex].offset <= offset {
                    if piece.anchors[anchorIndex].offset == offset {
                        let location = piece.anchors[anchorIndex].location
                        lines[lines.count - 1].append(SourceMap.Anchor(offset: lineOffset, location: location))
                    }
                    anchorIndex += 1
                }
                text.append(byte)
                if byte == UInt8(ascii: "\n") {
                    lines.append([])
                    lineOffset = 0
                    // The next line continues right after the escape `\n` (two bytes in the file).
                    let previous = lastLocation(in: lines[lines.count - 2], at: offset, of: piece)
                    lines[lines.count - 1].append(SourceMap.Anchor(offset: 0, location: previous))
                } else {
                    lineOffset += 1
                }
            }
        }
        let start =
            pieces.first.map { SourceLocation(line: $0.location.line, column: $0.location.column + 1) } ?? .start
        for index in lines.indices where lines[index].isEmpty {
            lines[index] = [SourceMap.Anchor(offset: 0, location: start)]
        }
        return (String(decoding: text, as: UTF8.self), SourceMap(lines: lines), start)
    }

    /// The file position just after the decoded `\n` at `offset` of `piece` (its escape is two bytes).
    private static func lastLocation(in anchors: [SourceMap.Anchor], at offset: Int, of piece: JSONString)
        -> SourceLocation
    {
        let anchor = piece.anchors.last { $0.offset <= offset + 1 } ?? piece.anchors[0]
        if anchor.offset == offset + 1 { return anchor.location }
        return SourceLocation(line: anchor.location.line, column: anchor.location.column + offset + 1 - anchor.offset)
    }

    private static func tags(of cell: JSONValue) -> [String] {
        guard case .array(let values, _)? = cell["metadata"]?["tags"] else { return [] }
        return values.compactMap(\.stringValue)
    }

    /// The rich forms a page shows, in Jupyter's order of preference (script-bearing forms such as
    /// `application/javascript` are never read).
    static let displayTypes = ["text/html", "text/markdown", "image/svg+xml", "image/png", "image/jpeg"]

    /// Stored outputs of a code cell as text (streams, and the `text/plain` of results), each with
    /// its richest displayable form as a child.
    private static func outputs(of cell: JSONValue) -> [MarkdownNode] {
        guard case .array(let outputs, _)? = cell["outputs"] else { return [] }
        return outputs.compactMap { output -> MarkdownNode? in
            var kind = output["output_type"]?.stringValue ?? "output"
            // Only standard output is compared; standard error is shown as its own kind.
            if kind == "stream", output["name"]?.stringValue == "stderr" { kind = "stderr" }
            let range = SourceRange(at: output.location)
            let display = displayTypes.lazy.compactMap { type in
                joinedText(output["data"]?[type]).map {
                    MarkdownNode(.notebookDisplay(mimeType: type, data: $0), range: range)
                }
            }.first
            guard let text = joinedText(output["text"] ?? output["data"]?["text/plain"] ?? output["evalue"]) else {
                return display
            }
            return MarkdownNode(
                .notebookOutput(kind: kind, text: text), range: range, children: display.map { [$0] } ?? [])
        }
    }

    /// A string, or a list of strings joined (how nbformat stores multi-line text).
    private static func joinedText(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let string): string.value
        case .array(let parts, _): parts.compactMap(\.stringValue).joined()
        default: nil
        }
    }
}
