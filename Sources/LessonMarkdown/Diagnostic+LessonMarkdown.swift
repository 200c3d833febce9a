import LitmusDiagnostics

/// The catalog of diagnostics that reading a lesson can produce.
extension DiagnosticID {
    static let fileUnreadable: DiagnosticID = "lesson.unreadable"
    static let invalidUTF8: DiagnosticID = "lesson.invalid-utf8"
    static let binaryFile: DiagnosticID = "lesson.binary"
    static let nestingTooDeep: DiagnosticID = "lesson.nesting-too-deep"
    static let controlCharacter: DiagnosticID = "lesson.control-character"
    static let unterminatedMath: DiagnosticID = "math.unterminated"
    static let unreadMath: DiagnosticID = "math.unread-delimiter"
    static let unknownDialect: DiagnosticID = "dialect.unknown"
    static let ambiguousDialect: DiagnosticID = "dialect.ambiguous"
    static let notebookJSON: DiagnosticID = "notebook.json"
    static let notebookStructure: DiagnosticID = "notebook.structure"
    static let notebookVersion: DiagnosticID = "notebook.version"
}

extension Diagnostic {
    static func invalidUTF8(at location: SourceLocation, byte: UInt8) -> Diagnostic {
        Diagnostic(
            .error, .invalidUTF8,
            "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true))); lessons must be UTF-8 text",
            at: SourceRange(at: location)
        )
    }

    static func binaryFile(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .binaryFile, "binary file (contains a NUL byte); a lesson must be text",
            at: SourceRange(at: location))
    }

    static func nestingTooDeep(at location: SourceLocation, limit: Int) -> Diagnostic {
        Diagnostic(
            .error, .nestingTooDeep,
            "nesting deeper than \(limit) levels; the content below that depth is dropped",
            at: SourceRange(at: location)
        )
    }

    static func unterminatedMath(_ delimiter: MathDelimiter, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            .warning, .unterminatedMath,
            "unterminated math: '\(delimiter.opening)' has no closing '\(delimiter.closing)'; the text is kept as text",
            at: range,
            notes: delimiter == .dollar
                ? [Diagnostic.Note("inline math ends at a blank line; write '\\$' for a literal dollar sign")] : []
        )
    }

    static func unreadMath(
        _ delimiter: MathDelimiter, count: Int, dialect: MathDialect, reader: MathDialect, at range: SourceRange
    ) -> Diagnostic {
        let pairs = count == 1 ? "1 pair" : "\(count) pairs"
        let why =
            switch delimiter {
            case .parenthesis, .bracket: "\(dialect.rawValue) reads `\\(` as an escaped `(`"
            default: "they are kramdown's math, read in the kramdown dialect"
            }
        return Diagnostic(
            .warning, .unreadMath,
            "`\(delimiter.opening)…\(delimiter.closing)` is not math in the \(dialect.rawValue) dialect: \(pairs) left as text",
            at: range,
            notes: [
                Diagnostic.Note(
                    "\(why); to read them as math, write `<!-- litmus: dialect=\(reader.rawValue) -->` in the lesson "
                        + "or `dialect: \(reader.rawValue)` in litmus.yml")
            ])
    }

    static func unknownDialect(_ name: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            .warning, .unknownDialect,
            "unknown dialect '\(name)'; Litmus reads \(MathDialect.allCases.map(\.rawValue).joined(separator: ", "))",
            at: range)
    }

    static func ambiguousDialect(_ candidates: [MathDialect]) -> Diagnostic {
        let names = candidates.map(\.rawValue).joined(separator: " and ")
        return Diagnostic(
            .warning, .ambiguousDialect,
            "the lesson writes the markup of \(names); it is read in the jupyter dialect",
            at: SourceRange(at: .start),
            notes: [
                Diagnostic.Note(
                    "name its dialect with `<!-- litmus: dialect=NAME -->` in the lesson or `dialect: NAME` in litmus.yml"
                )
            ])
    }
}
