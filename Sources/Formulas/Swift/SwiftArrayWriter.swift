/// Writes an expression over numbers, vectors and matrices as Swift over NeuralCore's
/// `Matrix<Double>`, for generated tests: `\sigma(Wx + b)` becomes
/// `(W * x + b).map { NeuralCore.Activation(named: "sigmoid")!.value($0) }`.
///
/// Every vector or matrix is a `Matrix<Double>` in the source (a vector is a column, n × 1); a
/// number is a `Double`. Which symbols are arrays, and their sizes, come from the formula's
/// reading (`shapes`); any other symbol is a number. So:
///
/// - juxtaposition is the matrix product between arrays and a scaling otherwise; `+`, `−` add
///   arrays entry by entry and add a number to every entry; `⊙` is `hadamard`; `ᵀ` is `transposed`;
/// - a scalar function (`σ`, `\exp`, `\max(0, z)`) applied to an array applies to each entry;
///   a vector function (`\text{softmax}`) maps the whole vector (`vectorFunctions`);
/// - `z_k`, `W_{ij}` are entries (1-based in the lesson, 0-based in Swift) under an index a sum
///   or an entrywise definition binds; `\sum_j` without bounds runs over the entries of the
///   vector its body indexes with `j`; a size the lesson names (`K` of `p \in \mathbb{R}^K`) is
///   the size of the array that has it (`sizes`).
///
/// Anything else (a derivative, an integral, an expectation, a set) is refused with
/// `LoweringFailure.Reason.noSwiftForm`.
public struct SwiftArrayWriter: Sendable {
    /// What a piece of Swift source computes.
    public enum Value: Hashable, Sendable {
        case number
        /// A `Matrix<Double>` of that shape.
        case array(Shape)
    }

    /// Swift callees of scalar functions by normalised name (and by name + `'` for a derivative).
    public var functions: [String: String]
    /// Swift callees of functions from `[Double]` to `[Double]` (the softmax), by normalised name.
    public var vectorFunctions: [String: String]
    /// The arrays among the symbols, with their shapes.
    public var shapes: [Symbol: Shape]
    /// Swift `Int` expressions for the sizes the lesson names (`K` → `p.rows`).
    public var sizes: [String: String]
    /// The prefix of names the writer introduces (a running total), which no symbol may start with.
    public var prefix: String

    /// Creates a writer; the elementary functions map to Foundation's.
    public init(
        functions: [String: String] = [:], vectorFunctions: [String: String] = [:], shapes: [Symbol: Shape] = [:],
        sizes: [String: String] = [:], prefix: String = "litmus"
    ) {
        self.functions = SwiftSourceWriter(functions: functions).functions
        self.vectorFunctions = vectorFunctions
        self.shapes = shapes
        self.sizes = sizes
        self.prefix = prefix
    }

    /// The Swift source of `expression` and what it computes.
    public func write(_ expression: Expression) throws(LoweringFailure) -> (source: String, value: Value) {
        try write(expression, bound: [], precedence: 0)
    }

    /// The Swift source of a vector defined entry by entry (`\text{softmax}(z)_k = body`): a
    /// column with one entry per value of `index`, as many as the entries of the vector `body`
    /// indexes with it.
    public func writeEntries(_ body: Expression, index: String) throws(LoweringFailure) -> String {
        guard Self.isIndexName(index), let length = length(of: index, in: body) else {
            throw LoweringFailure(.noSwiftForm, ExpressionPrinter().print(body))
        }
        let (source, value) = try write(body, bound: [index], precedence: 0)
        guard value == .number else { throw LoweringFailure(.noSwiftForm, ExpressionPrinter().print(body)) }
        return "NeuralCore.Matrix<Double>(column: (1...\(length)).map { \(index) in \(source) })"
    }

    // MARK: - The walk

