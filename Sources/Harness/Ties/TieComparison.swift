import Checks
import Formulas

/// The generated test of a `CodeTie`: the formula compiled to Swift over the inputs it draws,
/// beside the call of the cell's function on the same inputs, for `CellRun.compareFormula`.
///
/// The inputs are the formula's own symbols: the defined function's parameters first, then the
/// other symbols of its right side (`α` of `\max(\alpha z, z)`), each a number, a vector or a
/// matrix as the reading says (or, for a parameter the reading leaves open, as the Swift
/// parameter's type says), sized consistently (`ShapeInference`: `W`'s columns are `x`'s
/// length), drawn from the domain the reading gives (a distribution, a probability) or, for what
/// a logarithm or a square root takes, positive. The function's parameters are matched to them by
/// name (`alpha` and `α`) where every one can be, else in order; a parameter with a default value
/// may stay out.
public struct TieComparison: Sendable, Equatable {
    /// One drawn input.
    public struct Input: Sendable, Equatable {
        /// The Swift identifier (`x`, `alpha`, `W2`).
        public var name: String
        /// `nil` for a number; rows and columns otherwise (a vector has one column).
        public var shape: (rows: Size, columns: Size)?
        /// The domain, as `FormulaInput.Domain` source (`.real`, `.distribution`).
        public var domain: String

        /// A size: a number, or a name drawn once per point.
        public enum Size: Sendable, Equatable {
            case fixed(Int)
            case named(String)

            var source: String {
                switch self {
                case .fixed(let value): "\(value)"
                case .named(let name): TestFileGenerator.literal(name)
                }
            }
        }

        /// `.number("x")`, `.vector("z", size: "n")`, `.matrix("W", rows: "m", columns: "n", .real)`.
        var source: String {
            let domainPart = domain == ".real" ? "" : ", \(domain)"
            guard let shape else { return ".number(\(TestFileGenerator.literal(name))\(domainPart))" }
            if shape.columns == .fixed(1) {
                return ".vector(\(TestFileGenerator.literal(name)), size: \(shape.rows.source)\(domainPart))"
            }
            return ".matrix(\(TestFileGenerator.literal(name)), rows: \(shape.rows.source), "
                + "columns: \(shape.columns.source)\(domainPart))"
        }

        public static func == (lhs: Input, rhs: Input) -> Bool {
            lhs.name == rhs.name && lhs.shape?.rows == rhs.shape?.rows && lhs.shape?.columns == rhs.shape?.columns
                && lhs.domain == rhs.domain
        }
    }

    /// Why a tie has no comparison, in words.
    struct NotCompared: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    public var inputs: [Input]
    /// Points closer than 0.05 to these are not drawn (ReLU's 0, ReLU6's 6).
    public var kinks: [Double]
    /// The formula's side as a Swift expression in the inputs (vectors and matrices as
    /// `Matrix<Double>`).
    public var formula: String
    /// The call of the cell's function on the inputs (`leakyRelu(z, alpha: alpha)`).
    public var call: String
    /// How that call reads in a message, an input's value in place of `{name}`.
    public var callTemplate: String

