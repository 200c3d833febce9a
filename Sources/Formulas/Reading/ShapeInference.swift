/// Infers consistent sizes for the vectors and matrices of a claim, so they can be drawn at
/// random sizes that fit: `AB = BA` makes A and B square of one size, `(AB)^\top = B^\top A^\top`
/// only ties A's columns to B's rows.
///
/// Sizes are variables joined by unification (union–find): a product ties the inner sizes, a
/// sum or an equation ties both, a transpose swaps them. A stated size is a constant; a named
/// size (`n`, `n_l`) is the same variable wherever it appears. A size of a vector or matrix the
/// lesson did not state may not become 1 (that would read it as a number). The walk follows the
/// lesson's definitions, so `z = Wx + b` ties W, x and b wherever z is used.
public struct ShapeInference: Sendable {
    /// A shape during inference: sizes as variables.
    enum Inferred: Hashable {
        case scalar
        case array(Int, Int)
        /// Nothing is known (a lesson function's value, an entry of an unknown parent).
        case unknown
    }

    private var parent: [Int] = []
    private var constant: [Int: Int] = [:]
    private var notOne: Set<Int> = []
    private var names: [String: Int] = [:]
    private var nameOf: [Int: String] = [:]
    private var symbols: [Symbol: Inferred] = [:]
    private var walking: Set<Symbol> = []
    private var walked: Set<Symbol> = []
    /// The lesson's definitions, followed where a claim uses a defined symbol.
    public var definitions: [Symbol: Expression]
    /// Function names (normalised keys) that apply entry by entry or to a whole vector keeping
    /// its shape (the activations, softmax, exp…), besides `elementwiseKeys`.
    public var shapePreserving: Set<String>
    /// Symbols read as numbers unless added to a vector or matrix, whose shape they then take
    /// (the bias `b` of `Wx + b`).
    public var flexible: Set<Symbol> = []
    /// Read symbols with no stated shape as unknown (they constrain nothing) rather than as
    /// numbers: to find conflicts among the stated shapes alone.
    public var unstatedAreUnknown = false
    /// Treat sizes the lesson names differently (`n_l`, `n_{l-1}`) as different, as a shape
    /// statement means them (by default they may turn out equal).
    public var namesAreDistinct = false
    /// The lesson's own functions (`H(p) = -\sum_k p_k \log p_k`), walked with their arguments'
    /// shapes so a call ties the sizes its body needs.
    public var lessonFunctions: [String: (parameters: [Symbol], body: Expression)] = [:]
    private var walkingFunctions: Set<String> = []
    /// Whether every constraint so far could be met.
    public private(set) var isConsistent = true
    /// The first constraint that could not be met, for messages.
    public private(set) var conflict: String?

    /// Function keys that keep the shape of their argument whatever the lesson says.
    public static let elementwiseKeys: Set<String> = [
        "exp", "log", "ln", "sqrt", "abs", "sin", "cos", "tan", "sinh", "cosh", "tanh", "sign", "sgn", "floor",
        "ceil", "erf", "Φ", "factorial",
    ]

    /// Creates an inference over `shapes` (the kinds the reading gave: stated sizes as numbers
    /// or names, unstated ones as made-up names).
    public init(
        shapes: [Symbol: Shape], definitions: [Symbol: Expression] = [:], shapePreserving: Set<String> = []
    ) {
        self.definitions = definitions
        // Kept apart from `elementwiseKeys` (see `keepsShape`): a union per inference would hash
        // every name for each formula checked.
        self.shapePreserving = shapePreserving
        for (_, symbol, shape) in shapes.map({ ($0.key.description, $0.key, $0.value) }).sorted(by: { $0.0 < $1.0 }) {
            let isArray = shape != .scalar
            symbols[symbol] =
                shape == .scalar
                ? .scalar : .array(variable(shape.rows, array: isArray), variable(shape.columns, array: isArray))
        }
    }

    /// Whether the function with normalised name `key` keeps the shape of its argument.
    func keepsShape(_ key: String) -> Bool {
        shapePreserving.contains(key) || Self.elementwiseKeys.contains(key)
    }

    // MARK: - Constraints

    /// Walks `expression`, tying the sizes its operations need; returns nothing.
    public mutating func constrain(_ expression: Expression) { _ = walk(expression) }

