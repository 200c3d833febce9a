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
        if a.rows == 1, b.rows > 1, a.columns == b.columns, a.columns > 1 {
            // A row added to every row of a matrix (`\mathbf{X}\mathbf{W} + \mathbf{b}`).
            return Tensor(
                rows: b.rows, columns: b.columns,
                entries: b.entries.enumerated().map { op(a.entries[$0.offset % a.columns], $0.element) })
        }
        if b.rows == 1, a.rows > 1, a.columns == b.columns, b.columns > 1 {
            return Tensor(
                rows: a.rows, columns: a.columns,
                entries: a.entries.enumerated().map { op($0.element, b.entries[$0.offset % b.columns]) })
        }
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

    /// aᵇ: of a number; of a vector, entry by entry (`g_t^2`, as lessons write it); of a square
    /// matrix, the matrix power for a whole exponent (A², and A⁻¹ the inverse).
    public static func power(_ a: Tensor, _ b: Tensor) throws(EvaluationFailure) -> Tensor {
        guard b.isSingle else { throw .shape("an exponent must be a number, not a \(b.shapeText)") }
        let exponent = b.entries[0]
        if a.isSingle {
            var out = Tensor(a.entries[0].power(exponent))
            out.isScalar = a.isScalar
            return out
        }
        if a.rows == 1 || a.columns == 1 { return a.map { $0.power(exponent) } }
        guard a.rows == a.columns else {
            throw .shape("a power of a \(a.shapeText) matrix needs a square matrix")
        }
        guard exponent.tangent == 0, exponent.value == exponent.value.rounded(), abs(exponent.value) <= 16 else {
            throw .shape("a matrix power needs a whole exponent")
        }
        var base = a
        var count = Int(exponent.value)
        if count < 0 {
            base = try a.inverse()
            count = -count
        }
        var result = Tensor.identity(a.rows)
        for _ in 0..<count { result = try multiply(result, base) }
        return result
    }

    /// The determinant by elimination with partial pivoting, in dual numbers.
    public func determinant() throws(EvaluationFailure) -> Dual {
        let n = rows
        var m = entries
        var det = Dual(1)
        for column in 0..<n {
            var pivot = column
            for row in column..<n where abs(m[row * n + column].value) > abs(m[pivot * n + column].value) {
                pivot = row
            }
            if abs(m[pivot * n + column].value) < 1e-300 { return Dual(0) }
            if pivot != column {
                for k in 0..<n { m.swapAt(pivot * n + k, column * n + k) }
                det = -det
            }
            det = det * m[column * n + column]
            for row in (column + 1)..<max(n, column + 1) {
                let factor = m[row * n + column] / m[column * n + column]
                for k in column..<n { m[row * n + k] = m[row * n + k] - factor * m[column * n + k] }
            }
        }
        return det
    }

    /// The n×n identity matrix.
    public static func identity(_ n: Int) -> Tensor {
        Tensor(rows: n, columns: n, entries: (0..<(n * n)).map { Dual($0 / n == $0 % n ? 1 : 0) })
    }

    /// A⁻¹ by Gauss–Jordan elimination with partial pivoting, in dual numbers (so derivatives
    /// flow through it); a pivot below 10⁻¹⁰ makes the matrix singular at this point.
    public func inverse() throws(EvaluationFailure) -> Tensor {
        let n = rows
        var left = entries
        var right = Tensor.identity(n).entries
        for column in 0..<n {
            var pivot = column
            for row in column..<n where abs(left[row * n + column].value) > abs(left[pivot * n + column].value) {
                pivot = row
            }
            guard abs(left[pivot * n + column].value) > 1e-10 else {
                throw .unsupported(.singular, "of \(shapeText)")
            }
            if pivot != column {
                for k in 0..<n {
                    left.swapAt(pivot * n + k, column * n + k)
                    right.swapAt(pivot * n + k, column * n + k)
                }
            }
            let scale = left[column * n + column]
            for k in 0..<n {
                left[column * n + k] = left[column * n + k] / scale
                right[column * n + k] = right[column * n + k] / scale
            }
            for row in 0..<n where row != column {
                let factor = left[row * n + column]
                for k in 0..<n {
                    left[row * n + k] = left[row * n + k] - factor * left[column * n + k]
                    right[row * n + k] = right[row * n + k] - factor * right[column * n + k]
                }
            }
        }
        return Tensor(rows: n, columns: n, entries: right)
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
