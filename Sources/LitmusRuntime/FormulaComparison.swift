import NeuralCore

/// Compares a formula with a function (the lesson's own, or NeuralCore's) at seeded points of
/// the formula's domain: every input drawn as `inputs` says, numbers away from the kinks; a
/// point where a side is not a finite number (a logarithm of a negative number, a division by
/// zero) says nothing and is skipped; too few points left is a failure, never a silent pass.
/// Two values agree within a relative and an absolute tolerance, entry by entry.
public struct FormulaComparison: Sendable {
    /// What a comparison found.
    public enum Outcome: Sendable, Equatable {
        /// The sides agreed at `points` points.
        case agreed(points: Int)
        /// They differ (or their shapes do): the message names the point and both values.
        case differs(String)
        /// Too few points could be compared, or the function threw.
        case failed(String)

        /// Why it did not pass; nil when it did.
        public var message: String? {
            switch self {
            case .agreed: nil
            case .differs(let message), .failed(let message): message
            }
        }
    }

    public var inputs: [FormulaInput]
    public var kinks: [Double]
    public var seed: UInt64
    /// Points drawn.
    public var count = 64
    /// Points that must be compared for the comparison to say anything.
    public var minimum = 16
    public var relativeTolerance = 1e-7
    public var absoluteTolerance = 1e-9

    public init(inputs: [FormulaInput], kinks: [Double] = [], seed: UInt64) {
        self.inputs = inputs
        self.kinks = kinks
        self.seed = seed
    }

    /// Runs `sides` (formula, other) at each point; `other` is how the other side's call reads at
    /// a point (`softsign({x})`), and `formula` how the formula is named in messages.
    public func run<A: FormulaValue, B: FormulaValue>(
        formula: String, other: String, _ sides: (FormulaPoint) throws -> (A, B)
    ) -> Outcome {
        var rng = SeededGenerator(seed: seed)
        var compared = 0
        var undefined: String?
        for _ in 0..<count {
            let point = FormulaPoint(inputs, kinks: kinks, rng: &rng)
            let values: (A, B)
            do {
                values = try sides(point)
            } catch {
                return .failed("at \(point) \(point.filling(other)) threw \(error)")
            }
            let left = values.0.formulaEntries
            let right = values.1.formulaEntries
            if !(left + right).allSatisfy(\.isFinite) {
                if undefined == nil {
                    undefined =
                        "at \(point) \(formula) gives \(Self.text(values.0, digits: 4)), "
                        + "\(point.filling(other)) gives \(Self.text(values.1, digits: 4))"
                }
                continue
            }
            guard left.count == right.count, Self.sameShape(values.0, values.1) else {
                return .differs(
                    "at \(point) \(formula) gives \(Self.describeShape(values.0)), \(point.filling(other)) gives "
                        + Self.describeShape(values.1))
            }
            let agree = zip(left, right).allSatisfy {
                isApproximatelyEqual(
                    $0, $1, relativeTolerance: relativeTolerance, absoluteTolerance: absoluteTolerance)
            }
            guard agree else {
                // Enough digits to see the two apart.
                var digits = 4
                while digits < 17, Self.text(values.0, digits: digits) == Self.text(values.1, digits: digits) {
                    digits += 1
                }
                return .differs(
                    "at \(point) \(formula) gives \(Self.text(values.0, digits: digits)), "
                        + "\(point.filling(other)) gives \(Self.text(values.1, digits: digits))")
            }
            compared += 1
        }
        guard compared >= minimum else {
            return .failed(
                "only \(compared) of \(count) points could be compared; at the others a side is not a finite number"
                    + (undefined.map { " (\($0))" } ?? ""))
        }
        return .agreed(points: compared)
    }

    /// A vector and a one-column matrix of the same length have the same shape; two matrices
    /// must have the same rows and columns.
    static func sameShape(_ a: some FormulaValue, _ b: some FormulaValue) -> Bool {
        let (x, y) = (a.formulaShape, b.formulaShape)
        if x == y { return true }
        let isVector = { (shape: (rows: Int, columns: Int)) in shape.rows == 1 || shape.columns == 1 }
        return isVector(x) && isVector(y) && x.rows * x.columns == y.rows * y.columns
    }

    static func describeShape(_ value: some FormulaValue) -> String {
        let shape = value.formulaShape
        if value is Double { return "a number" }
        if shape.columns == 1 || value is [Double] { return "\(value.formulaEntries.count) entries" }
        return "a \(shape.rows)×\(shape.columns) matrix"
    }

    static func text(_ value: some FormulaValue, digits: Int) -> String {
        let shape = value.formulaShape
        return FormulaPoint.text(
            Matrix(rows: shape.rows, columns: shape.columns, elements: value.formulaEntries), isNumber: value is Double,
            digits: digits)
    }
}
