/// The lines of a source text, for printing the line a diagnostic points at.
///
/// Line ends are `\n`, `\r\n` or `\r`; the text of a line excludes its end.
public struct SourceLines: Sendable {
    private let bytes: [UInt8]
    /// Byte offset of the start of each line, then the total length as a sentinel.
    private let starts: [Int]

    /// Indexes the lines of `text`.
    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// Indexes the lines of UTF-8 `bytes`.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                starts.append(index + 1)
            } else if byte == UInt8(ascii: "\r") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        if starts.last != bytes.count || starts.count == 1 { starts.append(bytes.count) }
        self.starts = starts
    }

    /// The number of lines.
    public var count: Int { starts.count - 1 }

    /// The text of 1-based line `number`, without its line end; `nil` past the end.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= count else { return nil }
        var end = starts[number]
        let start = starts[number - 1]
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
