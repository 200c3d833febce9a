import Foundation

/// Evaluates expressions at one sample point, in `Double` dual numbers, through the lesson's
/// chain of definitions.
///
/// A symbol with a definition (`y = σ(W^{(2)}a^{(1)} + b^{(2)})`) is computed from it; any other
/// symbol is an input, drawn once per point from its `Domain` with its declared shape (or as a
/// scalar when `scalarOnly`). `∂A/∂B` seeds B with tangent 1 and re-evaluates the definitions
/// that depend on B, so derivatives are exact (forward-mode automatic differentiation).
public struct Evaluator {
    /// Functions by normalised name (`FunctionName.key`): the catalog's and the lesson's.
    public var functions: [String: FunctionDefinition]
    /// Names of functions the lesson leaves open (`f` of `a = f(z)`), drawn at each point.
    public var openFunctions: Set<String> = []
    /// The lesson's definitions so far.
    public var definitions: [Symbol: Expression] {
        didSet { templates = Self.templates(in: definitions) }
    }
    /// The entrywise definitions (`p_k = …` of the vector p) by vector, with their index letter.
    public internal(set) var templates: [Symbol: (letter: String, body: Expression)] = [:]
    /// Declared shapes (rows, columns) of inputs.
    public var shapes: [Symbol: [Int]]
    /// Where inputs are drawn from; `.real` when absent.
    public var domains: [Symbol: Domain]
    /// The values of the point: inputs drawn so far and values fixed by the caller.
    public var bindings: [Symbol: Tensor]
    /// Values fixed for whole sub-expressions (the gradient in an update rule).
    public var expressionBindings: [Expression: Tensor]
    /// The distributions the lesson states for symbols, which `\mathbb{E}` averages over.
    public var laws: [Symbol: RandomLaw] = [:]
    /// Every input is a scalar (the "scalar network" reading), whatever shapes were declared.
    public var scalarOnly: Bool
    /// The length of vectors whose length nothing fixes (a softmax's input, a sum's range).
    public var vectorLength: Int
    /// Set when an input came within `kinkMargin` of a kink (ReLU at 0, a `cases` boundary):
    /// such points say nothing about derivatives and are skipped.
    public internal(set) var nearKink = false
    /// How close to a kink a point may come.
    public var kinkMargin = 1e-3
    /// Inputs drawn as scalars because no shape was declared for them: a shape error that
    /// involves one of them may be the reading's fault, not the lesson's.
    public internal(set) var undeclaredInputs: Set<Symbol> = []

    var generator: any RandomNumberGenerator
    var cache: [Symbol: Tensor] = [:]
    var seed: Symbol? = nil
    /// The entry of a matrix seed that carries the tangent (row-major).
    var seedEntry: Int? = nil
    var locals: [Symbol: Tensor] = [:]
    var indices: [String: Int] = [:]
    var inProgress: Set<Symbol> = []
    /// How deep lesson functions call each other now; bounded so `f(x) = f(x)` cannot recurse forever.
    var callDepth = 0
    /// How deep the evaluation of sub-expressions is nested now; bounded by `maximumDepth`.
    var depth = 0
    /// Take derivatives by central finite differences instead of dual numbers: the second
    /// opinion a checker asks for before it calls a derivative wrong.
    public var finiteDifferences = false
    /// A value that replaces a symbol's own while finite differences perturb it.
    var perturbed: (symbol: Symbol, value: Tensor)? = nil
    /// The vector of a perturbed entry (`z` of `z_i`), with that entry perturbed.
    var perturbedParent: (symbol: Symbol, value: Tensor)? = nil
    /// How deep evaluation may nest (sub-expressions, definitions, entries, calls) before it gives
    /// up: whatever a lesson says (`x_t = 2^t x_0` refers to its own entries), evaluation ends.
    public static let maximumDepth = 400
    /// The seed of this point: each input is drawn from a generator keyed by it and the input's
    /// name, so the values do not depend on the order inputs are met in.
    let pointSeed: UInt64
    /// Makes the generator of one input from its key.
    let makeGenerator: @Sendable (UInt64) -> any RandomNumberGenerator

