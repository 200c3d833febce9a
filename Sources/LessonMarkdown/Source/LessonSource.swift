import LitmusDiagnostics

/// A lesson file's bytes, checked and normalised for parsing.
///
/// Lessons are UTF-8. A leading byte-order mark is dropped (columns count from the first byte
/// after it, as editors show them), and `\r\n` and lone `\r` line ends become `\n`: both leave
/// every line and column where it was, so positions still point into the file as written.
struct LessonSource {
    /// The normalised bytes: valid UTF-8, no BOM, `\n` line ends only, no NUL.
    let bytes: [UInt8]

    /// Validates `raw`; on failure returns the error diagnostic instead.
    static func decode(_ raw: [UInt8]) -> Result<LessonSource, DiagnosticFailure> {
        // Like git and grep: a NUL byte early in the file means binary, whatever comes before it.
        if let nul = raw.prefix(8192).firstIndex(of: 0) {
            let line = raw[..<nul].count { $0 == UInt8(ascii: "\n") } + 1
            let lineStart = raw[..<nul].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            return .failure(DiagnosticFailure(.binaryFile(at: SourceLocation(line: line, column: nul - lineStart + 1))))
        }
        var start = 0
        if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF { start = 3 }
        var bytes = [UInt8]()
        bytes.reserveCapacity(raw.count - start)
        var line = 1
        var lineStart = start
        var index = start
        while index < raw.count {
            let byte = raw[index]
            if byte < 0x80 {
                switch byte {
                case 0:
                    return .failure(
                        DiagnosticFailure(.binaryFile(at: SourceLocation(line: line, column: index - lineStart + 1))))
                case UInt8(ascii: "\r"):
                    bytes.append(UInt8(ascii: "\n"))
                    if index + 1 < raw.count, raw[index + 1] == UInt8(ascii: "\n") { index += 1 }
                    line += 1
                    lineStart = index + 1
                case UInt8(ascii: "\n"):
                    bytes.append(byte)
                    line += 1
                    lineStart = index + 1
                default:
                    bytes.append(byte)
                }
                index += 1
                continue
            }
            let length = Self.validSequenceLength(raw, at: index)
            guard length > 0 else {
                let location = SourceLocation(line: line, column: index - lineStart + 1)
                return .failure(DiagnosticFailure(.invalidUTF8(at: location, byte: byte)))
            }
            bytes.append(contentsOf: raw[index..<(index + length)])
            index += length
        }
        return .success(LessonSource(bytes: bytes))
    }

    /// The length of the well-formed UTF-8 sequence starting at `index` (Unicode table 3-7),
    /// or 0 when it is ill-formed.
    private static func validSequenceLength(_ raw: [UInt8], at index: Int) -> Int {
        let lead = raw[index]
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            index + offset < raw.count && range.contains(raw[index + offset])
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0:
            return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : 0
        case 0xED:
            return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
        case 0xF0:
            return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4:
            return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default:
            return 0
        }
    }
}

/// A failure that stops a lesson from being read at all, carried as its diagnostic.
public struct DiagnosticFailure: Error, Sendable {
    public let diagnostic: Diagnostic

    public init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}
