import LitmusDiagnostics

/// Reads lessons: Markdown (any extension but `.ipynb`) and Jupyter notebooks (nbformat 4).
///
/// Takes bytes, returns values: the caller reads the file (and the course file). Content that
/// cannot be read at all (invalid UTF-8, a binary file, broken notebook JSON) throws its
/// diagnostic; everything else gives a `Lesson` whose `diagnostics` say what was odd.
public enum LessonParser {
    /// Parses a lesson file's bytes; `path` decides the format and names the lesson. `dialect`
    /// is the course's (`dialect:` in `litmus.yml`), which holds unless the lesson names its own
    /// or its markup shows another (`MathDialect.choose`).
    public static func parse(
        _ bytes: [UInt8], path: String, dialect: MathDialect? = nil
    ) throws(DiagnosticFailure) -> Lesson {
        let source: LessonSource
        switch LessonSource.decode(bytes) {
        case .success(let decoded): source = decoded
        case .failure(let failure): throw failure
        }
        if path.lowercased().hasSuffix(".ipynb") {
            return try NotebookReader.read(source.bytes, path: path, dialect: dialect)
        }
        var text = MarkdownText(source.bytes, sourceMap: .identity)
        let choice = MathDialect.choose(survey: text.survey(), course: dialect, path: path)
        let output = text.parse(dialect: choice.dialect, cell: nil, first: (0, 0))
        return Lesson(
            path: path, format: .markdown, document: output.document, math: output.math,
            diagnostics: choice.diagnostics + text.warnings + output.diagnostics, dialect: choice.dialect,
            dialectSource: choice.source, references: output.references, blockLabels: output.blockLabels
        )
    }

    /// Parses a Markdown string (tests, notebook cells): `parse` without the file handling.
    public static func parse(markdown: String, path: String = "<string>", dialect: MathDialect? = nil) -> Lesson {
        do {
            return try parse(Array(markdown.utf8), path: path, dialect: dialect)
        } catch {
            return Lesson(
                path: path, format: .markdown, document: MarkdownNode(.document, range: nil), math: [],
                diagnostics: [error.diagnostic])
        }
    }
}

/// One Markdown text being read (a file, or a notebook's markdown cell): its bytes made safe
/// for masking, its lines classified once for the survey of its dialect and the parse.
struct MarkdownText {
    private var scanner: MathScanner
    private let sourceMap: SourceMap
    /// The scan the survey made, under Jupyter's rules.
    private var jupyterScan: MathScanner.Result?
    /// Warnings about the text itself (control characters replaced), in file coordinates.
    private(set) var warnings: [Diagnostic] = []

    init(_ bytes: [UInt8], sourceMap: SourceMap) {
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
        scanner = MathScanner(bytes)
        self.sourceMap = sourceMap
        self.warnings = warnings
    }

    /// What the text's markup says about its dialect (the declaration's range in file
    /// coordinates), found by scanning it under Jupyter's rules: that scan is kept, and used when
    /// the lesson turns out to be in Jupyter's dialect.
    mutating func survey() -> DialectSurvey {
        let (scan, found) = scanner.surveyingScan()
        jupyterScan = scan
        var survey = found
        if let declared = survey.declared { survey.declared = (declared.name, sourceMap.range(declared.range)) }
        return survey
    }

    /// Masks the math, parses with cmark-gfm and restores the math, under `dialect`'s rules.
    mutating func parse(
        dialect: MathDialect, cell: Int?, first: (math: Int, references: Int)
    ) -> CommonMarkConverter.Output {
        let scan = dialect == .jupyter ? jupyterScan ?? scanner.scan(dialect: dialect) : scanner.scan(dialect: dialect)
        jupyterScan = nil
        var output = CommonMarkConverter.convert(
            source: scanner.bytes, scan: scan, dialect: dialect, sourceMap: sourceMap, cell: cell, first: first
        )
        output.diagnostics = scan.diagnostics.map(sourceMap.diagnostic) + output.diagnostics
        return output
    }
}
