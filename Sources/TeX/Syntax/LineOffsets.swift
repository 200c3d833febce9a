import LitmusDiagnostics

/// Converts between byte offsets into a formula and the 1-based line and UTF-8 byte column that
/// diagnostics and `TeXNode` ranges carry. Lines end at `\n`, `\r\n` or a lone `\r`, as the
/// lexer counts them.
struct LineOffsets: Sendable {
    /// The offset of the first byte of each line after the first (most formulas have one line,
    /// and then this allocates nothing).
    private var starts: [Int32] = []

    init<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8, Bytes.Index == Int {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\r"), index < bytes.endIndex, bytes[index] == UInt8(ascii: "\n") { index += 1 }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                starts.append(Int32(truncatingIfNeeded: index - bytes.startIndex))
            }
        }
    }

    /// The line and column of `offset`.
    func location(_ offset: Int32) -> SourceLocation {
        // The number of lines after the first that start at or before `offset`.
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        let lineStart = low == 0 ? 0 : starts[low - 1]
        return SourceLocation(line: low + 1, column: Int(offset - lineStart) + 1)
    }

    /// The range from `start` to `end`.
    func range(_ start: Int32, _ end: Int32) -> SourceRange {
        SourceRange(start: location(start), end: location(end))
    }

    /// The offset of `location` (the inverse of `location(_:)`).
    func offset(_ location: SourceLocation) -> Int32 {
        let line = min(max(location.line, 1), starts.count + 1)
        let lineStart = line == 1 ? 0 : starts[line - 2]
        return lineStart + Int32(truncatingIfNeeded: location.column - 1)
    }
}
