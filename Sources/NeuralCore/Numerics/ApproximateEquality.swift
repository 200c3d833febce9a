/// The engine's one approximate-equality rule, shared by tests, gradient checks and lessons.
///
/// `a ≈ b` when `|a − b| ≤ max(absoluteTolerance, relativeTolerance · max(|a|, |b|))`.
/// The absolute part handles values near zero (where a relative test is meaningless), the relative
/// part handles large values (where an absolute test is too strict). NaN is never equal to anything;
/// two infinities are equal only when identical.
/// - Parameters:
///   - relativeTolerance: allowed difference as a fraction of the larger magnitude (default `1e-6`).
///   - absoluteTolerance: allowed difference near zero (default `1e-9`).
public func isApproximatelyEqual<T: BinaryFloatingPoint>(
    _ a: T, _ b: T, relativeTolerance: T = 1e-6, absoluteTolerance: T = 1e-9
) -> Bool {
    if a.isNaN || b.isNaN { return false }
    if a.isInfinite || b.isInfinite { return a == b }
    let scale = Swift.max(a.magnitude, b.magnitude)
    return (a - b).magnitude <= Swift.max(absoluteTolerance, relativeTolerance * scale)
}

/// Elementwise `isApproximatelyEqual` of two sequences of the same length.
public func isApproximatelyEqual<T: BinaryFloatingPoint>(
    _ a: [T], _ b: [T], relativeTolerance: T = 1e-6, absoluteTolerance: T = 1e-9
) -> Bool {
    a.count == b.count
        && zip(a, b).allSatisfy {
            isApproximatelyEqual($0, $1, relativeTolerance: relativeTolerance, absoluteTolerance: absoluteTolerance)
        }
}

/// The relative error `|a − b| / max(|a|, |b|, floor)` used to report how far two values are apart.
///
/// `floor` keeps the ratio finite when both values are close to zero.
public func relativeError<T: BinaryFloatingPoint>(_ a: T, _ b: T, floor: T = 1e-8) -> T {
    (a - b).magnitude / Swift.max(a.magnitude, b.magnitude, floor)
}
