/// How serious a diagnostic is.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A stable identifier of a diagnostic kind, e.g. `math.unterminated-inline`.
///
/// Each module declares its catalog of identifiers and messages in an extension
/// (`Diagnostic+LessonMarkdown.swift`, `Diagnostic+TeX.swift`), so tests and tools can match on
/// the kind rather than on the wording.
public struct DiagnosticID: Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A problem found in a lesson, as data: what, where, and how bad.
///
/// Parsers recover and return a result together with their diagnostics instead of throwing at
/// the first problem; a formatter (``DiagnosticFormatter``) turns them into compiler-style text.
public struct Diagnostic: Hashable, Sendable, Codable {
    /// An extra remark attached to a diagnostic, possibly at another position.
    public struct Note: Hashable, Sendable, Codable {
        public var message: String
        public var range: SourceRange?

        public init(_ message: String, range: SourceRange? = nil) {
            self.message = message
            self.range = range
        }
    }

    /// A suggested replacement of the text in `range`.
    public struct FixIt: Hashable, Sendable, Codable {
        public var range: SourceRange
        public var replacement: String

        public init(range: SourceRange, replacement: String) {
            self.range = range
            self.replacement = replacement
        }
    }

    public var severity: Severity
    public var id: DiagnosticID
    public var message: String
    /// Where the problem is; `nil` for a problem with the whole file (it cannot be read).
    public var range: SourceRange?
    public var notes: [Note]
    public var fixIts: [FixIt]

    /// Creates a diagnostic.
    public init(
        _ severity: Severity,
        _ id: DiagnosticID,
        _ message: String,
        at range: SourceRange?,
        notes: [Note] = [],
        fixIts: [FixIt] = []
    ) {
        self.severity = severity
        self.id = id
        self.message = message
        self.range = range
        self.notes = notes
        self.fixIts = fixIts
    }

    /// The start of `range`, or line 1 column 1 for a whole-file diagnostic.
    public var location: SourceLocation { range?.start ?? .start }

    /// The same diagnostic with its ranges re-based from snippet to file coordinates.
    public func rebased(onto snippetStart: SourceLocation) -> Diagnostic {
        var copy = self
        copy.range = range?.rebased(onto: snippetStart)
        copy.notes = notes.map { Note($0.message, range: $0.range?.rebased(onto: snippetStart)) }
        copy.fixIts = fixIts.map { FixIt(range: $0.range.rebased(onto: snippetStart), replacement: $0.replacement) }
        return copy
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
