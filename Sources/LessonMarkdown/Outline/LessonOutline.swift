import LitmusDiagnostics

/// What `litmus inspect` shows: a lesson's blocks, formulas, images, links and diagnostics as
/// plain values with a stable JSON form (documented in the README).
public struct LessonOutline: Codable, Sendable, Equatable {
    /// A top-level block (for notebooks: a block of a cell).
    public struct Block: Codable, Sendable, Equatable {
        /// `heading`, `paragraph`, `list`, `quote`, `table`, `html`, `code`, `output`, `math`, `rule`.
        public var kind: String
        public var line: Int
        public var column: Int
        public var cell: Int?
        /// Heading level.
        public var level: Int?
        /// Plain text (headings, prose, HTML) or the code/output text.
        public var text: String?
        /// For `code`: the language and the info-string options.
        public var language: String?
        public var options: [String]?
        /// The formulas inside the block, by index.
        public var math: [Int]?
    }

    /// A formula: its exact LaTeX and where its opening delimiter stands.
    public struct Formula: Codable, Sendable, Equatable {
        public var index: Int
        public var line: Int
        public var column: Int
        public var endLine: Int
        public var endColumn: Int
        public var display: Bool
        public var delimiter: String
        public var latex: String
        /// Index of the first formula of the group (equal to `index` when alone or first).
        public var group: Int
        public var cell: Int?
        /// The names the lesson gives it (`EquationLabel`), when it has any.
        public var labels: [String]?
    }

    /// A reference to a label (`LabelReference`): where it stands, what it names, how it is
    /// written (`d2lEquation`, `mystEquation`, `texEquation`…) and the formula holding it.
    public struct LabelReference: Codable, Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var target: String
        public var syntax: String
        public var formula: Int?
    }

    /// An image or a link.
    public struct Reference: Codable, Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var destination: String
        public var text: String
        public var title: String
    }

    /// A diagnostic found while reading.
    public struct Message: Codable, Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var severity: String
        public var id: String
        public var message: String
    }

    public struct Summary: Codable, Sendable, Equatable {
        public var math: Int
        public var display: Int
        public var inline: Int
        public var groups: Int
        public var headings: Int
        public var codeCells: Int
        public var images: Int
        public var links: Int
        public var errors: Int
        public var warnings: Int
    }

    public var path: String
    public var format: String
    /// The dialect the lesson was read in (`MathDialect`) and what chose it (`DialectSource`).
    public var dialect: String
    public var dialectSource: String
    public var title: String?
    public var language: String?
    public var blocks: [Block]
    public var math: [Formula]
    public var images: [Reference]
    public var links: [Reference]
    public var references: [LabelReference]
    public var diagnostics: [Message]
    public var summary: Summary
}
