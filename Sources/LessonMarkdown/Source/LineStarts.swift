import LitmusDiagnostics

/// Byte offsets ↔ line and column, over the sorted offsets at which the lines start.
enum LineStarts {
    /// The 0-based index of the line holding byte `offset` (binary search).
    static func lineIndex(ofOffset offset: Int, in starts: [Int]) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The 1-based line and UTF-8 column of byte `offset`.
    static func location(ofOffset offset: Int, in starts: [Int]) -> SourceLocation {
        let line = lineIndex(ofOffset: offset, in: starts)
        return SourceLocation(line: line + 1, column: offset - starts[line] + 1)
    }
}