    /// The comparison of `statement` (the formula's reading, whose left side `definition` reads)
    /// with the cell's `function` of `signature`; throws why there can be none.
    init(
        formula: CheckedFormula, statement: Formula, definition: CodeTie.Definition?, function: String,
        signature: FunctionSignature, catalog: Catalog, prefix: String
    ) throws(NotCompared) {
        let swiftName = signature.swiftName(function)
        if signature.isGeneric { throw NotCompared("\(swiftName) is generic") }
        if signature.isAsync { throw NotCompared("\(swiftName) is async") }
        if signature.throwing { throw NotCompared("\(swiftName) throws") }
        if signature.parameters.contains(where: \.isInout) {
            throw NotCompared("\(swiftName) takes an inout parameter")
        }
        guard let result = signature.resultType else { throw NotCompared("\(swiftName) returns nothing") }
        if case .other(let type) = result {
            throw NotCompared("\(swiftName) returns \(type); a tie compares Double, [Double] and Matrix<Double>")
        }
        let (functions, vectorFunctions, catalogKinks) = Self.callees(catalog)
        var firstFailure: NotCompared?
        for side in statement.terms.dropFirst() {
            do {
                self = try Self.compile(
                    side, formula: formula, definition: definition, function: function, signature: signature,
                    result: result, functions: functions, vectorFunctions: vectorFunctions,
                    catalogKinks: catalogKinks, catalog: catalog, prefix: prefix)
                return
            } catch {
                if firstFailure == nil { firstFailure = error }
            }
        }
        throw firstFailure ?? NotCompared("the formula has no right side")
    }

    // MARK: - Compiling one side