    /// Creates an evaluator for one point, drawing inputs from `generator`.
    public init(
        functions: [String: FunctionDefinition], definitions: [Symbol: Expression] = [:],
        shapes: [Symbol: [Int]] = [:], domains: [Symbol: Domain] = [:], bindings: [Symbol: Tensor] = [:],
        scalarOnly: Bool = false, vectorLength: Int = 4, seed: UInt64,
        makeGenerator: @escaping @Sendable (UInt64) -> any RandomNumberGenerator,
        templates: [Symbol: (letter: String, body: Expression)]? = nil
    ) {
        self.functions = functions
        self.definitions = definitions
        // A caller that checks many points of one lesson passes the entrywise definitions once.
        self.templates = templates ?? Self.templates(in: definitions)
        self.shapes = shapes
        self.domains = domains
        self.bindings = bindings
        self.expressionBindings = [:]
        self.scalarOnly = scalarOnly
        self.vectorLength = vectorLength
        self.generator = makeGenerator(seed)
        self.pointSeed = seed
        self.makeGenerator = makeGenerator
    }

    // MARK: - Values

    /// The value of `expression` at this point.
    public mutating func value(of expression: Expression) throws(EvaluationFailure) -> Tensor {
        if !expressionBindings.isEmpty, let bound = expressionBindings[expression] { return bound }
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw .unsupported(.tooDeep, "") }
        switch expression {
        case .number(let value): return Tensor(value)
        case .variable(let symbol): return try value(of: symbol)
        case .add(let a, let b): return try Tensor.add(try value(of: a), try value(of: b))
        case .subtract(let a, let b): return try Tensor.add(try value(of: a), try value(of: b), subtract: true)
        case .multiply(let a, let b): return try Tensor.multiply(try value(of: a), try value(of: b))
        case .divide(let a, let b): return try Tensor.divide(try value(of: a), try value(of: b))
        case .power(let a, let b): return try Tensor.power(try value(of: a), try value(of: b))
        case .negate(let a): return try value(of: a).map { -$0 }
        case .hadamard(let a, let b): return try Tensor.hadamard(try value(of: a), try value(of: b))
        case .transpose(let a): return try value(of: a).transposed
        case .component(let a, let index):
            let vector = try value(of: a)
            let position = try positions(index, in: vector)
            guard position.row >= 0, position.row < vector.rows, position.column >= 0, position.column < vector.columns
            else {
                throw .shape("the index \(index) is outside the \(vector.shapeText) value")
            }
            return Tensor(vector[position.row, position.column])
        case .call(let name, let order, let arguments):
            return try call(
                name, order: order, arguments.map { argument throws(EvaluationFailure) in try value(of: argument) })
        case .derivative(let of, let variable): return try derivative(of, with: variable)
        case .matrix(let rows): return try matrix(rows)
        case .sum(let index, let lower, let upper, let body): return try sum(index, lower, upper, body)
        case .product(let index, let lower, let upper, let body):
            return try sum(index, lower, upper, body, multiplying: true)
        case .tuple(let entries): return try matrix(entries.map { [$0] })
        case .extremum(let kind, let index, let body): return try extremum(kind, index, body)
        case .expectation(let body): return try expectation(of: body)
        case .limit(let variable, let to, let body): return try limit(of: body, as: variable, to: to)
        case .piecewise(let pieces): return try piecewise(pieces)
        case .realSpace, .finiteSet: throw .unsupported(.setAsValue, "")
        case .ellipsis: throw .unsupported(.setAsValue, "…")
        case .integral(let variable, let lower, let upper, let body):
            guard let lower, let upper else {
                throw .unsupported(.integral, "∫ \(ExpressionPrinter().print(body)) d\(variable) without bounds")
            }
            return try integral(body, over: variable, from: lower, to: upper)
        }
    }

    /// The value of a symbol: a local, a sum index, a definition, a component, or an input.
    public mutating func value(of symbol: Symbol) throws(EvaluationFailure) -> Tensor {
        if let perturbed, perturbed.symbol == resolved(symbol) { return perturbed.value }
        if let perturbedParent, perturbedParent.symbol == symbol { return perturbedParent.value }
        if let local = locals[symbol] {
            // `\frac{d}{dz}(1 + e^{-z})^{-1}` with z bound from outside (the point a function is compared
            // at): the derivative is seeded there. A parameter inside a call carries its argument's
            // tangent already, and is never seeded itself.
            if let seed, seed == symbol, local.isSingle, callDepth == 0, bindings[symbol] != nil {
                var seeded = local
                seeded.entries[0].tangent = 1
                return seeded
            }
            return local
        }
        if symbol.index == nil, symbol.label == nil, symbol.accents.isEmpty, let index = indices[symbol.name] {
            return Tensor(Double(index))
        }
        if let seed, seed == resolved(symbol) {
            let saved = self.seed
            self.seed = nil
            defer { self.seed = saved }
            let base = try value(of: symbol)
            var seeded = base
            if base.isSingle {
                seeded.entries[0].tangent = 1
            } else {
                guard let seedEntry, seedEntry < base.entries.count else {
                    throw .unsupported(.derivative, "with respect to the \(base.shapeText) matrix \(symbol) as a whole")
                }
                seeded.entries[seedEntry].tangent = 1
            }
            return seeded
        }
        if let seed, seed.index != nil, symbol == seed.withoutIndex, definitions[seed] == nil,
            template(for: symbol) == nil
        {
            // ∂/∂z_i: the vector z with tangent 1 on its i-th entry — also where z is defined
            // (`z = Wx + b`), as a defined scalar is seeded above: the derivative is with respect to
            // z itself.
            let saved = self.seed
            self.seed = nil
            defer { self.seed = saved }
            var seeded = try value(of: symbol)
            let position = try positions(seed.index!, in: seeded)
            guard position.row >= 0, position.row < seeded.rows, position.column >= 0, position.column < seeded.columns
            else { throw .shape("\(seed) is outside the \(seeded.shapeText) \(symbol)") }
            seeded.entries[position.row * seeded.columns + position.column].tangent = 1
            return seeded
        }
        if let definition = definitions[symbol] {
            // `p_k` means another entry for each k: only symbols without index letters are cached.
            // `p_k` means another entry for each k: it is cached as the entry it is now (`p_3`), and
            // only when its definition uses no other index letter that a sum could be varying.
            let key = cacheKey(symbol, definition)
            let cacheable = key != nil
            if let key, seed == nil, let cached = cache[key] { return cached }
            if let key, let seed, !depends(symbol, on: seed), let cached = cache[key] { return cached }
            guard !inProgress.contains(symbol) else { throw .unsupported(.selfReference, symbol.description) }
            inProgress.insert(symbol)
            defer { inProgress.remove(symbol) }
            let result = try value(of: definition)
            if cacheable, seed == nil, let key { cache[key] = result }
            return result
        }
        if let delta = kronecker(symbol) { return delta }
        if let entry = try fromTemplate(symbol) { return entry }
        // A symbol with a shape of its own (`\mathbf{k}_i`, the i-th key) is not an entry.
        if symbol.index != nil, scalarOnly || shapes[symbol] == nil, let component = try component(symbol) {
            return component
        }
        if let bound = bindings[symbol] { return bound }
        if symbol.index == nil, symbol.label == nil, functions[FunctionName(symbol.name).key] != nil {
            throw .unsupported(.functionAsValue, symbol.description)
        }
        if Self.isIdentity(symbol) {
            // `I`, `\mathbf{I}`: the identity matrix of its size, 1 where it stands for a number.
            let shape = scalarOnly ? nil : shapes[symbol]
            let identity = shape.map { $0.count == 2 && $0[0] == $0[1] ? Tensor.identity($0[0]) : nil } ?? Tensor(1)
            if let identity {
                bindings[symbol] = identity
                return identity
            }
        }
        let drawn = draw(symbol)
        bindings[symbol] = drawn
        return drawn
    }

    /// `I` or `\mathbf{I}` with nothing else on it: the identity matrix.
    public static func isIdentity(_ symbol: Symbol) -> Bool {
        symbol.name == "I" && symbol.index == nil && symbol.label == nil && symbol.primes == 0
            && symbol.accents.allSatisfy { $0 == "bold" }
    }

    /// Whether `symbol`'s value changes with `variable` through the definitions.
    public func dependsOn(_ symbol: Symbol, _ variable: Symbol) -> Bool { depends(symbol, on: variable) }

    /// Whether `symbol`'s value changes with `seed` through the definitions.
    func depends(_ symbol: Symbol, on seed: Symbol) -> Bool {
        var seen: Set<Symbol> = []
        var stack = [symbol]
        while let next = stack.popLast() {
            if next == seed || (seed.index != nil && next == seed.withoutIndex) { return true }
            guard seen.insert(next).inserted else { continue }
            if let definition = definitions[next] ?? template(for: next)?.body { stack += definition.freeSymbols }
            if next.index != nil { stack.append(next.withoutIndex) }
        }
        return false
    }

    // MARK: - Derivatives

    /// ∂of/∂variable at this point, by forward-mode differentiation through the definitions.
    mutating func derivative(_ of: Expression, with written: Symbol) throws(EvaluationFailure) -> Tensor {
        // ∂L/∂p_k inside a sum over k: the entry k stands for now.
        let variable = resolved(written)
        var target = of
        if case .variable(let function) = of, definitions[function] == nil, bindings[function] == nil,
            functions[FunctionName(function.name).key] != nil || Lowerer.elementaryFunctions.contains(function.name)
        {
            // `\frac{d\sigma}{dx}`; a lesson function only in its own variable (`∂z/∂s` for an
            // intermediate s of z(x) is not z′(s)).
            if case .expression(let parameters, _)? = functions[FunctionName(function.name).key],
                parameters != [variable]
            {
                throw .unsupported(.unrelatedDerivative, "∂\(function)/∂\(variable)")
            }
            // `\frac{d\sigma}{dx}`: the function applied to the variable.
            target = .call(FunctionName(function.name), derivative: function.primes, [.variable(variable)])
        }
        guard target.freeSymbols.contains(where: { depends($0, on: variable) }) else {
            // Nothing the lesson defined links them: a derivative of 0 would be a guess.
            throw .unsupported(.unrelatedDerivative, "∂\(ExpressionPrinter().print(of))/∂\(variable)")
        }
        // A derivative of a derivative: the outer one by central differences over the inner's
        // exact (dual-number) value, as one tangent carries one derivative.
        let nested = target.contains { if case .derivative = $0 { true } else { false } }
        if finiteDifferences || nested { return try finiteDifference(target, with: variable) }
        let saved = (seed, seedEntry)
        defer { (seed, seedEntry) = saved }
        seed = nil
        let base = try value(of: variable)
        seed = variable
        seedEntry = nil
        if base.isSingle {
            let result = try value(of: target)
            return result.map { Dual($0.tangent) }
        }
        // ∂L/∂W for a matrix W: one forward pass per entry, the gradient in W's shape
        // (the convention of ∂L/∂W_{ij} laid out like W).
        var entries: [Dual] = []
        for entry in base.entries.indices {
            seedEntry = entry
            let result = try value(of: target)
            guard result.isSingle else {
                throw .unsupported(
                    .derivative,
                    "of the \(result.shapeText) \(ExpressionPrinter().print(of)) with respect to the "
                        + "\(base.shapeText) \(variable), a Jacobian")
            }
            entries.append(Dual(result.entries[0].tangent))
        }
        return Tensor(rows: base.rows, columns: base.columns, entries: entries)
    }

    /// ∂target/∂variable by central differences, entry by entry of the variable:
    /// (f(x + h) − f(x − h)) / 2h with h = 10⁻⁵·max(1, |x|), error O(h²).
    mutating func finiteDifference(_ target: Expression, with variable: Symbol) throws(EvaluationFailure) -> Tensor {
        let base = try value(of: variable)
        // ∂/∂z_i of a vector z that is an input: perturb the entry inside z as well.
        var parent: (symbol: Symbol, value: Tensor, entry: Int)? = nil
        if let index = variable.index, base.isSingle, definitions[variable] == nil,
            let vector = try? value(of: variable.withoutIndex), !vector.isSingle,
            let position = try? positions(index, in: vector)
        {
            parent = (variable.withoutIndex, vector, position.row * vector.columns + position.column)
        }
        let savedCache = cache
        let saved = (perturbed, perturbedParent)
        defer {
            cache = savedCache
            (perturbed, perturbedParent) = saved
        }
        var entries: [Dual] = []
        var vectorResult: Tensor? = nil
        for entry in base.entries.indices {
            let h = 1e-5 * max(1, abs(base.entries[entry].value))
            var plus = base
            plus.entries[entry] = Dual(base.entries[entry].value + h)
            var minus = base
            minus.entries[entry] = Dual(base.entries[entry].value - h)
            func perturb(_ value: Tensor) {
                cache = [:]
                perturbed = (variable, value)
                if let parent {
                    var vector = parent.value
                    vector.entries[parent.entry] = value.entries[0]
                    perturbedParent = (parent.symbol, vector)
                }
            }
            perturb(plus)
            let up = try value(of: target)
            perturb(minus)
            let down = try value(of: target)
            let slope = try Tensor.add(up, down, subtract: true).map { Dual($0.value / (2 * h)) }
            if base.isSingle {
                vectorResult = slope
            } else {
                guard slope.isSingle else {
                    throw .unsupported(
                        .derivative, "of a \(slope.shapeText) value with respect to a matrix, a Jacobian")
                }
                entries.append(slope.entries[0])
            }
        }
        if let vectorResult { return vectorResult }
        return Tensor(rows: base.rows, columns: base.columns, entries: entries)
    }

    // MARK: - Integrals

    /// ∫ₐᵇ body d`variable` by composite Gauss–Legendre quadrature (5 points on each of 40
    /// panels), in dual numbers so derivatives flow through the integrand and the bounds; an
    /// infinite upper bound is mapped to [0, 1) by x = a + t/(1 − t).
    mutating func integral(_ body: Expression, over variable: Symbol, from lower: Expression, to upper: Expression)
        throws(EvaluationFailure) -> Tensor
    {
        let a = try value(of: lower)
        let b = try value(of: upper)
        guard a.isSingle, b.isSingle else { throw .unsupported(.integral, "with bounds that are not numbers") }
        let start = a.entries[0]
        let end = b.entries[0]
        let infinite = end.value.isInfinite && end.value > 0
        guard start.value.isFinite, infinite || end.value.isFinite else {
            throw .unsupported(.integral, "with an infinite lower bound")
        }
        let nodes: [(Double, Double)] = [
            (-0.906_179_845_938_664, 0.236_926_885_056_189), (-0.538_469_310_105_683, 0.478_628_670_499_366),
            (0, 0.568_888_888_888_889), (0.538_469_310_105_683, 0.478_628_670_499_366),
            (0.906_179_845_938_664, 0.236_926_885_056_189),
        ]
        let panels = 40
        let saved = locals[variable]
        defer { locals[variable] = saved }
        for bound in infinite ? [start] : [start, end] {
            // Singular at a bound (`y^{-1/2}` at 0): quadrature is rough there, the point says little.
            locals[variable] = Tensor(Dual(bound.value))
            let atBound = try? value(of: body)
            if atBound.map({ $0.values.contains { !$0.isFinite } }) ?? true { nearKink = true }
        }
        var total: Tensor? = nil
        for panel in 0..<panels {
            for (node, weight) in nodes {
                // t runs over [0, 1] (or [0, 0.999] for an infinite bound).
                let t = (Double(panel) + (node + 1) / 2) / Double(panels) * (infinite ? 0.999 : 1)
                let x: Dual
                var scale: Dual
                if infinite {
                    x = start + Dual(t / (1 - t))
                    scale = Dual(1 / ((1 - t) * (1 - t)) * 0.999)
                } else {
                    // s ↦ s⁷/(s⁷ + (1 − s)⁷) crowds the nodes at both ends, where an integrand
                    // like n·y^{n−1} with n < 1 is singular.
                    let s7 = pow(t, 7), r7 = pow(1 - t, 7)
                    let graded = s7 / (s7 + r7)
                    let slope = 7 * pow(t, 6) * pow(1 - t, 6) / ((s7 + r7) * (s7 + r7))
                    x = start + (end - start) * Dual(graded)
                    scale = (end - start) * Dual(slope)
                }
                scale = scale * Dual(weight / 2 / Double(panels))
                locals[variable] = Tensor(x)
                let term = try value(of: body).map { $0 * scale }
                if let sum = total { total = try Tensor.add(sum, term) } else { total = term }
            }
        }
        return total!
    }

    // MARK: - Structures

    mutating func matrix(_ rows: [[Expression]]) throws(EvaluationFailure) -> Tensor {
        var entries: [Dual] = []
        for row in rows {
            for cell in row {
                let value = try value(of: cell)
                guard value.isSingle else {
                    throw .shape("a matrix entry is a \(value.shapeText) matrix, not a number")
                }
                entries.append(value.entries[0])
            }
        }
        return Tensor(rows: rows.count, columns: rows.first?.count ?? 0, entries: entries)
    }

    /// Σ (or Π with `multiplying`) of `body` over `index` from `lower` to `upper`.
    mutating func sum(
        _ index: String, _ lower: Expression?, _ upper: Expression?, _ body: Expression, multiplying: Bool = false
    ) throws(EvaluationFailure) -> Tensor {
        var first = 1
        if let lower { first = try integer(lower) }
        var last: Int
        if let upper {
            last = try integer(upper)
        } else {
            if let length = try rangeLength(of: index, in: body) {
                last = first + length - 1
            } else if body.contains(where: {
                if case .variable(let symbol) = $0 { symbol.index == index } else { false }
            }) {
                // Entries of vectors nothing sizes: they are drawn with `vectorLength` entries.
                last = first + vectorLength - 1
            } else {
                throw .unsupported(.sumRange, "over \(index)")
            }
        }
        guard last >= first, last - first < 10_000 else { throw .unsupported(.sumRange, "over \(index)") }
        let saved = indices[index]
        defer { indices[index] = saved }
        var total: Tensor? = nil
        for k in first...last {
            indices[index] = k
            let term = try value(of: body)
            if let sum = total {
                total = multiplying ? try Tensor.hadamard(sum, term) : try Tensor.add(sum, term)
            } else {
                total = term
            }
        }
        return total!
    }

    /// The largest or smallest value of `body` as `index` runs over the entries it indexes, or
    /// where it is reached (the first such index, from 1).
    mutating func extremum(_ kind: Expression.Extremum, _ index: String, _ body: Expression) throws(EvaluationFailure)
        -> Tensor
    {
        let length = try rangeLength(of: index, in: body) ?? vectorLength
        guard length >= 1, length < 10_000 else { throw .unsupported(.sumRange, "over \(index)") }
        let saved = indices[index]
        defer { indices[index] = saved }
        var best: (value: Dual, at: Int)? = nil
        for k in 1...length {
            indices[index] = k
            let term = try value(of: body)
            guard term.isSingle else { throw .shape("\(kind.rawValue) over \(index) of a \(term.shapeText) value") }
            let entry = term.entries[0]
            let better: Bool
            switch kind {
            case .max, .argmax: better = best.map { entry.value > $0.value.value } ?? true
            case .min, .argmin: better = best.map { entry.value < $0.value.value } ?? true
            }
            if let best, abs(entry.value - best.value.value) < kinkMargin { nearKink = true }
            if better { best = (entry, k) }
        }
        switch kind {
        case .max, .min: return Tensor(best!.value)
        case .argmax, .argmin: return Tensor(Double(best!.at))
        }
    }

    /// `\lim_{\epsilon \to c} body`: the body near c, from the side the difference quotient is
    /// written for, with Richardson's step (2g(h/2) − g(h)) cancelling the error of order h.
    mutating func limit(of body: Expression, as variable: Symbol, to target: Expression) throws(EvaluationFailure)
        -> Tensor
    {
        let c = try value(of: target)
        guard c.isSingle, c.values[0].isFinite else { throw .unsupported(.limit, "to \(c)") }
        let saved = locals[variable]
        let savedCache = cache
        defer {
            locals[variable] = saved
            cache = savedCache
        }
        func at(_ h: Double) throws(EvaluationFailure) -> Tensor {
            locals[variable] = Tensor(Dual(c.entries[0].value + h, c.entries[0].tangent))
            cache = [:]
            return try value(of: body)
        }
        // Small enough that the error left (of order h²) is below five digits, large enough that
        // rounding (of order 10⁻¹⁶/h) is too.
        let h = 1e-5
        let whole = try at(h), half = try at(h / 2)
        return try Tensor.add(half.map { $0 * Dual(2) }, whole, subtract: true)
    }

    /// A sum's bound: a number, or a count symbol (`N`, `K`) that stands for the vector length.
    mutating func integer(_ expression: Expression) throws(EvaluationFailure) -> Int {
        if case .variable(let symbol) = expression, definitions[symbol] == nil, bindings[symbol] == nil {
            bindings[symbol] = Tensor(Double(vectorLength))
            return vectorLength
        }
        let value = try value(of: expression)
        guard value.isSingle, value.values[0] == value.values[0].rounded(), abs(value.values[0]) < 1e6 else {
            throw .unsupported(.sumRange, "")
        }
        return Int(value.values[0])
    }

    /// The length of the vectors `body` indexes with `index`, if one is known.
    mutating func rangeLength(of index: String, in body: Expression) throws(EvaluationFailure) -> Int? {
        var parents: [Symbol] = []
        _ = body.contains { expression in
            if case .variable(let symbol) = expression, symbol.index == index { parents.append(symbol.withoutIndex) }
            return false
        }
        for parent in parents
        where locals[parent] != nil || definitions[parent] != nil || bindings[parent] != nil
            || shapes[parent] != nil
        {
            let value = try value(of: parent)
            return value.rows * value.columns
        }
        return nil
    }

    mutating func piecewise(_ pieces: [Piece]) throws(EvaluationFailure) -> Tensor {
        for piece in pieces {
            guard let condition = piece.condition else { return try value(of: piece.value) }
            let left = try value(of: condition.lhs)
            let right = try value(of: condition.rhs)
            guard left.isSingle, right.isSingle else { throw .unsupported(.cases, "to a matrix") }
            // `k = c` between indices is a case, not a kink: only a boundary between reals is.
            if condition.comparison != .equal, condition.comparison != .notEqual,
                abs(left.values[0] - right.values[0]) < kinkMargin
            {
                nearKink = true
            }
            if condition.holds(left.values[0], right.values[0]) { return try value(of: piece.value) }
        }
        throw .unsupported(.cases, "")
    }
}
