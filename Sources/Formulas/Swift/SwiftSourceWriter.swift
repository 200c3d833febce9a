/// Writes a scalar expression as Swift source, for generated tests (a later issue):
/// `\frac{1}{1 + e^{-x}}` becomes `1.0 / (1.0 + exp(-x))`.
///
/// Names become Swift identifiers (`W^{(2)}` → `W2`, `\hat{y}` → `yHat`, `x_3` → `x[2]`);
/// functions are spelled through `functions` (normalised name → Swift callee), so a catalog can
/// point `σ` at `Activation.sigmoid.value`. Matrices, derivatives and sets are refused.
public struct SwiftSourceWriter: Sendable {
    /// Swift callees by normalised function name, and for first derivatives by name + `'`.
    public var functions: [String: String]

    /// Creates a writer; the elementary functions map to Foundation's.
    public init(functions: [String: String] = [:]) {
        var table = [
            "exp": "exp", "log": "log", "ln": "log", "sqrt": "sqrt", "abs": "abs", "max": "max", "min": "min",
            "sin": "sin", "cos": "cos", "tan": "tan", "sinh": "sinh", "cosh": "cosh", "tanh": "tanh",
        ]
        table.merge(functions) { $1 }
        self.functions = table
    }

    /// The Swift source of `expression`, or a failure naming what has no scalar Swift form.
    public func write(_ expression: Expression) throws(LoweringFailure) -> String {
        try write(expression, precedence: 0)
    }

    private func write(_ expression: Expression, precedence: Int) throws(LoweringFailure) -> String {
        func wrap(_ text: String, _ own: Int) -> String { own < precedence ? "(\(text))" : text }
        switch expression {
        case .number(let value):
            return value == value.rounded() && abs(value) < 1e15 ? "\(Int(value)).0" : "\(value)"
        case .variable(let symbol):
            return Self.identifier(symbol)
        case .add(let a, let b): return wrap("\(try write(a, precedence: 1)) + \(try write(b, precedence: 1))", 1)
        case .subtract(let a, let b): return wrap("\(try write(a, precedence: 1)) - \(try write(b, precedence: 2))", 1)
        case .multiply(let a, let b): return wrap("\(try write(a, precedence: 2)) * \(try write(b, precedence: 3))", 2)
        case .divide(let a, let b): return wrap("\(try write(a, precedence: 2)) / \(try write(b, precedence: 3))", 2)
        case .negate(let a): return wrap("-\(try write(a, precedence: 3))", 3)
        case .power(let a, let b): return "pow(\(try write(a, precedence: 0)), \(try write(b, precedence: 0)))"
        case .call(let name, let order, let arguments):
            let key = name.key + String(repeating: "'", count: order)
            guard let callee = functions[key] else {
                throw LoweringFailure(.noSwiftForm, "\(name)\(String(repeating: "′", count: order))")
            }
            var parts: [String] = []
            for argument in arguments { parts.append(try write(argument, precedence: 0)) }
            return "\(callee)(\(parts.joined(separator: ", ")))"
        case .piecewise(let pieces):
            var out = ""
            for piece in pieces {
                guard let condition = piece.condition else { return out + (try write(piece.value, precedence: 0)) }
                let test =
                    "\(try write(condition.lhs, precedence: 1)) \(condition.comparison.swiftOperator) "
                    + "\(try write(condition.rhs, precedence: 1))"
                out += "\(test) ? \(try write(piece.value, precedence: 1)) : "
            }
            return wrap(out + ".nan", 0)
        case .sum(let index, let lower, let upper, let body):
            guard let lower, let upper else {
                throw LoweringFailure(.noSwiftForm, ExpressionPrinter().print(expression))
            }
            return "(\(try bound(lower))...\(try bound(upper))).reduce(0.0) { total, \(index) in "
                + "total + \(try write(body, precedence: 1)) }"
        case .derivative, .matrix, .transpose, .hadamard, .component, .realSpace, .finiteSet, .product, .tuple,
            .ellipsis, .integral, .extremum, .expectation, .limit:
            throw LoweringFailure(.noSwiftForm, ExpressionPrinter().print(expression))
        }
    }

    /// A sum's bound as an `Int` (a range of `Double`s is not a sequence).
    private func bound(_ expression: Expression) throws(LoweringFailure) -> String {
        if case .number(let value) = expression, value == value.rounded() { return String(Int(value)) }
        if case .variable(let symbol) = expression { return Self.identifier(symbol) }
        throw LoweringFailure(.noSwiftForm, ExpressionPrinter().print(expression))
    }

    /// A Swift identifier for a symbol: `W2`, `yHat`, `sigma`, `x[2]` (Swift arrays count from 0).
    public static func identifier(_ symbol: Symbol) -> String {
        let greek = [
            "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "η": "eta", "θ": "theta",
            "λ": "lambda", "μ": "mu", "σ": "sigma", "τ": "tau", "φ": "phi", "ω": "omega", "ℓ": "ell",
        ]
        var name = greek[symbol.name] ?? String(symbol.name.filter { $0.isLetter || $0.isNumber })
        for accent in symbol.accents { name += accent.prefix(1).uppercased() + accent.dropFirst() }
        name += String(repeating: "Prime", count: symbol.primes)
        if let label = symbol.label {
            name += label.replacingOccurrences(of: "-", with: "Minus").replacingOccurrences(of: "+", with: "Plus")
                .filter { $0.isLetter || $0.isNumber }
        }
        guard let index = symbol.index else { return name }
        if let number = Int(index) { return "\(name)[\(number - 1)]" }
        return "\(name)[\(index) - 1]"
    }
}

extension Condition.Comparison {
    /// The Swift operator that compares the same way.
    var swiftOperator: String {
        switch self {
        case .less: "<"
        case .lessOrEqual: "<="
        case .greater: ">"
        case .greaterOrEqual: ">="
        case .equal: "=="
        case .notEqual: "!="
        }
    }
}
