import Foundation

extension Evaluator {
    /// The functions whose value at a large argument is lost to its rounding.
    static let periodicKeys: Set<String> = ["sin", "cos", "tan"]
    /// Beyond this, an argument's rounding (2⁻³² of it) is no longer small against the period.
    static let largestPeriodicArgument = 1e6

    /// A function applied to values: the catalog's or the lesson's definition, else an
    /// elementary function; `order` primes take its derivative.
    mutating func call(_ name: FunctionName, order: Int, _ arguments: [Tensor]) throws(EvaluationFailure) -> Tensor {
        // `H(p)` and `H(t, p)`: a lesson may define one name for several numbers of arguments.
        if let definition = functions["\(name.key)#\(arguments.count)"] ?? functions[name.key]
            ?? (openFunctions.contains(name.key) ? openFunction(name) : nil)
        {
            switch definition {
            case .scalar(let f, let derivative, let kinks):
                let argument = try single(arguments, name)
                return argument.map { x in
                    if kinks.contains(where: { abs(x.value - $0) < kinkMargin }) { nearKink = true }
                    switch order {
                    case 0: return x.applying(f(x.value), derivative: derivative(x.value))
                    default:
                        // f″ by central differences of the engine's f′ (only its tangent needs it).
                        let h = 1e-5
                        let second = (derivative(x.value + h) - derivative(x.value - h)) / (2 * h)
                        return x.applying(derivative(x.value), derivative: order == 1 ? second : .nan)
                    }
                }
            case .vector(let f, let jacobianProduct):
                guard order == 0 else {
                    throw .unsupported(.derivative, "of \(name), a Jacobian matrix")
                }
                let argument = try single(arguments, name)
                let values = f(argument.values)
                let tangents = jacobianProduct(argument.values, argument.entries.map(\.tangent))
                var out = argument
                out.entries = zip(values, tangents).map { Dual($0, $1) }
                return out
            case .expression(let parameters, let body):
                guard parameters.count == arguments.count else {
                    throw .unsupported(.arity, "\(name) takes \(parameters.count), not \(arguments.count)")
                }
                return try apply(parameters, body, arguments, order: order, name: name)
            }
        }
        return try elementary(name, order: order, arguments)
    }

    /// A function the lesson leaves open (`f` of `a = f(z)`, "any activation"), drawn at this
    /// point as a smooth function of one number, f(x) = a·tanh(bx + c) + dx, with its derivative:
    /// a claim about every f must hold for it.
    func openFunction(_ name: FunctionName) -> FunctionDefinition {
        var generator = makeGenerator(pointSeed ^ Self.stableHash("function " + name.key))
        let a = Double.random(in: 0.5...1.5, using: &generator)
        let b = Double.random(in: 0.5...1.5, using: &generator)
        let c = Double.random(in: -0.5...0.5, using: &generator)
        let d = Double.random(in: 0.1...0.5, using: &generator)
        return .scalar(
            value: { x in a * Foundation.tanh(b * x + c) + d * x },
            derivative: { x in
                let t = Foundation.tanh(b * x + c)
                return a * b * (1 - t * t) + d
            }, kinks: [])
    }

    /// Functions of a whole vector or matrix: its norms, determinant, trace, largest and smallest
    /// entry and their positions; `nil` for a name that applies entry by entry.
    private mutating func ofWholeArray(_ name: FunctionName, _ x: Tensor) throws(EvaluationFailure) -> Tensor? {
        switch name.key {
        case "norm":
            // ‖x‖₂ (Frobenius for a matrix): √Σ x².
            let squares = x.entries.reduce(Dual(0)) { $0 + $1 * $1 }
            return Tensor(squares.power(Dual(0.5)))
        case "norm1":
            return Tensor(x.entries.reduce(Dual(0)) { $0 + ($1.value >= 0 ? $1 : -$1) })
        case "normmax":
            return Tensor(
                x.entries.max { Swift.abs($0.value) < Swift.abs($1.value) }.map { $0.value >= 0 ? $0 : -$0 } ?? Dual(0))
        case "det":
            guard x.rows == x.columns else { throw .shape("the determinant of a \(x.shapeText) matrix") }
            return Tensor(try x.determinant())
        case "tr", "trace":
            guard x.rows == x.columns else { throw .shape("the trace of a \(x.shapeText) matrix") }
            return Tensor((0..<x.rows).reduce(Dual(0)) { $0 + x[$1, $1] })
        case "max",
            "min" where !x.isSingle:
            let pick = name.key == "max" ? x.entries.max { $0.value < $1.value } : x.entries.min { $0.value < $1.value }
            return Tensor(pick!)
        case "argmax",
            "argmin" where !x.isSingle:
            let values = x.values
            let best =
                name.key == "argmax"
                ? values.indices.max { values[$0] < values[$1] } : values.indices.min { values[$0] < values[$1] }
            return Tensor(Double(best! + 1))
        default:
            return nil
        }
    }

