/// The arithmetic of formula values: scalars broadcast, matrices follow linear algebra, and a
/// shape that does not fit is an `EvaluationFailure.shape` naming both shapes.
extension Tensor {
    /// a + b (or a − b with `subtract`): equal shapes, or one side a single number.
    public static func add(_ a: Tensor, _ b: Tensor, subtract: Bool = false) throws(EvaluationFailure) -> Tensor {
        let op: (Dual, Dual) -> Dual = subtract ? { $0 - $1 } : { $0 + $1 }
        return try elementwise(a, b, verb: subtract ? "subtract" : "add", op)
    }

    /// a ⊙ b, entry by entry.
    public static func hadamard(_ a: Tensor, _ b: Tensor) throws(EvaluationFailure) -> Tensor {
        try elementwise(a, b, verb: "multiply entrywise", { $0 * $1 })
    }

    /// Entry by entry with broadcasting of a single number.
    static func elementwise(_ a: Tensor, _ b: Tensor, verb: String, _ op: (Dual, Dual) -> Dual)
        throws(EvaluationFailure) -> Tensor
    {
        if a.isSingle && b.isSingle {
            var out = Tensor(op(a.entries[0], b.entries[0]))
            out.isScalar = a.isScalar && b.isScalar
            return out
        }
        if a.isSingle { return b.map { op(a.entries[0], $0) } }
        if b.isSingle { return a.map { op($0, b.entries[0]) } }
        guard a.rows == b.rows, a.columns == b.columns else {
            throw .shape("cannot \(verb) a \(a.shapeText) and a \(b.shapeText)")
        }
        return Tensor(rows: a.rows, columns: a.columns, entries: zip(a.entries, b.entries).map(op))
    }

    /// a·b: a scalar times anything, or the matrix product (m×k)(k×n) = m×n.
    public static func multiply(_ a: Tensor, _ b: Tensor) throws(EvaluationFailure) -> Tensor {
        if a.isSingle || b.isSingle { return try elementwise(a, b, verb: "multiply", { $0 * $1 }) }
        guard a.columns == b.rows else {
            throw .shape(
                "cannot multiply a \(a.shapeText) by a \(b.shapeText): inner dimensions \(a.columns) and \(b.rows) differ"
            )
        }
        var entries: [Dual] = []
        entries.reserveCapacity(a.rows * b.columns)
        for i in 0..<a.rows {
            for j in 0..<b.columns {
                var total = Dual(0)
                for k in 0..<a.columns { total = total + a[i, k] * b[k, j] }
                entries.append(total)
            }
        }
        return Tensor(rows: a.rows, columns: b.columns, entries: entries)
    }

    /// a / b for a single-number b.
    public static func divide(_ a: Tensor, _ b: Tensor) throws(EvaluationFailure) -> Tensor {
        guard b.isSingle else { throw .shape("cannot divide by a \(b.shapeText) matrix") }
        return try elementwise(a, b, verb: "divide", { $0 / $1 })
    }

    /// aᵇ for single numbers.
    public static func power(_ a: Tensor, _ b: Tensor) throws(EvaluationFailure) -> Tensor {
        guard b.isSingle else { throw .shape("an exponent must be a number, not a \(b.shapeText)") }
        guard a.isSingle else {
            throw .shape("a power of a \(a.shapeText) matrix is ambiguous (entrywise, or a matrix power?)")
        }
        var out = Tensor(a.entries[0].power(b.entries[0]))
        out.isScalar = a.isScalar
        return out
    }

    /// Aᵀ.
    public var transposed: Tensor {
        if isSingle { return self }
        var entries: [Dual] = []
        for j in 0..<columns { for i in 0..<rows { entries.append(self[i, j]) } }
        return Tensor(rows: columns, columns: rows, entries: entries)
    }

    /// Whether two values agree within `relative` and `absolute` tolerance, entry by entry:
    /// |a − b| ≤ absolute + relative·max(|a|, |b|) (the usual mixed test, as in swift-numerics'
    /// `isApproximatelyEqual`). A 1×1 matrix equals the scalar it holds.
    public func isClose(to other: Tensor, relative: Double = 1e-7, absolute: Double = 1e-9) -> Bool {
        guard (isSingle && other.isSingle) || (rows == other.rows && columns == other.columns) else { return false }
        for (a, b) in zip(values, other.values) {
            if a.isNaN || b.isNaN { return false }
            if a == b { continue }
            if abs(a - b) > absolute + relative * max(abs(a), abs(b)) { return false }
        }
        return true
    }
}
