import Foundation

/// A hash that is the same on every machine and in every run (Swift's `Hasher` is seeded per
/// process): 64-bit FNV-1a over UTF-8. For names and cache keys, not for security.
enum StableHash {
    static func fnv1a(_ text: String) -> UInt64 {
        var copy = text
        return copy.withUTF8 { fnv1a(bytes: $0) }
    }

    static func fnv1a(bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    static func fnv1a(bytes data: Data) -> UInt64 {
        data.withUnsafeBytes { fnv1a(bytes: $0) }
    }

    /// 128 bits as 32 hex digits: FNV-1a of the text and of the text with a seed byte before
    /// it, for keys where a 64-bit collision would matter.
    static func hex128(_ text: String) -> String {
        hex(fnv1a(text)) + hex(fnv1a("\u{1}" + text))
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
