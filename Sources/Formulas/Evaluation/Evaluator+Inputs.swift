extension Evaluator {
    // MARK: - Components

    /// `x_3` as the third entry of `x`, `w_{12}` as the entry (1, 2) of `W`, `x_j` inside a sum
    /// over j; `nil` when no vector or matrix of that name is known.
    mutating func component(_ symbol: Symbol) throws(EvaluationFailure) -> Tensor? {
        guard let index = symbol.index else { return nil }
        let letters = index.filter { $0.isLetter }
        let boundLetters = !letters.isEmpty && letters.allSatisfy { indices[String($0)] != nil }
        let parents = [
            symbol.withoutIndex,
            Symbol(
                symbol.name.uppercased(), label: symbol.label, accents: symbol.accents,
                primes: symbol.primes),
        ]
        for parent in parents where isKnown(parent) || (boundLetters && parent == parents[0]) {
            if !isKnown(parent), bindings[parent] == nil {
                // An input vector that only appears through its entries, like the x of Σⱼ e^{x_j}.
                bindings[parent] = draw(parent, shape: [vectorLength, 1])
            }
            let tensor = try value(of: parent)
            if tensor.isSingle && !boundLetters && parent != parents[0] { continue }
            // `s_1` beside a number s is a symbol of its own, not an entry of s.
            if tensor.isScalar { return nil }
            let position = try positions(index, in: tensor)
            guard position.row < tensor.rows, position.column < tensor.columns, position.row >= 0, position.column >= 0
            else {
                throw .shape("\(symbol) is outside the \(tensor.shapeText) \(parent)")
            }
            return Tensor(tensor[position.row, position.column])
        }
        return nil
    }

    /// Whether a symbol has a value source other than being drawn now.
    public func isKnown(_ symbol: Symbol) -> Bool {
        locals[symbol] != nil || definitions[symbol] != nil || bindings[symbol] != nil
            || (!scalarOnly && shapes[symbol] != nil)
    }

    /// The 0-based row and column an index names in `tensor`.
    func positions(_ index: String, in tensor: Tensor) throws(EvaluationFailure) -> (row: Int, column: Int) {
        var parts: [Int] = []
        let pieces =
            index.contains(",")
            ? index.split(separator: ",").map(String.init)
            : (tensor.rows > 1 && tensor.columns > 1 ? index.map { String($0) } : [index])
        for piece in pieces {
            let trimmed = piece.trimmingSpaces
            if let number = Int(trimmed) {
                parts.append(number)
            } else if let bound = indices[trimmed] {
                parts.append(bound)
            } else {
                throw .unsupported(.index, index)
            }
        }
        switch (parts.count, tensor.rows, tensor.columns) {
        case (1, _, 1): return (parts[0] - 1, 0)
        case (1, 1, _): return (0, parts[0] - 1)
        case (2, _, _): return (parts[0] - 1, parts[1] - 1)
        default: throw .unsupported(.index, "\(index) of a \(tensor.shapeText) matrix")
        }
    }

    // MARK: - Drawing inputs

    /// A fresh input value for `symbol`, with its declared shape and domain. The value depends
    /// only on the point's seed and the symbol, never on which inputs were drawn before it.
    public mutating func draw(_ symbol: Symbol, shape: [Int]? = nil) -> Tensor {
        var keyed = makeGenerator(pointSeed ^ Self.stableHash(symbol.description))
        let declared = shape ?? (scalarOnly ? nil : shapes[symbol])
        let domain = domains[symbol] ?? domains[symbol.withoutIndex] ?? .real
        if declared == nil, domain == .oneHot || domain == .distribution {
            return draw(symbol, shape: [vectorLength, 1])
        }
        guard let declared, declared.count == 2, declared[0] * declared[1] > 1 || shape != nil else {
            if declared == nil { undeclaredInputs.insert(symbol) }
            return Tensor(Self.drawNumber(domain, using: &keyed))
        }
        let count = declared[0] * declared[1]
        var entries: [Dual]
        switch domain {
        case .oneHot:
            let hot = Int.random(in: 0..<count, using: &keyed)
            entries = (0..<count).map { Dual($0 == hot ? 1 : 0) }
        case .distribution:
            let raw = (0..<count).map { _ in Double.random(in: 0.1...1, using: &keyed) }
            let total = raw.reduce(0, +)
            entries = raw.map { Dual($0 / total) }
        default:
            entries = (0..<count).map { _ in Dual(Self.drawNumber(domain, using: &keyed)) }
        }
        return Tensor(rows: declared[0], columns: declared[1], entries: entries)
    }

    /// A number drawn from `domain` with the point's generator.
    public mutating func drawNumber(_ domain: Domain) -> Double {
        Self.drawNumber(domain, using: &generator)
    }

    static func drawNumber<G: RandomNumberGenerator>(_ domain: Domain, using generator: inout G) -> Double {
        switch domain {
        case .real, .oneHot, .distribution:
            let magnitude = Double.random(in: 0.1...2, using: &generator)
            return Bool.random(using: &generator) ? magnitude : -magnitude
        case .positive: return Double.random(in: 0.01...0.5, using: &generator)
        case .probability: return Double.random(in: 0.05...0.95, using: &generator)
        case .values(let values): return values.randomElement(using: &generator) ?? 0
        }
    }

    /// FNV-1a of a name: a key that is the same in every process (Swift's `hashValue` is not).
    public static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}

extension Evaluator {
    // MARK: - Binding inputs from outside

    /// Binds a function parameter (or any symbol) to `value`, ahead of definitions.
    public mutating func bind(_ symbol: Symbol, to value: Tensor) {
        locals[symbol] = value
        bindings[symbol] = value
    }

    /// Draws a scalar for `symbol` from `domain` and binds it ahead of definitions.
    @discardableResult
    public mutating func bindDrawn(_ symbol: Symbol, domain: Domain = .real, shape: [Int]? = nil) -> Tensor {
        var keyed = makeGenerator(pointSeed ^ Self.stableHash(symbol.description))
        let value = shape.map { draw(symbol, shape: $0) } ?? Tensor(Self.drawNumber(domain, using: &keyed))
        bind(symbol, to: value)
        return value
    }

    /// Gives an input its value for this point (definitions and derivative seeds still apply).
    public mutating func provide(_ symbol: Symbol, _ value: Tensor) {
        bindings[symbol] = value
    }

    /// Fixes a sum index (as if inside Σ over it) to `value`.
    public mutating func bindIndex(_ name: String, to value: Int) {
        indices[name] = value
    }

    /// The value an index letter is fixed to now, if any.
    public func boundIndex(_ name: String) -> Int? { indices[name] }

    /// A random whole number in `range`, from the point's generator.
    public mutating func randomInteger(in range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &generator)
    }
}