    /// Ties the shapes of two expressions that a relation says are equal (or compares).
    public mutating func constrainEqual(_ a: Expression, _ b: Expression) {
        let left = walk(a)
        let right = walk(b)
        if case .array = left, right == .scalar { adopt(b, left) }
        if case .array = right, left == .scalar { adopt(a, right) }
        _ = same(left, right, "`\(ExpressionPrinter().print(a))` and `\(ExpressionPrinter().print(b))`")
    }

    /// The shape of `expression` under the constraints so far: `.scalar`, a vector or matrix
    /// shape, or `nil` when nothing is known.
    public mutating func shape(of expression: Expression) -> Shape? {
        switch walk(expression) {
        case .scalar: return .scalar
        case .array(let r, let c): return Shape(dimension(r), dimension(c))
        case .unknown: return nil
        }
    }

    /// The shapes inferred for the symbols met, with sizes as numbers or shared names.
    public func shapes() -> [Symbol: Shape] {
        var out: [Symbol: Shape] = [:]
        for (symbol, inferred) in symbols {
            guard case .array(let r, let c) = inferred else { continue }
            out[symbol] = Shape(dimension(r), dimension(c))
        }
        return out
    }

    /// The sizes at one point: each size variable not fixed by a number gets a whole number in
    /// 2…4 from `draw` (given the variable's name, so a named size is the same everywhere).
    public func sizes(_ draw: (String) -> Int) -> (shapes: [Symbol: [Int]], named: [String: Int]) {
        var values: [Int: Int] = [:]
        func value(_ variable: Int) -> Int {
            let root = find(variable)
            if let number = constant[root] { return number }
            if let known = values[root] { return known }
            let drawn = draw(nameOf[root] ?? "?\(root)")
            values[root] = drawn
            return drawn
        }
        var shapes: [Symbol: [Int]] = [:]
        let arrays = symbols.compactMap { entry -> (String, Symbol, Int, Int)? in
            guard case .array(let r, let c) = entry.value else { return nil }
            return (entry.key.description, entry.key, r, c)
        }
        for (_, symbol, r, c) in arrays.sorted(by: { $0.0 < $1.0 }) { shapes[symbol] = [value(r), value(c)] }
        var named: [String: Int] = [:]
        for (name, variable) in names.sorted(by: { $0.key < $1.key }) where !name.hasPrefix("?") {
            named[name] = value(variable)
        }
        return (shapes, named)
    }

    // MARK: - The walk

