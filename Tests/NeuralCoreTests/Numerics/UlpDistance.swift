/// The number of representable doubles from a to b (0 when equal; two NaNs count as equal, a NaN
/// and a number as infinitely far). +0 and −0 are one apart.
func ulpsApart(_ a: Double, _ b: Double) -> UInt64 {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN ? 0 : .max }
    // Bit patterns mapped onto a line ordered like the values (negatives mirrored below zero).
    func line(_ x: Double) -> Int64 {
        let bits = Int64(bitPattern: x.bitPattern)
        return bits < 0 ? Int64.min &- bits &- 1 : bits
    }
    return (line(a) &- line(b)).magnitude
}
