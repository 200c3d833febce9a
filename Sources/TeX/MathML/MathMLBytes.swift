/// The MathML being written from a `SyntaxTree`, as UTF-8 bytes: markup comes from
/// `StaticString`s and text straight from the tree's bytes, so writing a node builds no `String`.
/// The bytes become a `String` once, at the end.
///
/// The bytes go straight into memory rather than an `[UInt8]`: markup is appended in pieces of
/// a few bytes, and an array's uniqueness and capacity checks on each piece cost more than the
/// copy. They are written into the storage of the `String` being made when it is big enough
/// (`init(into:)`), and otherwise into memory the buffer allocates itself; the owner then calls
/// `deallocate()` once it has the `string`.
struct MathMLBytes {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    /// Whether the bytes are still in the memory given to `init(into:)`.
    private(set) var isInPlace = false

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    /// A buffer that writes into `memory` until it is full, then moves to memory of its own.
    init(into memory: UnsafeMutableBufferPointer<UInt8>) {
        base = memory.baseAddress!
        capacity = memory.count
        isInPlace = true
    }

    /// The markup written so far.
    var string: String {
        // Of the ways to make a `String` from bytes, this one validates them fastest (a third
        // less time than `String(decoding:as:)` on MathML).
        String(unsafeUninitializedCapacity: count) { buffer in
            if count > 0 { buffer.baseAddress!.update(from: base, count: count) }
            return count
        }
    }

