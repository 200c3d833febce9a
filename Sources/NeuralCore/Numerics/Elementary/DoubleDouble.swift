/// An unevaluated sum hi + lo of two `Double`s with |lo| ≤ ½ ulp(hi): about 106 significant bits,
/// from `+ − ×` alone (Dekker, "A floating-point technique for extending the available
/// precision", Numer. Math. 18, 1971). No fused multiply-add is needed, so the bits are the same
/// on every CPU.
struct DoubleDouble {
    /// The leading part, the value rounded to `Double`.
    var hi: Double
    /// The trailing part.
    var lo: Double

    /// The exact product a·b as hi + lo (Dekker's algorithm with Veltkamp's splitting), for a
    /// product far enough from underflow that lo is a normal number; a non-finite product is
    /// returned as (a·b, 0).
    static func product(_ a: Double, _ b: Double) -> DoubleDouble {
        let p = a * b
        guard p.isFinite else { return DoubleDouble(hi: p, lo: 0) }
        let (aHi, aLo) = split(a)
        let (bHi, bLo) = split(b)
        return DoubleDouble(hi: p, lo: ((aHi * bHi - p) + aHi * bLo + aLo * bHi) + aLo * bLo)
    }

    /// The exact sum a + b as hi + lo, hi = a + b rounded (Knuth's TwoSum, TAOCP vol. 2, §4.2.2;
    /// no condition on the magnitudes), for a finite sum.
    static func sum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        let bVirtual = s - a
        return DoubleDouble(hi: s, lo: (a - (s - bVirtual)) + (b - bVirtual))
    }

    /// (self·other) to about 106 bits: the exact product of the high parts plus the cross terms,
    /// renormalised so that |lo| ≤ ½ ulp(hi) (Fast2Sum).
    static func * (lhs: DoubleDouble, rhs: DoubleDouble) -> DoubleDouble {
        let p = product(lhs.hi, rhs.hi)
        guard p.hi.isFinite else { return p }
        let tail = p.lo + (lhs.hi * rhs.lo + lhs.lo * rhs.hi)
        let hi = p.hi + tail
        return DoubleDouble(hi: hi, lo: tail - (hi - p.hi))
    }

    /// Veltkamp's splitting: a = hi + lo exactly, each with at most 26 significant bits, so that
    /// the products of halves are exact. Above 2⁹⁹⁵, where (2²⁷ + 1)·a would overflow, a is split
    /// at 2⁻⁵³ of its size and scaled back (both scalings are exact).
    private static func split(_ a: Double) -> (hi: Double, lo: Double) {
        if a.magnitude > 0x1p995 {
            let (hi, lo) = split(a * 0x1p-53)
            return (hi * 0x1p53, lo * 0x1p53)
        }
        let c = 134_217_729 * a  // 2²⁷ + 1
        let hi = c - (c - a)
        return (hi, a - hi)
    }
}