    mutating func walk(_ expression: Expression) -> Inferred {
        switch expression {
        case .number: return .scalar
        case .variable(let symbol): return shape(of: symbol)
        case .add(let a, let b), .subtract(let a, let b), .hadamard(let a, let b):
            var left = walk(a)
            var right = walk(b)
            if case .array = left, case .variable(let symbol) = b, flexible.contains(symbol), right == .scalar {
                symbols[symbol] = left
                right = left
            }
            if case .array = right, case .variable(let symbol) = a, flexible.contains(symbol), left == .scalar {
                symbols[symbol] = right
                left = right
            }
            if left == .scalar || left == .unknown && right != .scalar { return right }
            if right == .scalar || right == .unknown { return left }
            if let broadcast = broadcast(left, right) { return broadcast }
            return same(left, right, "`\(ExpressionPrinter().print(expression))`")
        case .multiply(let a, let b):
            let left = walk(a)
            let right = walk(b)
            switch (left, right) {
            case (.scalar, _): return right
            case (_, .scalar): return left
            case (.array(let r1, let c1), .array(let r2, let c2)):
                // A product of two columns of one length reads as their dot product's lesson
                // shorthand only through a transpose; here the inner sizes must agree.
                guard unify(c1, r2, "the product `\(ExpressionPrinter().print(expression))`", inner: true) else {
                    return .unknown
                }
                return .array(r1, c2)
            default: return .unknown
            }
        case .divide(let a, let b):
            _ = walk(b)
            return walk(a)
        case .power(let a, let b):
            _ = walk(b)
            let base = walk(a)
            guard case .array(let r, let c) = base else { return base }
            // A column's power is taken entry by entry (g_t^2); a matrix's is a matrix power.
            if let columns = constant[find(c)], columns == 1 { return base }
            _ = unify(r, c, "the power `\(ExpressionPrinter().print(expression))`")
            return base
        case .negate(let a): return walk(a)
        case .transpose(let a):
            if case .array(let r, let c) = walk(a) { return .array(c, r) }
            return .scalar
        case .call(let name, _, let arguments):
            let shapes = arguments.map { walk($0) }
            if ["norm", "norm1", "normmax", "sum", "mean", "max", "min", "argmax", "argmin", "trace", "tr", "det"]
                .contains(name.key),
                arguments.count == 1
            {
                return .scalar
            }
            if shapes.count == 1, keepsShape(name.key) { return shapes[0] }
            if shapes.count == 2, ["max", "min"].contains(name.key) {
                if shapes[0] == .scalar { return shapes[1] }
                return shapes[0]
            }
            let key =
                lessonFunctions["\(name.key)#\(arguments.count)"] != nil ? "\(name.key)#\(arguments.count)" : name.key
            if let function = lessonFunctions[key], function.parameters.count == arguments.count,
                !walkingFunctions.contains(key)
            {
                walkingFunctions.insert(key)
                let saved = function.parameters.map { symbols[$0] }
                for (parameter, shape) in zip(function.parameters, shapes) { symbols[parameter] = shape }
                let result = walk(function.body)
                for (parameter, old) in zip(function.parameters, saved) { symbols[parameter] = old }
                walkingFunctions.remove(key)
                return result
            }
            return .unknown
        case .derivative(let of, let with):
            let value = walk(of)
            let variable = shape(of: with)
            return value == .scalar || value == .unknown ? variable : .unknown
        case .matrix(let rows):
            for row in rows { for cell in row { _ = walk(cell) } }
            return .array(constantVariable(rows.count), constantVariable(rows.first?.count ?? 0))
        case .tuple(let entries):
            for entry in entries { _ = walk(entry) }
            return .array(constantVariable(entries.count), constantVariable(1))
        case .component(let a, _):
            let inner = walk(a)
            if inner == .scalar, case .call(let name, _, let arguments) = a, arguments.count == 1,
                keepsShape(name.key), case .variable(let symbol) = arguments[0], flexible.contains(symbol)
            {
                // `\mathrm{softmax}(z)_i`: z is a vector, of a length nobody stated.
                symbols[symbol] = .array(variable(.named("?\(symbol)"), array: true), constantVariable(1))
            }
            return .scalar
        case .sum(let index, let lower, let upper, let body), .product(let index, let lower, let upper, let body):
            if let lower { _ = walk(lower) }
            if let upper { _ = walk(upper) }
            // `\sum_i (\hat{y}_i - y_i)^2`: the vectors whose entries the sum runs over have one length.
            var tied: Inferred? = nil
            for symbol in body.freeSymbols.sorted(by: { $0.description < $1.description }) where symbol.index == index {
                let parent = shape(of: symbol.withoutIndex)
                guard case .array = parent else { continue }
                if let first = tied {
                    _ = same(first, parent, "the vectors summed over \(index)")
                } else {
                    tied = parent
                }
            }
            return walk(body)
        case .piecewise(let pieces):
            var result: Inferred = .unknown
            for piece in pieces {
                let value = walk(piece.value)
                if result == .unknown { result = value }
            }
            return result
        case .integral(_, let lower, let upper, let body):
            if let lower { _ = walk(lower) }
            if let upper { _ = walk(upper) }
            return walk(body)
        case .extremum(_, _, let body):
            _ = walk(body)
            return .scalar
        case .expectation(let body):
            return walk(body)
        case .limit(_, let to, let body):
            _ = walk(to)
            return walk(body)
        case .realSpace, .finiteSet, .ellipsis:
            return .unknown
        }
    }

    private mutating func shape(of symbol: Symbol) -> Inferred {
        if let definition = definitions[symbol], !walked.contains(symbol), !walking.contains(symbol) {
            walking.insert(symbol)
            let value = walk(definition)
            walking.remove(symbol)
            walked.insert(symbol)
            if let stated = symbols[symbol] {
                // A defined symbol the lesson says is a vector (`a^{(0)} = x` of a layer family):
                // its definition must have that shape, and a bare input there takes it.
                if case .array = stated, value == .scalar {
                    adopt(definition, stated)
                } else {
                    _ = same(stated, value, "the definition of \(symbol)")
                }
            } else {
                symbols[symbol] = value
            }
        }
        if let known = symbols[symbol] { return known }
        return unstatedAreUnknown && symbol.index == nil ? .unknown : .scalar
    }

