/// The MathML being written, as UTF-8 bytes: appending bytes to an array is several times
/// cheaper than growing a `String` piece by piece, and the bytes become a `String` once.
struct MathMLOutput {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends markup as is.
    static func += (output: inout MathMLOutput, markup: String) {
        var markup = markup
        markup.withUTF8 { output.bytes.append(contentsOf: $0) }
    }

    /// Appends text escaped for XML text and double-quoted attribute values (`&`, `<`, `>`,
    /// `"`); control characters, which XML 1.0 forbids even as references, become U+FFFD.
    mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            // Most text needs no escaping: copy it whole.
            guard utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else {
                bytes.append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): bytes.append(byte)
                case 0..<0x20: bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
                default: bytes.append(byte)
                }
            }
        }
    }

    /// The markup written so far.
    var string: String { String(decoding: bytes, as: UTF8.self) }
}
