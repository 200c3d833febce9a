/// xⁿ for a whole n ≥ 0 by binary powering (square-and-multiply over the bits of n; Knuth, TAOCP
/// vol. 2, §4.6.3): only multiplications, so the same bits on every machine, within about log₂ n
/// roundings. The bias corrections 1 − βᵗ and the decaying schedules' γᵏ use it.
@inlinable func wholePower(_ x: Double, _ n: Int) -> Double {
    precondition(n >= 0, "wholePower(\(x), \(n)): the exponent must not be negative")
    var result = 1.0, base = x, rest = n
    while rest > 0 {
        if rest & 1 == 1 { result *= base }
        rest >>= 1
        if rest > 0 { base *= base }
    }
    return result
}
