/// Finite-difference gradient checking in `Double`: the engine's hand-written derivatives and the
/// tape's are both compared against central differences.
///
/// Central difference: ∂f/∂xᵢ ≈ (f(x + heᵢ) − f(x − heᵢ)) / 2h, error O(h²); h = 1e-5 balances that
/// truncation error against rounding (≈ ε_machine/h). Pick points away from kinks (ReLU at 0),
/// where the derivative does not exist: see `pointsAwayFromKinks`.
public enum GradientCheck {
    /// The central-difference gradient of f at x, one coordinate at a time.
    public static func numericalGradient(
        of f: ([Double]) -> Double, at x: [Double], step h: Double = 1e-5
    ) -> [Double] {
        var point = x
        return x.indices.map { i in
            point[i] = x[i] + h
            let plus = f(point)
            point[i] = x[i] - h
            let minus = f(point)
            point[i] = x[i]
            return (plus - minus) / (2 * h)
        }
    }

    /// The central-difference derivative of a scalar function.
    public static func numericalDerivative(of f: (Double) -> Double, at x: Double, step h: Double = 1e-5) -> Double {
        (f(x + h) - f(x - h)) / (2 * h)
    }

    /// Compares two gradients entry by entry with `isApproximatelyEqual` (relative + absolute tolerance).
    public static func compare(
        _ analytic: [Double], _ numeric: [Double],
        relativeTolerance: Double = 1e-6, absoluteTolerance: Double = 1e-8
    ) -> GradientComparison {
        precondition(
            analytic.count == numeric.count,
            "compare: analytic gradient has \(analytic.count) entries, numeric \(numeric.count)")
        var worst = 0, worstError = 0.0, passed = true
        for i in analytic.indices {
            let error = relativeError(analytic[i], numeric[i])
            if error > worstError { worstError = error; worst = i }
            if !isApproximatelyEqual(
                analytic[i], numeric[i],
                relativeTolerance: relativeTolerance, absoluteTolerance: absoluteTolerance)
            {
                passed = false
            }
        }
        return GradientComparison(
            passed: passed, maxRelativeError: worstError, worstIndex: worst,
            analytic: analytic.isEmpty ? 0 : analytic[worst], numeric: numeric.isEmpty ? 0 : numeric[worst])
    }

    /// Checks `gradient` (claimed ∇f at x) against central differences of f.
    public static func check(
        _ f: ([Double]) -> Double, gradient: [Double], at x: [Double],
        relativeTolerance: Double = 1e-6, absoluteTolerance: Double = 1e-8
    ) -> GradientComparison {
        compare(
            gradient, numericalGradient(of: f, at: x),
            relativeTolerance: relativeTolerance, absoluteTolerance: absoluteTolerance)
    }

    /// `count` values drawn uniformly from ±[margin, scale]: never within `margin` of the kink at 0.
    public static func pointsAwayFromKinks(
        count: Int, scale: Double = 2, margin: Double = 0.05, rng: inout SeededGenerator
    ) -> [Double] {
        (0..<count).map { _ in
            let magnitude = margin + (scale - margin) * rng.nextUniform()
            return rng.next() & 1 == 0 ? magnitude : -magnitude
        }
    }

    /// `count` values drawn uniformly from [−scale, scale], none within `margin` of a point of `kinks`
    /// (an activation's `kinks`); candidates too close are redrawn. Same generator state, same points.
    public static func points(
        count: Int, scale: Double = 2, awayFrom kinks: [Double], margin: Double = 0.05, rng: inout SeededGenerator
    ) -> [Double] {
        let excluded = kinks.filter { $0.magnitude < scale + margin }.count
        precondition(
            2 * margin * Double(excluded) < scale,
            "points: \(excluded) kinks with margin \(margin) leave too little of [−\(scale), \(scale)]")
        var result: [Double] = []
        result.reserveCapacity(count)
        while result.count < count {
            let x = scale * (2 * rng.nextUniform() - 1)
            if kinks.allSatisfy({ (x - $0).magnitude >= margin }) { result.append(x) }
        }
        return result
    }
}