    private func single(_ arguments: [Tensor], _ name: FunctionName) throws(EvaluationFailure) -> Tensor {
        guard arguments.count == 1 else { throw .unsupported(.arity, "\(name) takes 1, not \(arguments.count)") }
        return arguments[0]
    }

    /// A lesson's function: its body with the parameters bound. A derivative (one prime) seeds the
    /// single parameter and reads the tangent.
    private mutating func apply(
        _ parameters: [Symbol], _ body: Expression, _ arguments: [Tensor], order: Int,
        name: FunctionName
    ) throws(EvaluationFailure) -> Tensor {
        guard callDepth < 32 else { throw .unsupported(.selfReference, name.written) }
        let savedLocals = locals
        let savedSeed = seed
        callDepth += 1
        defer {
            locals = savedLocals
            seed = savedSeed
            callDepth -= 1
        }
        if order == 0 {
            for (parameter, argument) in zip(parameters, arguments) { locals[parameter] = argument }
            return try value(of: body)
        }
        guard order == 1, parameters.count == 1 else {
            throw .unsupported(.derivative, "\(name)\(String(repeating: "′", count: order))")
        }
        seed = nil
        var out = arguments[0]
        for index in out.entries.indices {
            locals[parameters[0]] = Tensor(Dual(arguments[0].entries[index].value, 1))
            let result = try value(of: body)
            guard result.isSingle else { throw .unsupported(.derivative, "\(name)′ of a vector") }
            out.entries[index] = Dual(result.entries[0].tangent)
        }
        return out
    }

