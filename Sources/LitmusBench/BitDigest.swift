import NeuralCore

/// A 64-bit FNV-1a hash of the exact bit patterns fed to it: two runs that print the same digest
/// computed the same bits (Fowler, Noll & Vo; the 64-bit offset basis and prime of the FNV spec).
struct BitDigest {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Mixes in the eight bytes of `word`, lowest first.
    mutating func add(_ word: UInt64) {
        var rest = word
        for _ in 0..<8 {
            value = (value ^ (rest & 0xff)) &* 0x0000_0100_0000_01b3
            rest >>= 8
        }
    }

    /// Mixes in a `Double`'s bit pattern (so −0 and +0, and NaN payloads, count as different).
    mutating func add(_ number: Double) { add(number.bitPattern) }

    /// Mixes in every element, in order.
    mutating func add(_ numbers: some Sequence<Double>) {
        for number in numbers { add(number) }
    }

    /// Mixes in a matrix's shape and elements.
    mutating func add(_ matrix: Matrix<Double>) {
        add(UInt64(matrix.rows))
        add(UInt64(matrix.columns))
        add(matrix.elements)
    }

    /// The digest as 16 hexadecimal digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
