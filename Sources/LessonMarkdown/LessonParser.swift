import LitmusDiagnostics

/// Reads lessons: Markdown (any extension but `.ipynb`) and Jupyter notebooks (nbformat 4).
///
/// Takes bytes, returns values: the caller reads the file. Content that cannot be read at all
/// (invalid UTF-8, a binary file, broken notebook JSON) throws its diagnostic; everything else
/// gives a `Lesson` whose `diagnostics` say what was odd.
public enum LessonParser {
    /// Parses a lesson file's bytes; `path` decides the format and names the lesson.
    public static func parse(_ bytes: [UInt8], path: String) throws(DiagnosticFailure) -> Lesson {
        let source: LessonSource
        switch LessonSource.decode(bytes) {
        case .success(let decoded): source = decoded
        case .failure(let failure): throw failure
        }
        if path.lowercased().hasSuffix(".ipynb") {
            return try NotebookReader.read(source.bytes, path: path)
        }
        let (output, warnings) = parseMarkdown(source.bytes, sourceMap: .identity, cell: nil, firstMathIndex: 0)
        return Lesson(
            path: path, format: .markdown, document: output.document, math: output.math,
            diagnostics: warnings + output.diagnostics
        )
    }

    /// Parses a Markdown string (tests, notebook cells): `parse` without the file handling.
    public static func parse(markdown: String, path: String = "<string>") -> Lesson {
        do {
            return try parse(Array(markdown.utf8), path: path)
        } catch {
            return Lesson(
                path: path, format: .markdown, document: MarkdownNode(.document, range: nil), math: [],
                diagnostics: [error.diagnostic])
        }
    }

    /// Masks the math, parses with cmark-gfm and restores the math, for one Markdown text.
    static func parseMarkdown(
        _ bytes: [UInt8], sourceMap: SourceMap, cell: Int?, firstMathIndex: Int
    ) -> (CommonMarkConverter.Output, [Diagnostic]) {
        var bytes = bytes
        var warnings: [Diagnostic] = []
        // The scanner's fillers must not occur in the text itself: such control characters are
        // replaced by spaces (same width, so positions hold).
        if bytes.contains(where: { $0 == MathScanner.fillers.0 || $0 == MathScanner.fillers.1 }) {
            var line = 1
            var lineStart = 0
            for index in bytes.indices {
                if bytes[index] == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = index + 1
                } else if bytes[index] == MathScanner.fillers.0 || bytes[index] == MathScanner.fillers.1 {
                    let location = SourceLocation(line: line, column: index - lineStart + 1)
                    warnings.append(
                        sourceMap.diagnostic(
                            Diagnostic(
                                .warning, .controlCharacter,
                                "control character U+000\(bytes[index]) replaced by a space",
                                at: SourceRange(at: location))))
                    bytes[index] = UInt8(ascii: " ")
                }
            }
        }
        let scan = MathScanner.scan(bytes)
        let output = CommonMarkConverter.convert(
            source: bytes, scan: scan, sourceMap: sourceMap, cell: cell, firstMathIndex: firstMathIndex
        )
        var mapped = output
        mapped.diagnostics = scan.diagnostics.map(sourceMap.diagnostic) + output.diagnostics
        return (mapped, warnings)
    }
}
