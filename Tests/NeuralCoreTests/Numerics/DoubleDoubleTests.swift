import Testing

@testable import NeuralCore

/// Dekker's product and Knuth's sum are exact: checked on whole numbers, where the exact result
/// is an integer that `Int128` holds.
@Suite struct DoubleDoubleTests {
    @Test func productIsExact() {
        var rng = SeededGenerator(seed: 50)
        for _ in 0..<10_000 {
            let a = Double(rng.next() >> 11), b = Double(rng.next() >> (11 + rng.next() % 40))
            let p = DoubleDouble.product(a, b)
            #expect(p.hi == a * b)
            #expect(Int128(p.hi) + Int128(p.lo) == Int128(a) * Int128(b), "\(a) · \(b)")
        }
    }

    @Test func sumIsExact() {
        var rng = SeededGenerator(seed: 51)
        for _ in 0..<10_000 {
            let a = Double(Int64(bitPattern: rng.next()) >> 11)
            let b = Double(Int64(bitPattern: rng.next()) >> (11 + rng.next() % 50))
            let s = DoubleDouble.sum(a, b)
            #expect(s.hi == a + b)
            #expect(Int128(s.hi) + Int128(s.lo) == Int128(a) + Int128(b), "\(a) + \(b)")
        }
    }
}