    private static func compile(
        _ side: Expression, formula: CheckedFormula, definition: CodeTie.Definition?, function: String,
        signature: FunctionSignature, result: FunctionSignature.ValueType, functions: [String: String],
        vectorFunctions: [String: String], catalogKinks: [String: [Double]], catalog: Catalog, prefix: String
    ) throws(NotCompared) -> TieComparison {
        let swiftName = signature.swiftName(function)
        let entryIndex = definition?.entryIndex
        // The symbols the side uses, in reading order: entries (`z_i`) stand for their vector.
        var symbols: [Symbol] = definition?.parameters ?? []
        for symbol in Self.symbolsInOrder(side) {
            let base =
                symbol.index != nil && (symbol.index == entryIndex || !side.freeSymbols.contains(symbol))
                ? symbol.withoutIndex : symbol
            if !symbols.contains(base) { symbols.append(base) }
        }
        // A size the lesson names (`K` of `p \in \mathbb{R}^K`) is the size of that vector, not an input.
        var sizeOwners: [String: (Symbol, Bool)] = [:]
        for symbol in symbols {
            guard case .array(let shape)? = formula.kinds[symbol] else { continue }
            if case .named(let name) = shape.rows, sizeOwners[name] == nil { sizeOwners[name] = (symbol, true) }
            if case .named(let name) = shape.columns, sizeOwners[name] == nil { sizeOwners[name] = (symbol, false) }
        }
        // A count (`n` of `\sum_{i=1}^{n} (\hat{y}_i - y_i)^2`) is the length of the vectors the
        // sum indexes.
        let counts = Self.counts(side)
        for (name, vectors) in counts.sorted(by: { $0.key < $1.key }) where sizeOwners[name] == nil {
            if let first = vectors.first(where: symbols.contains) { sizeOwners[name] = (first, true) }
        }
        symbols.removeAll { $0.index == nil && $0.label == nil && $0.accents.isEmpty && sizeOwners[$0.name] != nil }
        for symbol in symbols where symbol.index != nil {
            throw NotCompared("the formula's \(symbol) is not one of its inputs")
        }

        // Which parameter takes which input.
        let names = symbols.map(SwiftSourceWriter.identifier)
        let matching = try Self.match(names, signature.parameters, swiftName: swiftName)
        let types = signature.parameterTypes

        // What each input is: the reading's kind, else the parameter's type.
        var shapes: [Symbol: Shape] = [:]
        for (position, symbol) in symbols.enumerated() {
            let parameter = matching.firstIndex(of: position)
            let type = parameter.map { types[$0] }
            if case .other(let written)? = type {
                throw NotCompared(
                    "\(swiftName) takes \(written) for the formula's \(symbol); a tie draws Double, [Double] and "
                        + "Matrix<Double>")
            }
            let isParameterOfDefinition = definition?.parameters.contains(symbol) ?? false
            let indexed = Self.isIndexed(symbol, in: side)
            switch (formula.kinds[symbol], type) {
            case (.array(let shape)?, _) where !isParameterOfDefinition || type != .number:
                if type == .number {
                    throw NotCompared(
                        "the formula's \(symbol) is \(formula.kinds[symbol]!), \(swiftName) takes a Double")
                }
                shapes[symbol] = shape
            case (_, .vector?), (_, .matrix?):
                let name = SwiftSourceWriter.identifier(symbol)
                shapes[symbol] =
                    type == .matrix && !indexed
                    ? Shape(.named("?\(name).rows"), .named("?\(name).columns")) : Shape(.named("?\(name)"), .number(1))
            case (_, nil) where indexed:
                shapes[symbol] = Shape(.named("?\(SwiftSourceWriter.identifier(symbol))"), .number(1))
            default:
                if indexed { throw NotCompared("\(swiftName) takes a Double for the formula's vector \(symbol)") }
            }
        }
        for (name, vectors) in counts {
            for vector in vectors {
                if let shape = shapes[vector], shape.columns == .number(1), shape.rows.isUnstated {
                    shapes[vector] = Shape(.named(name), .number(1))
                }
            }
        }
        shapes = Self.consistent(shapes, side: side, shapePreserving: Set(functions.keys).union(vectorFunctions.keys))

        // Sizes: the lesson's names kept, unstated ones numbered in order.
        var sizeNames: [String: String] = [:]
        func size(_ dimension: Dimension) -> Input.Size {
            switch dimension {
            case .number(let value): return .fixed(value)
            case .named(let name) where !name.hasPrefix("?"): return .named(name)
            case .named(let name):
                if let known = sizeNames[name] { return .named(known) }
                let fresh = "size\(sizeNames.count + 1)"
                sizeNames[name] = fresh
                return .named(fresh)
            }
        }
        var sizes: [String: String] = [:]
        for (name, owner) in sizeOwners.sorted(by: { $0.key < $1.key }) where shapes[owner.0] != nil {
            sizes[name] = SwiftSourceWriter.identifier(owner.0) + (owner.1 ? ".rows" : ".columns")
        }
        // What a logarithm takes is positive, and so is the parameter of an engine family the
        // formula defines (leaky ReLU's slope α), as the check drew it.
        var positive = Self.underLogarithms(side)
        if let key = definition?.functionKey {
            for function in catalog.functions where function.keys.contains(key) {
                guard case .parametric(_, _, let parameterNames, _) = function.kind else { continue }
                positive.formUnion(symbols.filter { parameterNames.contains($0.name) })
            }
        }
        var inputs: [Input] = []
        for (symbol, name) in zip(symbols, names) {
            let shape = shapes[symbol].map { (size($0.rows), size($0.columns)) }
            let domain =
                Self.domainSource(formula.domains[symbol] ?? formula.domains[symbol.withoutIndex])
                ?? (positive.contains(symbol) ? ".positive" : ".real")
            inputs.append(Input(name: name, shape: shape, domain: domain))
        }

        // The formula's side, and what it gives against what the function returns.
        let writer = SwiftArrayWriter(
            functions: functions, vectorFunctions: vectorFunctions, shapes: shapes, sizes: sizes, prefix: prefix)
        let source: String
        let value: SwiftArrayWriter.Value
        do {
            if let entryIndex {
                source = try writer.writeEntries(side, index: entryIndex)
                value = .array(Shape(.named("?"), .number(1)))
            } else {
                (source, value) = try writer.write(side)
            }
        } catch {
            throw NotCompared(error.description)
        }
        switch (value, result) {
        case (.number, .vector), (.number, .matrix):
            throw NotCompared("the formula gives a number, \(swiftName) returns \(signature.result ?? "")")
        case (.array(let shape), .number) where shape.numbers != [1, 1]:
            throw NotCompared("the formula gives a vector or a matrix, \(swiftName) returns a Double")
        default: break
        }

        // The call, with labels; a parameter left out keeps its default.
        var arguments: [String] = []
        var template: [String] = []
        for (index, parameter) in signature.parameters.enumerated() {
            guard let position = matching[index] else { continue }
            let name = names[position]
            let isArray = shapes[symbols[position]] != nil
            let argument: String
            switch (types[index], isArray) {
            case (.number, false), (.matrix, true): argument = name
            case (.vector, true): argument = name + ".elements"
            default:
                throw NotCompared("\(swiftName) takes \(parameter.type) for the formula's \(symbols[position])")
            }
            let label = parameter.label.map { $0 + ": " } ?? ""
            arguments.append(label + argument)
            template.append(label + "{\(name)}")
        }
        var kinks: Set<Double> = [0]
        for case .call(let name, _, _) in Self.nodes(side) { kinks.formUnion(catalogKinks[name.key] ?? []) }
        for case .piecewise(let pieces) in Self.nodes(side) {
            for piece in pieces {
                if case .number(let value)? = piece.condition?.rhs { kinks.insert(value) }
                if case .number(let value)? = piece.condition?.lhs { kinks.insert(value) }
            }
        }
        return TieComparison(
            inputs: inputs, kinks: kinks.sorted(), formula: source,
            call: "\(function)(\(arguments.joined(separator: ", ")))",
            callTemplate: "\(function)(\(template.joined(separator: ", ")))")
    }

