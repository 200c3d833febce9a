// MARK: - cos 2πt

extension Elementary {
    /// cos(2πt) for t in turns, within one ulp, the same bits on every CPU: the Box–Muller
    /// transform's cos(2πu) without ever rounding 2πu.
    ///
    /// Reduction, exact in binary: u = t − round(t) in [−½, ½], y = 4u in [−2, 2], q = round(y) and
    /// f = y − q in [−½, ½]. Then cos 2πt = cos(π(q + f)/2), which is cos(πf/2), −sin(πf/2),
    /// −cos(πf/2) or sin(πf/2) for q ≡ 0, 1, 2, 3 (mod 4). On |f| ≤ ½ (|πf/2| ≤ π/4) both come from
    /// their Taylor series, nine terms past the first, the rest below 2⁻⁶⁰; the leading terms are
    /// formed exactly, so the result rounds about once. NaN for ±∞ and NaN.
    package static func cos(turns t: Double) -> Double {
        if !t.isFinite { return .nan }
        // From 2⁵² on every Double is an integer: a whole number of turns.
        if t.magnitude >= 0x1p52 { return 1 }
        let u = t - ((t + roundingShifter) - roundingShifter)
        let y = 4 * u
        let q = (y + roundingShifter) - roundingShifter
        let f = y - q
        switch Int(q) & 3 {
        case 0: return cosineOfQuarterTurns(f)
        case 1: return -sineOfQuarterTurns(f)
        case 2: return -cosineOfQuarterTurns(f)
        default: return sineOfQuarterTurns(f)
        }
    }

    /// sin(πf/2) for |f| ≤ ½: f·(π/2) formed exactly as hi + lo (Dekker's product, with π/2 itself
    /// split into two `Double`s), plus f·z·S(z), z = f², S(z) = Σ_{n≥1} (−1)ⁿ(π/2)²ⁿ⁺¹zⁿ⁻¹/(2n + 1)!.
    static func sineOfQuarterTurns(_ f: Double) -> Double {
        let z = f * f
        var s = -0x1.8a404211f9547p-45  // (−1)⁹·(π/2)¹⁹/19!
        s = 0x1.aaec32af93359p-38 + z * s  // (−1)⁸·(π/2)¹⁷/17!
        s = -0x1.6fadb9f155744p-31 + z * s  // (−1)⁷·(π/2)¹⁵/15!
        s = 0x1.e8f434d018d63p-25 + z * s  // (−1)⁶·(π/2)¹³/13!
        s = -0x1.e3074fde8871fp-19 + z * s  // (−1)⁵·(π/2)¹¹/11!
        s = 0x1.50783487ee782p-13 + z * s  // (−1)⁴·(π/2)⁹/9!
        s = -0x1.32d2cce62bd86p-8 + z * s  // (−1)³·(π/2)⁷/7!
        s = 0x1.466bc6775aae2p-4 + z * s  // (−1)²·(π/2)⁵/5!
        s = -0x1.4abbce625be53p-1 + z * s  // (−1)¹·(π/2)³/3!
        let leading = DoubleDouble.product(f, 0x1.921fb54442d18p+0)  // π/2, high part
        return leading.hi + ((leading.lo + f * 0x1.1a62633145c07p-54) + (f * z) * s)  // π/2, low part
    }

    /// cos(πf/2) for |f| ≤ ½: 1 + c₂z + z²·C(z), z = f², cₙ = (−1)ⁿ(π/2)²ⁿ/(2n)! and
    /// C(z) = Σ_{n≥2} cₙzⁿ⁻². The leading 1 + c₂z, which cancels down to cos(π/4) ≈ 0.71, is formed
    /// from the exact f² and c₂ split into two `Double`s, so only the final addition rounds.
    static func cosineOfQuarterTurns(_ f: Double) -> Double {
        let z = DoubleDouble.product(f, f)
        var c = -0x1.2a0c591af8314p-41  // (−1)⁹·(π/2)¹⁸/18!
        c = 0x1.20c62c2f2d7f5p-34 + z.hi * c  // (−1)⁸·(π/2)¹⁶/16!
        c = -0x1.b6e24f44b128fp-28 + z.hi * c  // (−1)⁷·(π/2)¹⁴/14!
        c = 0x1.f9d38a3763cc3p-22 + z.hi * c  // (−1)⁶·(π/2)¹²/12!
        c = -0x1.a6d1f2a204a8cp-16 + z.hi * c  // (−1)⁵·(π/2)¹⁰/10!
        c = 0x1.e1f506891babbp-11 + z.hi * c  // (−1)⁴·(π/2)⁸/8!
        c = -0x1.55d3c7e3cbffap-6 + z.hi * c  // (−1)³·(π/2)⁶/6!
        c = 0x1.03c1f081b5ac4p-2 + z.hi * c  // (−1)²·(π/2)⁴/4!
        let c2Hi = -0x1.3bd3cc9be45dep+0, c2Lo = -0x1.692b71366cc04p-54  // −(π/2)²/2!
        let lead = DoubleDouble.product(z.hi, c2Hi)
        let s = DoubleDouble.sum(1, lead.hi)
        return s.hi + (((s.lo + lead.lo) + (z.lo * c2Hi + z.hi * c2Lo)) + (z.hi * z.hi) * c)
    }
}
