/// The outcome of a gradient check: pass/fail and the worst entry, for failure messages.
public struct GradientComparison: Sendable, Equatable, CustomStringConvertible {
    /// Whether every entry agreed within tolerance.
    public var passed: Bool
    /// The largest relative error over the entries.
    public var maxRelativeError: Double
    /// The entry where the relative error is largest.
    public var worstIndex: Int
    /// The analytic value at the worst entry.
    public var analytic: Double
    /// The numeric value at the worst entry.
    public var numeric: Double

    /// `max relative error 3.2e-09 at entry 4 (analytic 0.25, numeric 0.2500000008)`.
    public var description: String {
        "max relative error \(maxRelativeError) at entry \(worstIndex) (analytic \(analytic), numeric \(numeric))"
    }
}
