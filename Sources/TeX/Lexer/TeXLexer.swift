/// Splits LaTeX math into tokens on demand, with byte offsets for positions.
///
/// It works on bytes, so it never fails: every byte sequence gives tokens. Comments (`%` to the
/// end of the line) are skipped. Commands are looked up in `CommandTable` as they are read, so
/// the parser compares numbers, never names.
struct TeXLexer {
    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var index = 0
    private let commands: CommandIndex

    /// A lexer over `bytes`, which must outlive it.
    init(_ bytes: UnsafeBufferPointer<UInt8>, commands: CommandIndex = CommandTable.index) {
        self.bytes = bytes
        self.commands = commands
    }

    /// The offset of the next unread byte.
    var offset: Int32 { Int32(truncatingIfNeeded: index) }

    /// Reads the next token; `.end` forever once the text is used up. White space and comments
    /// are skipped; the token records whether white space came before it.
    mutating func next() -> Token {
        var spaceBefore = false
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                readSpace()
                spaceBefore = true
                continue
            case UInt8(ascii: "%"):
                // A comment and the white space after it count for nothing.
                skipComments()
                continue
            default:
                break
            }
            break
        }
        let start = index
        guard index < bytes.count else {
            var end = Token(.end, start: offset, end: offset, textStart: offset, textEnd: offset)
            end.spaceBefore = spaceBefore
            return end
        }
        let byte = bytes[index]
        var kind: Token.Kind
        var value: UInt32 = 0
        var textStart = start
        switch byte {
        case UInt8(ascii: "\\"):
            textStart = start + 1
            (kind, value) = readCommand()
        case UInt8(ascii: "{"): index += 1; kind = .beginGroup
        case UInt8(ascii: "}"): index += 1; kind = .endGroup
        case UInt8(ascii: "^"): index += 1; kind = .caret
        case UInt8(ascii: "_"): index += 1; kind = .underscore
        case UInt8(ascii: "&"): index += 1; kind = .alignment
        case UInt8(ascii: "~"): index += 1; kind = .tie
        case UInt8(ascii: "#"):
            index += 1
            if index < bytes.count, bytes[index] >= UInt8(ascii: "1"), bytes[index] <= UInt8(ascii: "9") {
                kind = .parameter
                value = UInt32(bytes[index] - UInt8(ascii: "0"))
                index += 1
            } else {
                kind = .character
                value = UInt32(byte)
            }
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            readNumber()
            kind = .number
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            index += 1
            kind = .letter
            value = UInt32(byte)
        case 0x80...:
            readNonASCII()
            kind = .letter
        default:
            index += 1
            kind = .character
            value = UInt32(byte)
        }
        var token = Token(
            kind, value: value, start: Int32(truncatingIfNeeded: start), end: offset,
            textStart: Int32(truncatingIfNeeded: textStart), textEnd: offset)
        token.spaceBefore = spaceBefore
        return token
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
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): index += 1
            default: return
            }
        }
    }

    private mutating func readCommand() -> (Token.Kind, UInt32) {
        index += 1
        guard index < bytes.count else { return (.character, UInt32(UInt8(ascii: "\\"))) }
        let first = bytes[index]
        let start = index
        if isASCIILetter(first) {
            while index < bytes.count, isASCIILetter(bytes[index]) { index += 1 }
        } else if first >= 0x80 {
            readNonASCII()
        } else if first == UInt8(ascii: "\n") || first == UInt8(ascii: "\r") {
            // `\` before a line end is a control space, whatever white space follows.
            readSpace()
            return (.command, CommandTable.Builtin.controlSpace.rawValue)
        } else {
            index += 1
        }
        return (.command, commands.id(UnsafeBufferPointer(rebasing: bytes[start..<index])))
    }

    private mutating func readNumber() {
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
    }

    /// One non-ASCII scalar and the combining marks after it (`y` + U+0302 reads as one letter).
    private mutating func readNonASCII() {
        index += scalarLength(at: index)
        while index < bytes.count, bytes[index] == 0xCC || bytes[index] == 0xCD {
            // U+0300–U+036F (combining diacritical marks) start with 0xCC or 0xCD.
            index += scalarLength(at: index)
        }
    }

    private func scalarLength(at position: Int) -> Int {
        let byte = bytes[position]
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        return min(length, bytes.count - position)
    }

    private func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