    /// exp, log, max… on dual numbers, entry by entry.
    private mutating func elementary(_ name: FunctionName, order: Int, _ arguments: [Tensor]) throws(EvaluationFailure)
        -> Tensor
    {
        guard order <= 1 else { throw .unsupported(.derivative, "\(name)\(String(repeating: "′", count: order))") }
        if name.key.hasSuffix("⁻¹"), arguments.count == 1, order == 0 {
            return try inverse(FunctionName(String(name.written.dropLast(2))), of: arguments[0])
        }
        switch name.key {
        case "max" where arguments.count >= 2, "min" where arguments.count >= 2:
            // `\max(a, b)`, `\max(-1, 0, 1)`: entry by entry, the largest (smallest) of the values.
            let isMax = name.key == "max"
            var result = arguments[0]
            for next in arguments.dropFirst() {
                result = try Tensor.elementwise(result, next, verb: "compare") { a, b in
                    if abs(a.value - b.value) < kinkMargin { nearKink = true }
                    return (a.value >= b.value) == isMax ? a : b
                }
            }
            return result
        default: break
        }
        guard arguments.count == 1 else { throw .unsupported(.arity, "\(name) takes 1, not \(arguments.count)") }
        if let whole = try ofWholeArray(name, arguments[0]) { return whole }
        let f: (Double) -> (Double, Double)
        switch name.key {
        case "exp": f = { (Foundation.exp($0), Foundation.exp($0)) }
        case "log", "ln": f = { (Foundation.log($0), 1 / $0) }
        case "sqrt": f = { (Foundation.sqrt($0), 0.5 / Foundation.sqrt($0)) }
        case "abs": f = { (Swift.abs($0), $0 >= 0 ? 1 : -1) }
        case "sin": f = { (Foundation.sin($0), Foundation.cos($0)) }
        case "cos": f = { (Foundation.cos($0), -Foundation.sin($0)) }
        case "tan": f = { (Foundation.tan($0), 1 / (Foundation.cos($0) * Foundation.cos($0))) }
        case "sinh": f = { (Foundation.sinh($0), Foundation.cosh($0)) }
        case "cosh": f = { (Foundation.cosh($0), Foundation.sinh($0)) }
        case "tanh": f = { (Foundation.tanh($0), 1 - Foundation.tanh($0) * Foundation.tanh($0)) }
        case "sign", "sgn":
            f = { x in
                (x > 0 ? 1 : x < 0 ? -1 : 0, 0)
            }
        case "floor": f = { (Foundation.floor($0), 0) }
        case "ceil": f = { (Foundation.ceil($0), 0) }
        case "erf": f = { (Foundation.erf($0), 2 / Foundation.sqrt(Double.pi) * Foundation.exp(-$0 * $0)) }
        case "Φ":
            // The standard normal CDF, Φ(x) = (1 + erf(x/√2))/2, with the density as its slope.
            f = { x in
                (
                    (1 + Foundation.erf(x / 2.0.squareRoot())) / 2,
                    Foundation.exp(-x * x / 2) / (2 * Double.pi).squareRoot()
                )
            }
        case "factorial":
            // x! = Γ(x + 1); its slope by central differences of log Γ (digamma is not in Foundation).
            f = { x in
                let value = Foundation.tgamma(x + 1)
                let h = 1e-6
                let digamma = (Foundation.lgamma(x + 1 + h) - Foundation.lgamma(x + 1 - h)) / (2 * h)
                return (value, value * digamma)
            }
        default: throw .unsupported(.unknownFunction, name.written)
        }
        // A sine of a huge number (`\sin(i\omega_j)` with ω_j = 10000^{…} far out) is the rounding of
        // its argument, not a value: two ways of writing the same argument give any two sines, so
        // such a point proves nothing and is skipped, as a point on a kink is.
        if Self.periodicKeys.contains(name.key),
            arguments[0].entries.contains(where: { abs($0.value) > Self.largestPeriodicArgument })
        {
            nearKink = true
        }
        if order == 1 {
            // `\tanh'(x)`: the slope, whose own slope is not needed.
            return arguments[0].map { x in x.applying(f(x.value).1, derivative: .nan) }
        }
        return arguments[0].map { x in
            let (value, slope) = f(x.value)
            return x.applying(value, derivative: slope)
        }
    }

    /// `\sigma^{-1}(p)`, `\tanh^{-1}(y)`: the x with f(x) = y, found by bisection where f is
    /// monotone on [−40, 40], its slope 1/f′(x).
    private mutating func inverse(_ function: FunctionName, of y: Tensor) throws(EvaluationFailure) -> Tensor {
        var out = y
        for (position, target) in y.entries.enumerated() {
            func f(_ x: Double) throws(EvaluationFailure) -> Double {
                try call(function, order: 0, [Tensor(x)]).values[0]
            }
            var low = -40.0, high = 40.0
            var fLow = try f(low), fHigh = try f(high)
            guard fLow.isFinite, fHigh.isFinite, fLow != fHigh else {
                throw .unsupported(.inverseFunction, function.written)
            }
            let increasing = fHigh > fLow
            guard (target.value - fLow) * (target.value - fHigh) <= 0 else {
                // Outside the range of f: no inverse there.
                out.entries[position] = Dual(.nan)
                continue
            }
            for _ in 0..<200 {
                let middle = (low + high) / 2
                let value = try f(middle)
                if (value < target.value) == increasing {
                    low = middle; fLow = value
                } else {
                    high = middle; fHigh = value
                }
            }
            let x = (low + high) / 2
            let slope = try call(function, order: 0, [Tensor(Dual(x, 1))]).entries[0].tangent
            out.entries[position] = Dual(x, target.tangent / slope)
        }
        return out
    }
}