    private init(inputs: [Input], kinks: [Double], formula: String, call: String, callTemplate: String) {
        self.inputs = inputs
        self.kinks = kinks
        self.formula = formula
        self.call = call
        self.callTemplate = callTemplate
    }

    // MARK: - Matching parameters to inputs

    /// For each parameter, the input it takes (nil: it keeps its default): by name when every
    /// input is named by a parameter, else in order.
    static func match(
        _ inputs: [String], _ parameters: [FunctionSignature.Parameter], swiftName: String
    ) throws(NotCompared) -> [Int?] {
        var byName: [Int?] = parameters.map { parameter in
            inputs.firstIndex(of: parameter.name) ?? parameter.label.flatMap { inputs.firstIndex(of: $0) }
        }
        // A name that differs only in case (`w` for `W`), when it names one input only.
        for (index, parameter) in parameters.enumerated() where byName[index] == nil {
            let same = inputs.indices.filter { inputs[$0].lowercased() == parameter.name.lowercased() }
            if same.count == 1, !byName.contains(same[0]) { byName[index] = same[0] }
        }
        let named = Set(byName.compactMap { $0 })
        if named.count == inputs.count, byName.compactMap({ $0 }).count == inputs.count,
            zip(parameters, byName).allSatisfy({ $1 != nil || $0.hasDefault })
        {
            return byName
        }
        let required = parameters.filter { !$0.hasDefault }.count
        guard inputs.count >= required, inputs.count <= parameters.count else {
            let list =
                inputs.isEmpty
                ? "no inputs"
                : "\(inputs.count) input\(inputs.count == 1 ? "" : "s") (\(inputs.joined(separator: ", ")))"
            throw NotCompared(
                "\(swiftName) takes \(parameters.count) argument\(parameters.count == 1 ? "" : "s"), the formula has \(list)"
            )
        }
        return parameters.indices.map { $0 < inputs.count ? $0 : nil }
    }

    // MARK: - Reading the side

    /// The symbols of `expression` in reading order, each once.
    static func symbolsInOrder(_ expression: Expression) -> [Symbol] {
        var out: [Symbol] = []
        let free = expression.freeSymbols
        for case .variable(let symbol) in nodes(expression) {
            let base = free.contains(symbol) ? symbol : symbol.withoutIndex
            if (free.contains(base) || free.contains(symbol)) && !out.contains(base) { out.append(base) }
        }
        return out
    }

    /// Every node of `expression`, parents before children, in reading order.
    static func nodes(_ expression: Expression) -> [Expression] {
        var out: [Expression] = []
        var stack = [expression]
        while let node = stack.popLast() {
            out.append(node)
            stack += node.children.reversed()
        }
        return out
    }

