/// A function's name, normalised so spellings meet: `\text{Leaky ReLU}`, `\mathrm{leaky\_relu}`
/// and `LeakyReLU` are all `leakyrelu`; `\sigma` is `σ`.
public struct FunctionName: Hashable, Sendable, CustomStringConvertible {
    /// The normalised key (lowercase letters and digits, Greek letters as Unicode).
    public var key: String
    /// The spelling in the lesson, for messages.
    public var written: String

    /// Creates a name from how it was written.
    public init(_ written: String) {
        self.written = written
        self.key = FunctionName.normalise(written)
    }

    /// Lowercases and drops spaces, hyphens, underscores and backslashes; a single letter keeps
    /// its case (`F` and `f` are two functions of a lesson).
    public static func normalise(_ text: String) -> String {
        // Most names are ASCII (`relu`, `x`, `Leaky_ReLU`): their bytes are mapped directly, and
        // one already a key is returned as it is. Others go the way of Unicode's lowercasing.
        var isKey = true
        for byte in text.utf8 {
            if byte >= 0x80 {
                let kept = text.filter { !" -_\\{}~,.".contains($0) }
                return kept.count == 1 ? String(kept) : kept.lowercased()
            }
            if isKey, !(0x61...0x7A).contains(byte), !(0x30...0x39).contains(byte) { isKey = false }
        }
        if isKey { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "\\"), UInt8(ascii: "{"),
                UInt8(ascii: "}"), UInt8(ascii: "~"), UInt8(ascii: ","), UInt8(ascii: "."):
                continue
            default: bytes.append(byte)
            }
        }
        // One letter keeps its case; a longer name is lowercased (ASCII: one bit).
        if bytes.count > 1 {
            for index in bytes.indices where (0x41...0x5A).contains(bytes[index]) { bytes[index] += 0x20 }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public var description: String { written }

    public static func == (lhs: FunctionName, rhs: FunctionName) -> Bool { lhs.key == rhs.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
}