    /// A flexible symbol standing alone as `expression` takes `shape`.
    private mutating func adopt(_ expression: Expression, _ shape: Inferred) {
        if case .variable(let symbol) = expression, flexible.contains(symbol) {
            if symbols[symbol] == nil || symbols[symbol] == .scalar { symbols[symbol] = shape }
        }
    }

    /// `\mathbf{X}\mathbf{W} + \mathbf{b}` with b a 1 × h row: the row added to every row, as
    /// lessons written with arrays mean (and a column added to every column). `nil` unless one side
    /// is a row or a column stated as such and the other is not.
    private mutating func broadcast(_ a: Inferred, _ b: Inferred) -> Inferred? {
        guard case .array(let r1, let c1) = a, case .array(let r2, let c2) = b else { return nil }
        func isOne(_ dimension: Int) -> Bool { constant[find(dimension)] == 1 }
        func isMany(_ dimension: Int) -> Bool {
            if let value = constant[find(dimension)] { return value > 1 }
            return nameOf[find(dimension)] != nil
        }
        if isOne(r1), isMany(r2), !isOne(c1) || !isOne(c2) {
            return unify(c1, c2, "a row added to every row") ? b : .unknown
        }
        if isOne(r2), isMany(r1), !isOne(c1) || !isOne(c2) {
            return unify(c1, c2, "a row added to every row") ? a : .unknown
        }
        return nil
    }

    private mutating func same(_ a: Inferred, _ b: Inferred, _ what: String) -> Inferred {
        guard case .array(let r1, let c1) = a, case .array(let r2, let c2) = b else {
            if a == .unknown { return b }
            return a
        }
        guard unify(r1, r2, what), unify(c1, c2, what) else { return .unknown }
        return a
    }

    // MARK: - Union–find

    private mutating func variable(_ dimension: Dimension, array: Bool) -> Int {
        switch dimension {
        case .number(let value): return constantVariable(value)
        case .named(let name):
            // A vector of unstated length is no number; a matrix of unstated sizes may be a row
            // or a column (a Jacobian, a gradient written as a row).
            let mustNotBeOne = array && name.hasPrefix("?") && !name.hasSuffix(".rows") && !name.hasSuffix(".columns")
            if let known = names[name] {
                if mustNotBeOne { notOne.insert(find(known)) }
                return known
            }
            let id = parent.count
            parent.append(id)
            names[name] = id
            nameOf[id] = name
            if mustNotBeOne { notOne.insert(id) }
            return id
        }
    }

    private mutating func constantVariable(_ value: Int) -> Int {
        let id = parent.count
        parent.append(id)
        constant[id] = value
        return id
    }

    private func find(_ variable: Int) -> Int {
        var node = variable
        while parent[node] != node { node = parent[node] }
        return node
    }

    private mutating func unify(_ a: Int, _ b: Int, _ what: String, inner: Bool = false) -> Bool {
        let ra = find(a)
        let rb = find(b)
        if ra == rb { return true }
        let ca = constant[ra]
        let cb = constant[rb]
        if let ca, let cb, ca != cb {
            return fail(
                inner
                    ? "\(what) cannot be formed: inner dimensions \(ca) and \(cb) differ"
                    : "\(what) needs sizes \(ca) and \(cb) to agree")
        }
        if namesAreDistinct, ca == nil, cb == nil, let na = nameOf[ra], let nb = nameOf[rb], !na.hasPrefix("?"),
            !nb.hasPrefix("?"), na != nb
        {
            return fail("\(what) needs the sizes \(na) and \(nb) to agree")
        }
        if ca == 1 && notOne.contains(rb) || cb == 1 && notOne.contains(ra) {
            return fail("\(what) would make a vector or matrix a single number")
        }
        // Keep the root that carries a name the lesson wrote, so messages use it.
        let (keep, drop) = (nameOf[ra].map { !$0.hasPrefix("?") } ?? false) || ca != nil ? (ra, rb) : (rb, ra)
        parent[drop] = keep
        if let value = ca ?? cb { constant[keep] = value }
        if notOne.contains(drop) { notOne.insert(keep) }
        if nameOf[keep] == nil, let name = nameOf[drop] { nameOf[keep] = name }
        return true
    }

    private mutating func fail(_ message: String) -> Bool {
        if isConsistent { conflict = message }
        isConsistent = false
        return false
    }

    private func dimension(_ variable: Int) -> Dimension {
        let root = find(variable)
        if let value = constant[root] { return .number(value) }
        return .named(nameOf[root] ?? "?\(root)")
    }
}