    /// The counts of `expression`: each symbol that bounds a sum or a product
    /// (`\sum_{i=1}^{n}`), with the vectors its body indexes with that sum's index, in order.
    static func counts(_ expression: Expression) -> [String: [Symbol]] {
        var out: [String: [Symbol]] = [:]
        for node in nodes(expression) {
            switch node {
            case .sum(let index, _, .variable(let bound)?, let body),
                .product(let index, _, .variable(let bound)?, let body):
                guard bound.index == nil, bound.label == nil, bound.accents.isEmpty else { continue }
                for case .variable(let symbol) in nodes(body) where symbol.index == index {
                    if !out[bound.name, default: []].contains(symbol.withoutIndex) {
                        out[bound.name, default: []].append(symbol.withoutIndex)
                    }
                }
            default: continue
            }
        }
        return out
    }

    /// Whether `expression` uses entries of `symbol` (`p_k`, `z_i`).
    static func isIndexed(_ symbol: Symbol, in expression: Expression) -> Bool {
        nodes(expression).contains {
            if case .variable(let used) = $0 { return used.index != nil && used.withoutIndex == symbol }
            return false
        }
    }

    /// The symbols a logarithm or a square root takes (themselves or their entries).
    static func underLogarithms(_ expression: Expression) -> Set<Symbol> {
        var out: Set<Symbol> = []
        for case .call(let name, 0, let arguments) in nodes(expression) where ["log", "ln", "sqrt"].contains(name.key) {
            for argument in arguments {
                for case .variable(let symbol) in nodes(argument) {
                    out.insert(symbol)
                    out.insert(symbol.withoutIndex)
                }
            }
        }
        return out
    }

    /// The shapes made consistent through the side (a product ties the inner sizes), as
    /// `ShapeInference` finds them; the shapes as given when it finds a conflict.
    static func consistent(_ shapes: [Symbol: Shape], side: Expression, shapePreserving: Set<String>) -> [Symbol: Shape]
    {
        guard !shapes.isEmpty else { return shapes }
        var inference = ShapeInference(shapes: shapes, shapePreserving: shapePreserving)
        inference.constrain(side)
        guard inference.isConsistent else { return shapes }
        let inferred = inference.shapes()
        var out = shapes
        for symbol in shapes.keys { if let shape = inferred[symbol] { out[symbol] = shape } }
        return out
    }

    /// `FormulaInput.Domain` source for a domain of the reading; nil for any real number.
    static func domainSource(_ domain: Domain?) -> String? {
        switch domain {
        case nil, .real?: nil
        case .positive?: ".positive"
        case .probability?: ".probability"
        case .distribution?: ".distribution"
        case .oneHot?: ".oneHot"
        case .values(let values)?: ".values([" + values.map { "\($0)" }.joined(separator: ", ") + "])"
        }
    }

    /// The catalog's functions as Swift callees: scalar ones (and their derivatives) by key,
    /// vector ones by key, and the kinks of each.
    static func callees(_ catalog: Catalog) -> ([String: String], [String: String], [String: [Double]]) {
        var scalar: [String: String] = [:]
        var vector: [String: String] = [:]
        var kinks: [String: [Double]] = [:]
        for function in catalog.functions {
            switch function.kind {
            case .scalar(_, _, let points):
                let engine = "NeuralCore.Activation(named: \(TestFileGenerator.literal(function.name)))!"
                for key in function.keys {
                    scalar[key] = engine + ".value"
                    scalar[key + "'"] = engine + ".derivative"
                    kinks[key] = points
                }
            case .vector:
                for key in function.keys {
                    vector[key] =
                        "NeuralCore.Activation(named: \(TestFileGenerator.literal(function.name)))!.vectorValue"
                }
            case .parametric: continue
            }
        }
        return (scalar, vector, kinks)
    }
}
