extension Expression {
    /// The direct sub-expressions, in reading order.
    public var children: [Expression] {
        switch self {
        case .number, .variable, .ellipsis: []
        case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b),
            .power(let a, let b), .hadamard(let a, let b):
            [a, b]
        case .negate(let a), .transpose(let a), .component(let a, _): [a]
        case .call(_, _, let arguments): arguments
        case .derivative(let of, _): [of]
        case .matrix(let rows): rows.flatMap { $0 }
        case .sum(_, let lower, let upper, let body), .product(_, let lower, let upper, let body):
            [lower, upper].compactMap { $0 } + [body]
        case .tuple(let entries): entries
        case .extremum(_, _, let body): [body]
        case .expectation(let body): [body]
        case .limit(_, let to, let body): [to, body]
        case .integral(_, let lower, let upper, let body): [lower, upper].compactMap { $0 } + [body]
        case .piecewise(let pieces):
            pieces.flatMap { piece in [piece.value] + (piece.condition.map { [$0.lhs, $0.rhs] } ?? []) }
        case .realSpace(let dimensions): dimensions
        case .finiteSet(let elements): elements
        }
    }

    /// Calls `body` on each direct sub-expression, in the order of `children`, without making the
    /// array for the common nodes (every walk over a lesson's formulas visits them).
    @inlinable
    public func forEachChild(_ body: (Expression) -> Void) {
        switch self {
        case .number, .variable, .ellipsis: return
        case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b),
            .power(let a, let b), .hadamard(let a, let b):
            body(a)
            body(b)
        case .negate(let a), .transpose(let a), .component(let a, _), .derivative(let a, _), .extremum(_, _, let a),
            .expectation(let a):
            body(a)
        case .call(_, _, let arguments): for argument in arguments { body(argument) }
        case .tuple(let entries): for entry in entries { body(entry) }
        default: for child in children { body(child) }
        }
    }

    /// Every symbol used, without the indices bound by sums and without the symbols that only
    /// name a derivative's variable.
    public var freeSymbols: Set<Symbol> {
        var out: Set<Symbol> = []
        collectSymbols(bound: [], into: &out)
        return out
    }

    private func collectSymbols(bound: Set<String>, into out: inout Set<Symbol>) {
        switch self {
        case .variable(let symbol):
            if bound.isEmpty {
                // Outside every sum: the symbol as written (and no look-up in an empty set).
                out.insert(symbol)
            } else if let index = symbol.index, bound.contains(index) {
                out.insert(symbol.withoutIndex)
            } else if !bound.contains(symbol.name) || symbol.index != nil || symbol.label != nil {
                out.insert(symbol)
            }
        case .integral(let variable, let lower, let upper, let body):
            lower?.collectSymbols(bound: bound, into: &out)
            upper?.collectSymbols(bound: bound, into: &out)
            var inner: Set<Symbol> = []
            body.collectSymbols(bound: bound, into: &inner)
            inner.remove(variable)
            out.formUnion(inner)
        case .sum(let index, let lower, let upper, let body), .product(let index, let lower, let upper, let body):
            lower?.collectSymbols(bound: bound, into: &out)
            upper?.collectSymbols(bound: bound, into: &out)
            body.collectSymbols(bound: bound.union([index]), into: &out)
        case .extremum(_, let index, let body):
            body.collectSymbols(bound: bound.union([index]), into: &out)
        case .limit(let variable, let to, let body):
            to.collectSymbols(bound: bound, into: &out)
            var inner: Set<Symbol> = []
            body.collectSymbols(bound: bound, into: &inner)
            inner.remove(variable)
            out.formUnion(inner)
        default:
            forEachChild { $0.collectSymbols(bound: bound, into: &out) }
        }
    }

    /// The names of every function called, with their derivative orders.
    public var calledFunctions: Set<FunctionName> {
        var out: Set<FunctionName> = []
        var stack = [self]
        while let expression = stack.popLast() {
            if case .call(let name, _, _) = expression { out.insert(name) }
            expression.forEachChild { stack.append($0) }
        }
        return out
    }

    /// How many levels deep the expression nests (a leaf is 1), worked out without recursion.
    public var height: Int {
        var deepest = 0
        var stack = [(self, 1)]
        while let (expression, level) = stack.popLast() {
            deepest = max(deepest, level)
            expression.forEachChild { stack.append(($0, level + 1)) }
        }
        return deepest
    }

    /// Whether `predicate` holds for this expression or any sub-expression.
    public func contains(where predicate: (Expression) -> Bool) -> Bool {
        var stack = [self]
        while let expression = stack.popLast() {
            if predicate(expression) { return true }
            expression.forEachChild { stack.append($0) }
        }
        return false
    }

    /// The plain symbol this expression is, if it is one.
    public var asSymbol: Symbol? {
        if case .variable(let symbol) = self { return symbol }
        return nil
    }
}

extension Expression {
    /// This expression rewritten from the top: where `transform` gives a replacement for a
    /// sub-expression it is used (and not entered); elsewhere the children are rewritten.
    public func replacing(_ transform: (Expression) -> Expression?) -> Expression {
        if let replacement = transform(self) { return replacement }
        func map(_ e: Expression) -> Expression { e.replacing(transform) }
        switch self {
        case .number, .variable, .ellipsis: return self
        case .add(let a, let b): return .add(map(a), map(b))
        case .subtract(let a, let b): return .subtract(map(a), map(b))
        case .multiply(let a, let b): return .multiply(map(a), map(b))
        case .divide(let a, let b): return .divide(map(a), map(b))
        case .power(let a, let b): return .power(map(a), map(b))
        case .hadamard(let a, let b): return .hadamard(map(a), map(b))
        case .negate(let a): return .negate(map(a))
        case .transpose(let a): return .transpose(map(a))
        case .component(let a, let index): return .component(map(a), index: index)
        case .call(let name, let order, let arguments): return .call(name, derivative: order, arguments.map(map))
        case .derivative(let of, let with):
            let variable = transform(.variable(with))?.asSymbol ?? with
            return .derivative(of: map(of), with: variable)
        case .matrix(let rows): return .matrix(rows.map { $0.map(map) })
        case .tuple(let entries): return .tuple(entries.map(map))
        case .extremum(let kind, let index, let body): return .extremum(kind, index: index, body: map(body))
        case .expectation(let body): return .expectation(map(body))
        case .limit(let variable, let to, let body): return .limit(variable: variable, to: map(to), body: map(body))
        case .integral(let variable, let lower, let upper, let body):
            return .integral(variable: variable, lower: lower.map(map), upper: upper.map(map), body: map(body))
        case .sum(let index, let lower, let upper, let body):
            return .sum(index: index, lower: lower.map(map), upper: upper.map(map), body: map(body))
        case .product(let index, let lower, let upper, let body):
            return .product(index: index, lower: lower.map(map), upper: upper.map(map), body: map(body))
        case .piecewise(let pieces):
            return .piecewise(
                pieces.map { piece in
                    Piece(
                        value: map(piece.value),
                        condition: piece.condition.map { Condition(map($0.lhs), $0.comparison, map($0.rhs)) })
                })
        case .realSpace(let dimensions): return .realSpace(dimensions.map(map))
        case .finiteSet(let elements): return .finiteSet(elements.map(map))
        }
    }
}
