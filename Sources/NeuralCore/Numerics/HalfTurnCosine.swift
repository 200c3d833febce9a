/// cos(πx) from + and × only, so the same bits on every machine: the cosine schedules' factor
/// ½(1 + cos(π t/T)).
///
/// Reduction, exact in binary: r = x − 2·round(x/2) ∈ [−1, 1], a = |r| (cos is even and 2-periodic
/// in x); for a > ½, cos(πa) = −cos(π(1 − a)) with 1 − a exact. Then cos(y), y = πa ∈ [0, π/2], by its
/// Taylor series Σₖ (−1)ᵏy²ᵏ/(2k)! to k = 13 (the next term is below 10⁻²³), in Horner form.
func cosineOfHalfTurns(_ x: Double) -> Double {
    guard x.isFinite else { return .nan }
    let r = x - 2 * (x / 2).rounded()
    var a = r.magnitude, sign = 1.0
    if a > 0.5 {
        a = 1 - a
        sign = -1
    }
    let y = Double.pi * a, y2 = y * y
    var sum = 0.0
    for k in stride(from: 13, through: 1, by: -1) {
        // Horner: 1 − y²/(1·2)(1 − y²/(3·4)(1 − …)).
        sum = y2 / Double((2 * k - 1) * (2 * k)) * (1 - sum)
    }
    return sign * (1 - sum)
}
