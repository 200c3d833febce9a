/// A value recorded on a `Tape`: a matrix (a scalar is 1×1) with its place in the computation.
public struct Variable {
    /// The tape that recorded this value.
    public let tape: Tape
    let index: Int

    /// The value computed in the forward direction.
    public var value: Matrix<Double> { tape.nodes[index].value }

    /// The value of a 1×1 variable.
    public var scalar: Double {
        precondition(value.count == 1, "scalar of a \(value.shapeText) variable")
        return value.elements[0]
    }

    func checkSameTape(_ other: Variable) {
        precondition(tape === other.tape, "variables from different tapes")
    }
}

// MARK: - Elementwise operations (same shapes), with their vector–Jacobian products

extension Variable {
    /// x + y; ∂/∂x = ∂/∂y = 1.
    public static func + (x: Variable, y: Variable) -> Variable {
        x.checkSameTape(y)
        return x.tape.record(x.value + y.value, [(x.index, { $0 }), (y.index, { $0 })])
    }

    /// x − y; ∂/∂x = 1, ∂/∂y = −1.
    public static func - (x: Variable, y: Variable) -> Variable {
        x.checkSameTape(y)
        return x.tape.record(x.value - y.value, [(x.index, { $0 }), (y.index, { -$0 })])
    }

    /// x ⊙ y; ∂/∂x = y, ∂/∂y = x.
    public static func * (x: Variable, y: Variable) -> Variable {
        x.checkSameTape(y)
        let xv = x.value, yv = y.value
        return x.tape.record(xv.hadamard(yv), [(x.index, { $0.hadamard(yv) }), (y.index, { $0.hadamard(xv) })])
    }

    /// x ÷ y elementwise; ∂/∂x = 1/y, ∂/∂y = −x/y².
    public static func / (x: Variable, y: Variable) -> Variable {
        x.checkSameTape(y)
        let xv = x.value, yv = y.value
        return x.tape.record(
            xv.zipMap(yv, "/", /),
            [
                (x.index, { $0.zipMap(yv, "/", /) }),
                (
                    y.index,
                    { g in
                        Matrix(rows: g.rows, columns: g.columns) { i, j in -g[i, j] * xv[i, j] / (yv[i, j] * yv[i, j]) }
                    }
                ),
            ])
    }

    /// −x.
    public static prefix func - (x: Variable) -> Variable {
        x.tape.record(-x.value, [(x.index, { -$0 })])
    }

    /// x + c for a constant c.
    public static func + (x: Variable, c: Double) -> Variable {
        x.tape.record(x.value.map { $0 + c }, [(x.index, { $0 })])
    }

    /// c·x for a constant c.
    public static func * (c: Double, x: Variable) -> Variable {
        x.tape.record(c * x.value, [(x.index, { c * $0 })])
    }

    /// c ÷ x elementwise for a constant c; ∂/∂x = −c/x².
    public static func / (c: Double, x: Variable) -> Variable {
        let xv = x.value
        return x.tape.record(xv.map { c / $0 }, [(x.index, { $0.zipMap(xv) { g, v in -g * c / (v * v) } })])
    }

    /// eˣ; ∂/∂x = eˣ.
    public func exp() -> Variable {
        let y = value.map { Double.exp($0) }
        return tape.record(y, [(index, { $0.hadamard(y) })])
    }

    /// log x; ∂/∂x = 1/x.
    public func log() -> Variable {
        let xv = value
        return tape.record(xv.map { Double.log($0) }, [(index, { $0.zipMap(xv, "log", /) })])
    }

    /// tanh x; ∂/∂x = 1 − tanh²x.
    public func tanh() -> Variable {
        let y = value.map { Double.tanh($0) }
        return tape.record(y, [(index, { $0.zipMap(y) { g, t in g * (1 - t * t) } })])
    }

    /// erf x; ∂/∂x = (2/√π)e^{−x²}.
    public func erf() -> Variable {
        let xv = value
        return tape.record(
            xv.map { Double.erf($0) },
            [
                (
                    index,
                    {
                        $0.zipMap(xv) { g, v in g * 2 / Double.pi.squareRoot() * Double.exp(-v * v) }
                    }
                )
            ])
    }

    /// mask ⊙ x with a constant 0/1 mask chosen from x's values (e.g. x > 0): piecewise functions
    /// such as ReLU and ELU are built from it, valid away from the kinks.
    public func masked(_ keep: (Double) -> Bool) -> Variable {
        let mask = value.map { keep($0) ? 1 : 0 }
        return tape.record(value.hadamard(mask), [(index, { $0.hadamard(mask) })])
    }
}

// MARK: - Products, reductions and broadcasts

extension Variable {
    /// The matrix product X·Y: (m, k)·(k, n) → (m, n); ∂/∂X = G·Yᵀ, ∂/∂Y = Xᵀ·G.
    public func matmul(_ y: Variable) -> Variable {
        checkSameTape(y)
        let xv = value, yv = y.value
        return tape.record(
            xv.naiveProduct(yv),
            [
                (index, { $0.naiveProduct(yv.transposed) }), (y.index, { xv.transposed.naiveProduct($0) }),
            ])
    }

    /// Xᵀ; the gradient is transposed back.
    public func transposed() -> Variable {
        tape.record(value.transposed, [(index, { $0.transposed })])
    }

    /// Σ of all elements → (1, 1); ∂/∂xᵢⱼ = 1.
    public func sum() -> Variable {
        let (r, c) = value.shape
        return tape.record(
            Matrix(rows: 1, columns: 1, elements: [value.sum()]),
            [
                (index, { g in Matrix(rows: r, columns: c, repeating: g.elements[0]) })
            ])
    }

    /// Sum of each row: (r, c) → (r, 1); the gradient is copied along each row.
    public func rowSums() -> Variable {
        let c = value.columns
        return tape.record(value.rowSums(), [(index, { g in Matrix(rows: g.rows, columns: c) { i, _ in g[i, 0] } })])
    }

    /// Repeats a column (r, 1) into (r, columns); the gradient is summed back along rows.
    public func broadcastColumn(to columns: Int) -> Variable {
        precondition(value.columns == 1, "broadcastColumn of \(value.shapeText), needs (r, 1)")
        return tape.record(
            Matrix(rows: value.rows, columns: columns) { i, _ in value[i, 0] }, [(index, { $0.rowSums() })])
    }

    /// Repeats a row (1, c) into (rows, c) (bias broadcast); the gradient is summed over rows.
    public func broadcastRow(to rows: Int) -> Variable {
        precondition(value.rows == 1, "broadcastRow of \(value.shapeText), needs (1, c)")
        return tape.record(
            Matrix(rows: rows, columns: value.columns) { _, j in value[0, j] }, [(index, { $0.columnSums() })])
    }
}
