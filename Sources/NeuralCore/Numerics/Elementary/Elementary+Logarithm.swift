// MARK: - log x and log(1 + x)

extension Elementary {
    /// The natural logarithm, within one ulp, the same bits on every CPU.
    ///
    /// Reduction: x = 2ᵉ·m exactly with m in (√½, √2] (subnormals first scaled by 2⁵⁴), so
    /// log x = e·ln2Hi + (log(1 + f) + e·ln2Lo) with f = m − 1 exact; e·ln2Hi is exact, and
    /// log(1 + f) comes from `logOnePlus`. log 0 = −∞, log of a negative number is NaN.
    package static func log(_ x: Double) -> Double {
        if x.isNaN || x == .infinity { return x }
        if x < 0 { return .nan }
        if x == 0 { return -.infinity }
        let (e, f) = decompose(x)
        let ef = Double(e)
        return ef * ln2Hi + logOnePlus(f, correction: ef * ln2Lo)
    }

    /// log(1 + x), accurate for small x where `log(1 + x)` loses the bits of x; within one ulp.
    ///
    /// When 1 + x lies in (√½, √2) the kernel takes f = x itself, with no rounding at all. Otherwise
    /// u = 1 + x is rounded, its rounding error c = (1 + x) − u is recovered exactly (Fast2Sum), and
    /// log(1 + x) = log u + log(1 + c/u) ≈ e·ln2Hi + (log(1 + f) + e·ln2Lo + c/u) with u = 2ᵉ(1 + f).
    package static func log1p(_ x: Double) -> Double {
        if x.isNaN || x == .infinity { return x }
        if x < -1 { return .nan }
        if x == -1 { return -.infinity }
        // √½ − 1 < x < √2 − 1.
        if x > -0x1.2bec333018866p-2 && x < 0x1.a827999fcef34p-2 { return logOnePlus(x, correction: 0) }
        let u = 1 + x
        let c = x >= 1 ? 1 - (u - x) : x - (u - 1)
        let (e, f) = decompose(u)
        let ef = Double(e)
        return ef * ln2Hi + logOnePlus(f, correction: ef * ln2Lo + c / u)
    }

    /// x = 2ᵉ·(1 + f) exactly, with 1 + f in (√½, √2], for finite x > 0.
    @inline(__always) static func decompose(_ x: Double) -> (exponent: Int, fraction: Double) {
        var bits = x.bitPattern
        var e = -1023
        if x < Double.leastNormalMagnitude {
            bits = (x * 0x1p54).bitPattern
            e -= 54
        }
        e += Int(bits >> 52)
        // The significand with the exponent of 1: m in [1, 2).
        var m = Double(bitPattern: bits & 0x000f_ffff_ffff_ffff | 0x3ff0_0000_0000_0000)
        if m > 0x1.6a09e667f3bcdp+0 {  // √2
            m *= 0.5
            e += 1
        }
        return (e, m - 1)
    }

    /// log(1 + f) + correction, for f in [√½ − 1, √2 − 1] and a correction far below f's last bit.
    ///
    /// With s = f/(2 + f), 1 + f = (1 + s)/(1 − s), so log(1 + f) = 2 artanh s = 2s + s·R(s²) with
    /// R(z) = Σ_{n≥1} 2zⁿ/(2n + 1) (|s| ≤ 3 − 2√2, z ≤ 0.0295; ten terms leave less than 2⁻⁶⁵).
    /// Since s(2 + f) = f, 2s = f − s·f, so log(1 + f) = f − s·(f − R): f enters exactly and the
    /// rounding of s only touches the small term s·(f − R) ≈ f²/2.
    @inline(__always) static func logOnePlus(_ f: Double, correction: Double) -> Double {
        let s = f / (2 + f)
        let z = s * s
        var series = 0x1.8618618618618p-4  // 2/21
        series = 0x1.af286bca1af28p-4 + z * series  // 2/19
        series = 0x1.e1e1e1e1e1e1ep-4 + z * series  // 2/17
        series = 0x1.1111111111111p-3 + z * series  // 2/15
        series = 0x1.3b13b13b13b14p-3 + z * series  // 2/13
        series = 0x1.745d1745d1746p-3 + z * series  // 2/11
        series = 0x1.c71c71c71c71cp-3 + z * series  // 2/9
        series = 0x1.2492492492492p-2 + z * series  // 2/7
        series = 0x1.999999999999ap-2 + z * series  // 2/5
        series = 0x1.5555555555555p-1 + z * series  // 2/3
        let r = z * series
        return f - (s * (f - r) - correction)
    }
}
