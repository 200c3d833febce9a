extension Expression {
    /// The direct sub-expressions, in reading order.
    public var children: [Expression] {
        switch self {
        case .number, .variable: []
        case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b),
            .power(let a, let b), .hadamard(let a, let b):
            [a, b]
        case .negate(let a), .transpose(let a), .component(let a, _): [a]
        case .call(_, _, let arguments): arguments
        case .derivative(let of, _): [of]
        case .matrix(let rows): rows.flatMap { $0 }
        case .sum(_, let lower, let upper, let body): [lower, upper].compactMap { $0 } + [body]
        case .piecewise(let pieces):
            pieces.flatMap { piece in [piece.value] + (piece.condition.map { [$0.lhs, $0.rhs] } ?? []) }
        case .realSpace(let dimensions): dimensions
        case .finiteSet(let elements): elements
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
            if let index = symbol.index, bound.contains(index) {
                out.insert(symbol.withoutIndex)
            } else if !bound.contains(symbol.name) || symbol.index != nil || symbol.label != nil {
                out.insert(symbol)
            }
        case .sum(let index, let lower, let upper, let body):
            lower?.collectSymbols(bound: bound, into: &out)
            upper?.collectSymbols(bound: bound, into: &out)
            body.collectSymbols(bound: bound.union([index]), into: &out)
        default:
            for child in children { child.collectSymbols(bound: bound, into: &out) }
        }
    }

    /// The names of every function called, with their derivative orders.
    public var calledFunctions: Set<FunctionName> {
        var out: Set<FunctionName> = []
        var stack = [self]
        while let expression = stack.popLast() {
            if case .call(let name, _, _) = expression { out.insert(name) }
            stack += expression.children
        }
        return out
    }

    /// Whether `predicate` holds for this expression or any sub-expression.
    public func contains(where predicate: (Expression) -> Bool) -> Bool {
        var stack = [self]
        while let expression = stack.popLast() {
            if predicate(expression) { return true }
            stack += expression.children
        }
        return false
    }

    /// The plain symbol this expression is, if it is one.
    public var asSymbol: Symbol? {
        if case .variable(let symbol) = self { return symbol }
        return nil
    }
}
