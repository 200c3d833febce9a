/// A position in a source file: 1-based line, 1-based column counted in UTF-8 bytes,
/// as the Swift compiler and most editors report it.
public struct SourceLocation: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in UTF-8 bytes from the start of the line.
    public var column: Int

    /// Creates a location; both coordinates are 1-based.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The first byte of a file.
    public static let start = SourceLocation(line: 1, column: 1)

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }

    /// Re-bases a location found in a snippet onto the file that contains the snippet.
    ///
    /// A snippet parser (LaTeX inside a paragraph, Markdown inside a notebook cell) reports
    /// positions relative to its own text; `snippetStart` is where that text begins in the file.
    /// Line 1 of the snippet shares the snippet's first line, so its columns are shifted; later
    /// lines keep their own columns. This is the one place such positions are converted.
    public func rebased(onto snippetStart: SourceLocation) -> SourceLocation {
        if line == 1 {
            return SourceLocation(line: snippetStart.line, column: snippetStart.column + column - 1)
        }
        return SourceLocation(line: snippetStart.line + line - 1, column: column)
    }
}

/// A half-open range of source positions, `start ..< end`.
public struct SourceRange: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The first byte of the range.
    public var start: SourceLocation
    /// The position just past the last byte of the range.
    public var end: SourceLocation

    /// Creates a range; `end` must not precede `start`.
    public init(start: SourceLocation, end: SourceLocation) {
        precondition(start <= end, "SourceRange end \(end) precedes start \(start)")
        self.start = start
        self.end = end
    }

    /// An empty range at one location.
    public init(at location: SourceLocation) {
        self.init(start: location, end: location)
    }

    public var description: String { "\(start)-\(end)" }

    /// Re-bases both ends of a snippet-relative range onto the file (see `SourceLocation.rebased`).
    public func rebased(onto snippetStart: SourceLocation) -> SourceRange {
        SourceRange(start: start.rebased(onto: snippetStart), end: end.rebased(onto: snippetStart))
    }
}