    /// Frees the bytes, unless they are in memory the buffer was given; it is not used after.
    func deallocate() {
        if !isInPlace { base.deallocate() }
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: base, count: count)
        if !isInPlace { base.deallocate() }
        isInPlace = false
        base = grown
        capacity = newCapacity
    }

    /// Appends `length` bytes from `start`.
    @inline(__always)
    private mutating func append(_ start: UnsafePointer<UInt8>, _ length: Int) {
        reserve(length)
        let out = base + count
        if length > 64 {
            out.update(from: start, count: length)
        } else {
            // Markup comes in pieces of a few words: copying them here beats a call to memmove.
            var index = 0
            while length - index >= 8 {
                UnsafeMutableRawPointer(out + index).storeBytes(
                    of: UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self), as: UInt64.self)
                index += 8
            }
            while index < length {
                out[index] = start[index]
                index += 1
            }
        }
        count += length
    }

    // MARK: - As is

    /// Appends markup as is.
    @inline(__always)
    mutating func append(_ markup: StaticString) {
        append(markup.utf8Start, markup.utf8CodeUnitCount)
    }

    /// Appends one byte as is.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Appends bytes as is (text already known to need no escaping).
    @inline(__always)
    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        guard let start = text.baseAddress else { return }
        append(start, text.count)
    }

    /// Appends the UTF-8 encoding of the scalar `value`, escaped if it is ASCII.
    mutating func appendEscaped(scalar value: UInt32) {
        switch value {
        case 0..<0x80:
            appendEscaped(UInt8(truncatingIfNeeded: value))
        case 0x80..<0x800:
            append(UInt8(truncatingIfNeeded: 0xC0 | value >> 6))
            append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
        case 0x800..<0x10000:
            append(UInt8(truncatingIfNeeded: 0xE0 | value >> 12))
            append(UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F))
            append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
        default:
            append(UInt8(truncatingIfNeeded: 0xF0 | value >> 18))
            append(UInt8(truncatingIfNeeded: 0x80 | value >> 12 & 0x3F))
            append(UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F))
            append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
        }
    }

    // MARK: - Escaped

    /// The ASCII bytes that XML text and double-quoted attribute values cannot hold as they are,
    /// one bit each: the controls below U+0020, `"`, `&`, `<` and `>`.
    private static let escapedBytes: UInt64 = 0xFFFF_FFFF | 1 << 0x22 | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E

    /// Whether `byte` must be escaped (or replaced) in XML text.
    @inline(__always)
    static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 0x40 && escapedBytes >> UInt64(byte) & 1 != 0
    }

    /// Appends `text` escaped for XML text and double-quoted attribute values (`&`, `<`, `>`,
    /// `"`); control characters other than tab and line ends become U+FFFD (XML 1.0 forbids them
    /// even as references). Runs that need no escaping are copied whole.
    mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>) {
        guard let start = text.baseAddress else { return }
        // Most text is one letter, digit or operator byte.
        if text.count == 1 {
            appendEscaped(start.pointee)
            return
        }
        var index = 0
        while index < text.count {
            reserve(text.count - index)
            let out = base + count
            var written = 0
            // Eight bytes at a time while none of them needs escaping, then byte by byte up to
            // the next one that does.
            while text.count - index >= 8 {
                let word = UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self)
                if Self.needsEscaping(word: word) { break }
                UnsafeMutableRawPointer(out + written).storeBytes(of: word, as: UInt64.self)
                written += 8
                index += 8
            }
            while index < text.count {
                let byte = start[index]
                if Self.needsEscaping(byte) { break }
                out[written] = byte
                written += 1
                index += 1
            }
            count += written
            if index < text.count {
                appendEscaped(start[index])
                index += 1
            }
        }
    }

    /// Whether any of the eight bytes of `word` must be escaped: a control character or one of
    /// `"`, `&`, `<`, `>` (bit tricks after "Bit Twiddling Hacks": a byte is zero, or below a
    /// bound, when its high bit comes out set).
    @inline(__always)
    private static func needsEscaping(word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let control = (word &- ones &* 0x20) & ~word & highs != 0
        return control || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x26))
            || hasZero(word ^ (ones &* 0x3C)) || hasZero(word ^ (ones &* 0x3E))
    }

    /// Appends a `String` escaped, for the rare text that is built rather than copied.
    mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { appendEscaped($0) }
    }

    /// Appends one byte escaped.
    @inline(__always)
    mutating func appendEscaped(_ byte: UInt8) {
        if Self.needsEscaping(byte) { appendEscape(for: byte) } else { append(byte) }
    }

    /// Appends the escape of a byte that needs one.
    private mutating func appendEscape(for byte: UInt8) {
        switch byte {
        case UInt8(ascii: "&"): append("&amp;")
        case UInt8(ascii: "<"): append("&lt;")
        case UInt8(ascii: ">"): append("&gt;")
        case UInt8(ascii: "\""): append("&quot;")
        case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): append(byte)
        default: append("\u{FFFD}")
        }
    }

    // MARK: - Numbers

    /// A width in em as `appendEm` writes it, as a `String` (for the tree dump).
    static func em(_ width: Double) -> String {
        var bytes = MathMLBytes(capacity: 32)
        defer { bytes.deallocate() }
        bytes.appendEm(width)
        return bytes.string
    }

    /// Appends a width in em with at most 4 decimals (`0.1667em`, `-0.1667em`, `1em`), rounded
    /// to the nearest ten-thousandth; `-0` is `0em`.
    mutating func appendEm(_ width: Double) {
        let tenThousandths = Int((width * 10_000).rounded())
        if tenThousandths < 0 { append(UInt8(ascii: "-")) }
        let magnitude = abs(tenThousandths)
        appendDecimal(magnitude / 10_000, minimumDigits: 1)
        var fraction = magnitude % 10_000
        if fraction != 0 {
            // Trailing zeros go; leading ones stay (0.05 is `05` of 4 digits, less `00`).
            var digits = 4
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            append(UInt8(ascii: "."))
            appendDecimal(fraction, minimumDigits: digits)
        }
        append("em")
    }

    /// Appends `value` (≥ 0) in decimal, padded with leading zeros to `minimumDigits`.
    mutating func appendDecimal(_ value: Int, minimumDigits: Int) {
        let start = count
        var rest = value
        repeat {
            append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10))
            rest /= 10
        } while rest > 0 || count - start < minimumDigits
        var digits = UnsafeMutableBufferPointer(start: base + start, count: count - start)
        digits.reverse()
    }
}
