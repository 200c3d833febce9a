import LitmusDiagnostics

/// Splits LaTeX math into tokens on demand, tracking 1-based lines and UTF-8 byte columns.
///
/// It works on bytes, so it never fails: every byte sequence gives tokens (a Swift `String` is
/// always valid UTF-8). Comments (`%` to the end of the line) are skipped.
struct TeXLexer: Sendable {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// The position of the next unread byte.
    var location: SourceLocation { SourceLocation(line: line, column: index - lineStart + 1) }

    /// Reads the next token; `.end` forever once the text is used up.
    mutating func next() -> Token {
        skipComments()
        let start = location
        guard index < bytes.count else { return Token(kind: .end, range: SourceRange(at: start)) }
        let byte = bytes[index]
        let kind: Token.Kind
        switch byte {
        case UInt8(ascii: "\\"): kind = readCommand()
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            readSpace()
            kind = .space
        case UInt8(ascii: "{"): index += 1; kind = .beginGroup
        case UInt8(ascii: "}"): index += 1; kind = .endGroup
        case UInt8(ascii: "^"): index += 1; kind = .caret
        case UInt8(ascii: "_"): index += 1; kind = .underscore
        case UInt8(ascii: "&"): index += 1; kind = .alignment
        case UInt8(ascii: "~"): index += 1; kind = .tie
        case UInt8(ascii: "#"):
            index += 1
            if index < bytes.count, bytes[index] >= UInt8(ascii: "1"), bytes[index] <= UInt8(ascii: "9") {
                kind = .parameter(Int(bytes[index] - UInt8(ascii: "0")))
                index += 1
            } else {
                kind = .character("#")
            }
        case UInt8(ascii: "0")...UInt8(ascii: "9"): kind = readNumber()
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            index += 1
            kind = .letter(String(UnicodeScalar(byte)))
        case 0x80...:
            kind = .letter(readNonASCII())
        default:
            index += 1
            kind = .character(Character(UnicodeScalar(byte)))
        }
        return Token(kind: kind, range: SourceRange(start: start, end: location))
    }

    // MARK: - Pieces

    private mutating func skipComments() {
        while index < bytes.count, bytes[index] == UInt8(ascii: "%") {
            while index < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") {
                index += 1
            }
            readSpace()
        }
    }

    private mutating func readSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"): index += 1
            case UInt8(ascii: "\n"): newLine(after: index)
            case UInt8(ascii: "\r"):
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                newLine(after: index)
            default: return
            }
        }
    }

    private mutating func newLine(after position: Int) {
        index = position + 1
        line += 1
        lineStart = index
    }

    private mutating func readCommand() -> Token.Kind {
        index += 1
        guard index < bytes.count else { return .character("\\") }
        let first = bytes[index]
        if isASCIILetter(first) {
            let start = index
            while index < bytes.count, isASCIILetter(bytes[index]) { index += 1 }
            return .command(String(decoding: bytes[start..<index], as: UTF8.self))
        }
        if first >= 0x80 { return .command(readNonASCII()) }
        if first == UInt8(ascii: "\n") || first == UInt8(ascii: "\r") {
            readSpace()
            return .command(" ")
        }
        index += 1
        return .command(String(UnicodeScalar(first)))
    }

    private mutating func readNumber() -> Token.Kind {
        let start = index
        var sawPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if isDigit(byte) {
                index += 1
            } else if byte == UInt8(ascii: "."), !sawPoint, index + 1 < bytes.count, isDigit(bytes[index + 1]) {
                sawPoint = true
                index += 1
            } else {
                break
            }
        }
        return .number(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    /// One non-ASCII scalar and the combining marks after it (`y` + U+0302 reads as one letter).
    private mutating func readNonASCII() -> String {
        let start = index
        index += scalarLength(at: index)
        while index < bytes.count, bytes[index] == 0xCC || bytes[index] == 0xCD {
            // U+0300–U+036F (combining diacritical marks) start with 0xCC or 0xCD.
            index += scalarLength(at: index)
        }
        return String(decoding: bytes[start..<min(index, bytes.count)], as: UTF8.self)
    }

    private func scalarLength(at position: Int) -> Int {
        let byte = bytes[position]
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        return min(length, bytes.count - position)
    }

    private func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
