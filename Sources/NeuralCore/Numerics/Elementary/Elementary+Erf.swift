// MARK: - erf x

extension Elementary {
    /// The error function erf x = (2/√π)∫₀ˣ e^{−t²} dt, within one ulp, the same bits on every CPU.
    ///
    /// erf is odd; for a = |x|:
    /// - a < ½: the Maclaurin series erf x = (2/√π)·Σ (−1)ⁿx²ⁿ⁺¹/(n!(2n + 1)), arranged as
    ///   x + x·Q(x²) with Q(0) = 2/√π − 1, so the leading term x enters exactly (fourteen terms
    ///   leave less than 2⁻⁶³ for x² ≤ ¼);
    /// - ½ ≤ a < 6¼: the Taylor series about the nearest a₀ = j/2 (`erfExpansions`),
    ///   erf(a₀ + h) = hi + (lo + Σ dₙhⁿ) with h = a − a₀ exact and |h| ≤ ¼ (h ≥ 0 about ½, so the
    ///   sum never cancels);
    /// - a ≥ 6¼: 1 (1 − erf 6 < 2⁻⁵⁶, and erf is increasing).
    package static func erf(_ x: Double) -> Double {
        if x.isNaN { return x }
        let a = x.magnitude
        if a < 0.5 {
            let z = x * x
            var q = -0x1.d8453cb0c46eap-38  // (2/√π)·(−1)¹³/(13!·27)
            q = 0x1.9e6ad5e55a730p-34 + z * q  // (2/√π)·(−1)¹²/(12!·25)
            q = -0x1.51d7181c5d36dp-30 + z * q  // (2/√π)·(−1)¹¹/(11!·23)
            q = 0x1.fcc5720624c1cp-27 + z * q  // (2/√π)·(−1)¹⁰/(10!·21)
            q = -0x1.5f742ec43e71ap-23 + z * q  // (2/√π)·(−1)⁹/(9!·19)
            q = 0x1.b9e6c9dc651a3p-20 + z * q  // (2/√π)·(−1)⁸/(8!·17)
            q = -0x1.f4d25c3e0c2ebp-17 + z * q  // (2/√π)·(−1)⁷/(7!·15)
            q = 0x1.f9a326f9b89b7p-14 + z * q  // (2/√π)·(−1)⁶/(6!·13)
            q = -0x1.c02db40040b86p-11 + z * q  // (2/√π)·(−1)⁵/(5!·11)
            q = 0x1.565bcd0e6a53fp-8 + z * q  // (2/√π)·(−1)⁴/(4!·9)
            q = -0x1.b82ce31288b51p-6 + z * q  // (2/√π)·(−1)³/(3!·7)
            q = 0x1.ce2f21a042be2p-4 + z * q  // (2/√π)·(−1)²/(2!·5)
            q = -0x1.812746b0379e7p-2 + z * q  // (2/√π)·(−1)¹/(1!·3)
            q = 0x1.06eba8214db69p-3 + z * q  // 2/√π − 1
            return x + x * q
        }
        let y: Double
        if a >= 6.25 {
            y = 1
        } else {
            // The nearest centre j/2; h = a − j/2 is exact (both lie within a factor 2 of each other).
            let j = Int(2 * a + 0.5)
            let h = a - Double(j) * 0.5
            y = erfExpansions[j - 1].withUnsafeBufferPointer { row in
                var sum = row[row.count - 1]
                var n = row.count - 2
                while n >= 2 {
                    sum = row[n] + h * sum
                    n -= 1
                }
                return row[0] + (row[1] + h * sum)
            }
        }
        return x < 0 ? -y : y
    }
}