    private func write(
        _ expression: Expression, bound: Set<String>, precedence: Int
    ) throws(LoweringFailure) -> (source: String, value: Value) {
        func wrap(_ text: String, _ own: Int) -> String { own < precedence ? "(\(text))" : text }
        func refuse() -> LoweringFailure { LoweringFailure(.noSwiftForm, ExpressionPrinter().print(expression)) }
        switch expression {
        case .number(let value):
            return (value == value.rounded() && abs(value) < 1e15 ? "\(Int(value)).0" : "\(value)", .number)
        case .variable(let symbol):
            return try variable(symbol, bound: bound)
        case .add(let a, let b), .subtract(let a, let b):
            let isAdd: Bool = if case .add = expression { true } else { false }
            let operation = isAdd ? "+" : "-"
            let left = try write(a, bound: bound, precedence: 1)
            let right = try write(b, bound: bound, precedence: isAdd ? 1 : 2)
            switch (left.value, right.value) {
            case (.number, .number), (.array, .array):
                return (wrap("\(left.source) \(operation) \(right.source)", 1), Self.widest(left.value, right.value))
            case (.array, .number):
                return ("\(postfix(left.source)).map { $0 \(operation) \(right.source) }", left.value)
            case (.number, .array):
                return ("\(postfix(right.source)).map { \(left.source) \(operation) $0 }", right.value)
            }
        case .multiply(let a, let b):
            let left = try write(a, bound: bound, precedence: 2)
            let right = try write(b, bound: bound, precedence: 3)
            switch (left.value, right.value) {
            case (.number, .number), (.number, .array):
                return (wrap("\(left.source) * \(right.source)", 2), right.value)
            case (.array, .number):
                return (wrap("\(try write(b, bound: bound, precedence: 2).source) * \(left.source)", 2), left.value)
            case (.array(let l), .array(let r)):
                return (wrap("\(left.source) * \(right.source)", 2), .array(Shape(l.rows, r.columns)))
            }
        case .divide(let a, let b):
            let left = try write(a, bound: bound, precedence: 2)
            let right = try write(b, bound: bound, precedence: 3)
            switch (left.value, right.value) {
            case (.number, .number): return (wrap("\(left.source) / \(right.source)", 2), .number)
            case (.array, .number): return ("\(postfix(left.source)).map { $0 / \(right.source) }", left.value)
            case (.number, .array): return ("\(postfix(right.source)).map { \(left.source) / $0 }", right.value)
            case (.array, .array):
                return ("\(postfix(left.source)).zipMap(\(right.source)) { $0 / $1 }", left.value)
            }
        case .negate(let a):
            let inner = try write(a, bound: bound, precedence: 3)
            return (wrap("-\(inner.source)", 3), inner.value)
        case .power(let a, let b):
            let base = try write(a, bound: bound, precedence: 0)
            let exponent = try write(b, bound: bound, precedence: 0)
            switch (base.value, exponent.value) {
            case (.number, .number): return ("pow(\(base.source), \(exponent.source))", .number)
            case (.array, .number):
                return ("\(postfix(base.source)).map { pow($0, \(exponent.source)) }", base.value)
            default: throw refuse()
            }
        case .transpose(let a):
            let inner = try write(a, bound: bound, precedence: 4)
            guard case .array(let shape) = inner.value else { return inner }
            return ("\(postfix(inner.source)).transposed", .array(Shape(shape.columns, shape.rows)))
        case .hadamard(let a, let b):
            let left = try write(a, bound: bound, precedence: 4)
            let right = try write(b, bound: bound, precedence: 0)
            guard case .array = left.value, case .array = right.value else {
                return try write(.multiply(a, b), bound: bound, precedence: precedence)
            }
            return ("\(postfix(left.source)).hadamard(\(right.source))", left.value)
        case .call(let name, let order, let arguments):
            return try call(name, order: order, arguments, bound: bound, expression: expression)
        case .component(let vector, let index):
            let inner = try write(vector, bound: bound, precedence: 4)
            guard case .array = inner.value, let position = try? position(index, bound: bound) else { throw refuse() }
            return ("\(postfix(inner.source)).elements[\(position)]", .number)
        case .sum(let index, let lower, let upper, let body), .product(let index, let lower, let upper, let body):
            let isSum: Bool = if case .sum = expression { true } else { false }
            guard Self.isIndexName(index) else { throw refuse() }
            let range: String
            if let lower, let upper {
                range = "\(try sumBound(lower, bound: bound))...\(try sumBound(upper, bound: bound))"
            } else if lower == nil, upper == nil, let length = length(of: index, in: body) {
                range = "1...\(length)"
            } else {
                throw refuse()
            }
            let inner = try write(body, bound: bound.union([index]), precedence: 1)
            guard inner.value == .number else { throw refuse() }
            let total = prefix + "Total"
            let start = isSum ? "0.0" : "1.0"
            let operation = isSum ? "+" : "*"
            return (
                "(\(range)).reduce(\(start)) { \(total), \(index) in \(total) \(operation) \(inner.source) }", .number
            )
        case .matrix(let rows):
            var written: [[String]] = []
            for row in rows {
                var entries: [String] = []
                for entry in row {
                    let value = try write(entry, bound: bound, precedence: 0)
                    guard value.value == .number else { throw refuse() }
                    entries.append(value.source)
                }
                written.append(entries)
            }
            let columns = written.first?.count ?? 0
            guard columns > 0, written.allSatisfy({ $0.count == columns }) else { throw refuse() }
            let literal = "[" + written.map { "[" + $0.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
            return ("NeuralCore.Matrix<Double>(\(literal))", .array(Shape(.number(rows.count), .number(columns))))
        case .piecewise(let pieces):
            var out = ""
            for piece in pieces {
                let value = try write(piece.value, bound: bound, precedence: 1)
                guard value.value == .number else { throw refuse() }
                guard let condition = piece.condition else { return (wrap(out + value.source, 0), .number) }
                let lhs = try write(condition.lhs, bound: bound, precedence: 1)
                let rhs = try write(condition.rhs, bound: bound, precedence: 1)
                guard lhs.value == .number, rhs.value == .number else { throw refuse() }
                out += "\(lhs.source) \(condition.comparison.swiftOperator) \(rhs.source) ? \(value.source) : "
            }
            return (wrap(out + ".nan", 0), .number)
        case .derivative, .realSpace, .finiteSet, .tuple, .ellipsis, .integral, .extremum, .expectation, .limit:
            throw refuse()
        }
    }

    /// A symbol: an array, an entry of one, a size the lesson names, or a number.
    private func variable(_ symbol: Symbol, bound: Set<String>) throws(LoweringFailure) -> (
        source: String, value: Value
    ) {
        if let shape = shapes[symbol] { return (SwiftSourceWriter.identifier(symbol), .array(shape)) }
        if let index = symbol.index, let shape = shapes[symbol.withoutIndex] {
            let name = SwiftSourceWriter.identifier(symbol.withoutIndex)
            let isVector = shape.columns == .number(1) || shape.rows == .number(1)
            if isVector, let position = try? position(index, bound: bound) {
                return ("\(name).elements[\(position)]", .number)
            }
            let parts = index.contains(",") ? index.split(separator: ",").map(String.init) : index.map { String($0) }
            guard !isVector, parts.count == 2, let row = try? position(parts[0], bound: bound),
                let column = try? position(parts[1], bound: bound)
            else { throw LoweringFailure(.noSwiftForm, symbol.description) }
            return ("\(name)[\(row), \(column)]", .number)
        }
        if symbol.index == nil, symbol.label == nil, symbol.accents.isEmpty, let size = sizes[symbol.name] {
            return ("Double(\(size))", .number)
        }
        if bound.contains(symbol.name), symbol.index == nil { return ("Double(\(symbol.name))", .number) }
        return (SwiftSourceWriter.identifier(symbol), .number)
    }

    /// A function applied to its arguments: a scalar function to numbers, or to each entry of
    /// its one array argument; a vector function to a whole vector.
    private func call(
        _ name: FunctionName, order: Int, _ arguments: [Expression], bound: Set<String>, expression: Expression
    ) throws(LoweringFailure) -> (source: String, value: Value) {
        let key = name.key + String(repeating: "'", count: order)
        var written: [(source: String, value: Value)] = []
        for argument in arguments { written.append(try write(argument, bound: bound, precedence: 0)) }
        if let callee = vectorFunctions[key], written.count == 1, case .array = written[0].value {
            return (
                "NeuralCore.Matrix<Double>(column: \(callee)(\(postfix(written[0].source)).elements))", written[0].value
            )
        }
        guard let callee = functions[key] else {
            throw LoweringFailure(.noSwiftForm, "\(name)\(String(repeating: "′", count: order))")
        }
        let arrays = written.indices.filter { if case .array = written[$0].value { true } else { false } }
        switch arrays.count {
        case 0:
            return ("\(callee)(\(written.map(\.source).joined(separator: ", ")))", .number)
        case 1:
            let parts = written.enumerated().map { $0.offset == arrays[0] ? "$0" : $0.element.source }
            return (
                "\(postfix(written[arrays[0]].source)).map { \(callee)(\(parts.joined(separator: ", "))) }",
                written[arrays[0]].value
            )
        default:
            throw LoweringFailure(.noSwiftForm, ExpressionPrinter().print(expression))
        }
    }

    // MARK: - Indices and sizes

    /// The 0-based Swift position of a 1-based index: a number, or a letter a sum binds.
    private func position(_ index: String, bound: Set<String>) throws(LoweringFailure) -> String {
        let trimmed = index.filter { $0 != " " }
        if let number = Int(trimmed), number >= 1 { return "\(number - 1)" }
        if bound.contains(trimmed) { return "\(trimmed) - 1" }
        throw LoweringFailure(.noSwiftForm, index)
    }

    /// A bound of a sum as an `Int`: a whole number, a size the lesson names, a bound index.
    private func sumBound(_ expression: Expression, bound: Set<String>) throws(LoweringFailure) -> String {
        if case .number(let value) = expression, value == value.rounded(), abs(value) < 1e9 {
            return String(Int(value))
        }
        if case .variable(let symbol) = expression, symbol.index == nil, symbol.label == nil {
            if let size = sizes[symbol.name] { return size }
            if bound.contains(symbol.name) { return symbol.name }
        }
        throw LoweringFailure(.noSwiftForm, ExpressionPrinter().print(expression))
    }

    /// How many values `index` takes in `body`: the entries of the first vector it indexes there.
    func length(of index: String, in body: Expression) -> String? {
        var found: String?
        _ = body.contains { node in
            guard found == nil else { return true }
            if case .variable(let symbol) = node, symbol.index?.filter({ $0 != " " }) == index,
                let shape = shapes[symbol.withoutIndex], shape.columns == .number(1) || shape.rows == .number(1)
            {
                found = "\(SwiftSourceWriter.identifier(symbol.withoutIndex)).count"
            }
            if case .component(.variable(let symbol), let written) = node, written == index, shapes[symbol] != nil {
                found = "\(SwiftSourceWriter.identifier(symbol)).count"
            }
            return found != nil
        }
        return found
    }

    /// An index a closure can bind: a lowercase ASCII letter or a word of them.
    static func isIndexName(_ index: String) -> Bool {
        !index.isEmpty && index.allSatisfy { $0.isASCII && $0.isLetter }
    }

    /// Source that a member access can follow: `(a + b)` for `a + b`.
    private func postfix(_ source: String) -> String {
        let plain = source.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        return plain || (source.hasPrefix("(") && Self.closesAtEnd(source)) ? source : "(\(source))"
    }

    /// Whether the parenthesis opening `source` closes at its last character.
    private static func closesAtEnd(_ source: String) -> Bool {
        var depth = 0
        for (offset, character) in source.enumerated() {
            if character == "(" { depth += 1 }
            if character == ")" {
                depth -= 1
                if depth == 0 { return offset == source.count - 1 }
            }
        }
        return false
    }

    private static func widest(_ a: Value, _ b: Value) -> Value {
        if case .array = a { return a }
        return b
    }
}
