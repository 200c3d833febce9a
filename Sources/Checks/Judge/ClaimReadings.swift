import Formulas

/// The plausible ways to read the kinds of a claim's inputs, each with the sizes that make it
/// consistent: as the lesson states them (declarations, bold letters, the lesson's words), with
/// the plain capitals it leaves open read as matrices, and with every input a number (the
/// "one neuron per layer" reading of a lesson written in scalars).
struct ClaimReadings {
    /// One reading of the kinds.
    struct Reading {
        enum Name: Hashable {
            /// The kinds as stated; open capitals as numbers.
            case stated
            /// As stated, with the open capitals as matrices of consistent sizes.
            case capitalsAsMatrices
            /// Every input a number.
            case allNumbers
        }

        var name: Name
        var sampler: Sampler
        /// The inputs read as vectors or matrices.
        var arrays: [Symbol]
        /// Whether the sizes could be made consistent.
        var isConsistent: Bool { sampler.inference.isConsistent }

        /// How the reading is described in messages: "reading A, B as matrices".
        var phrase: String {
            let names = arrays.map(\.description).sorted().joined(separator: ", ")
            switch name {
            case .stated:
                return arrays.isEmpty ? "with every input a number" : "with the declared shapes of \(names)"
            case .capitalsAsMatrices: return "reading \(names) as matrices"
            case .allNumbers: return "as a scalar network: every symbol a number, one neuron per layer"
            }
        }
    }

    /// The readings, the stated one first.
    var all: [Reading] = []
    /// The open capitals of the claim (`A`, `B`, `W^{(2)}`), numbers in the stated reading.
    var capitals: [Symbol] = []
    /// Whether two open capitals multiply each other, so which kind they are decides the claim
    /// (`AB = BA`): then the stated reading alone cannot verify it.
    var capitalsDecide = false

    /// The readings of a claim with `sides` related by `test` in `reading`.
    init(
        _ sides: [Expression], relating: Bool, reading: LessonReading, samples: Int, extraShapes: [Symbol: Shape] = [:]
    ) {
        let inputs = Self.inputs(of: sides, reading: reading)
        let stated = Self.statedShapes(
            inputs: inputs, definedAlongTheWay: Self.definedAlongTheWay(sides, reading: reading), reading: reading,
            extraShapes: extraShapes)
        var sizeSymbols: [String: Symbol] = [:]
        for shape in stated.values {
            for dimension in [shape.rows, shape.columns] {
                if case .named(let name) = dimension, !name.hasPrefix("?"),
                    let symbol = Self.symbol(named: name, in: inputs)
                {
                    sizeSymbols[name] = symbol
                }
            }
        }
        capitals = inputs.filter { reading.isAmbiguousCapital($0) && stated[$0] == nil }
            .sorted { $0.description < $1.description }
        capitalsDecide = Self.multipliesTwo(of: Set(capitals), in: sides)
        let flexible = Self.flexible(inputs, reading: reading)
        let integrates = sides.contains { side in
            side.contains { node in
                switch node {
                case .integral(_, .some, .some, _), .limit: true
                default: false
                }
            }
        }
        func make(_ name: Reading.Name, _ shapes: [Symbol: Shape]) -> Reading {
            let inference = Self.inference(
                sides, relating: relating, shapes: shapes, flexible: name != .allNumbers ? flexible : nil,
                reading: reading)
            var sampler = Sampler(reading: reading, samples: samples)
            if integrates {
                // Quadrature of a singular integrand (`n y^{n-1}` near 0 for n < 1), and a limit taken
                // at a small step, are good to about five digits, not to rounding.
                sampler.relative = 1e-4
                sampler.absolute = 1e-6
            }
            sampler.inference = inference
            sampler.sizeSymbols = sizeSymbols
            let arrays = shapes.keys.filter { inputs.contains($0) }
            return Reading(name: name, sampler: sampler, arrays: Array(arrays))
        }
        all.append(make(.stated, stated))
        if !capitals.isEmpty {
            var asMatrices = stated
            for capital in capitals { asMatrices[capital] = LessonReading.unstatedShape(capital) }
            all.append(make(.capitalsAsMatrices, asMatrices))
        }
        if !stated.isEmpty {
            all.append(make(.allNumbers, [:]))
        }
    }

    // MARK: - The parts of a reading

    /// The shapes the lesson states for a claim's `inputs` and the defined symbols its value goes
    /// through (`definedAlongTheWay`), after `extraShapes`: the stated reading's.
    static func statedShapes(
        inputs: Set<Symbol>, definedAlongTheWay: Set<Symbol>, reading: LessonReading,
        extraShapes: [Symbol: Shape] = [:]
    ) -> [Symbol: Shape] {
        var stated = extraShapes
        for symbol in inputs.union(definedAlongTheWay) where stated[symbol] == nil {
            guard let shape = reading.arrayShape(symbol) else { continue }
            stated[symbol] = shape
        }
        return stated
    }

    /// The inputs read as numbers unless added to a vector or matrix (the bias `b` of `Wx + b`):
    /// plain lower-case letters of no known kind, neither counts nor functions.
    static func flexible(_ inputs: Set<Symbol>, reading: LessonReading) -> Set<Symbol> {
        var flexible: Set<Symbol> = []
        for symbol in inputs where symbol.index == nil {
            if reading.kind(of: symbol) == nil, !reading.index.counts.contains(symbol.name),
                symbol.name.first.map({ $0.isLowercase }) == true, !reading.isFunctionName(symbol)
            {
                flexible.insert(symbol)
            }
        }
        return flexible
    }

    /// The sizes of a reading that gives `shapes`, with `flexible` symbols (none in the every-input-
    /// a-number reading), tied by `sides` and, when `relating`, by their being equal.
    static func inference(
        _ sides: [Expression], relating: Bool, shapes: [Symbol: Shape], flexible: Set<Symbol>?,
        reading: LessonReading
    ) -> ShapeInference {
        var inference = ShapeInference(
            shapes: shapes, definitions: reading.definitions.all,
            shapePreserving: reading.shapePreservingKeys.adding(reading.openFunctions))
        if let flexible { inference.flexible = flexible.subtracting(shapes.keys) }
        inference.lessonFunctions = reading.lessonFunctionBodies
        for side in sides { inference.constrain(side) }
        if relating, sides.count > 1 {
            for side in sides.dropFirst() { inference.constrainEqual(sides[0], side) }
        }
        return inference
    }

    /// The symbols a claim's value depends on as inputs: its free symbols and, through the
    /// lesson's definitions, theirs (defined symbols are computed, not drawn).
    static func inputs(of sides: [Expression], reading: LessonReading) -> Set<Symbol> {
        var inputs: Set<Symbol> = []
        var seen: Set<Symbol> = []
        var stack = sides.flatMap { Array($0.freeSymbols) }
        while let symbol = stack.popLast() {
            guard seen.insert(symbol).inserted else { continue }
            if let definition = reading.definitions[symbol] {
                stack += definition.freeSymbols
            } else if let template = reading.templates[symbol.withoutIndex] {
                stack += template.body.freeSymbols
            } else if let parent = Self.parent(of: symbol, reading: reading) {
                // `x_3`, `w_{12}`: an entry of the vector x, of the matrix W.
                if reading.definitions[parent] != nil { stack.append(parent) } else { inputs.insert(parent) }
            } else {
                inputs.insert(symbol)
            }
        }
        return inputs
    }

    /// The defined symbols a claim's value goes through.
    static func definedAlongTheWay(_ sides: [Expression], reading: LessonReading) -> Set<Symbol> {
        var defined: Set<Symbol> = []
        var stack = sides.flatMap { Array($0.freeSymbols) }
        while let symbol = stack.popLast() {
            guard let definition = reading.definitions[symbol], defined.insert(symbol).inserted else { continue }
            stack += definition.freeSymbols
        }
        return defined
    }

    /// The vector or matrix an entry belongs to (`x` of `x_3`, `W` of `w_{12}`), if the reading
    /// knows one.
    static func parent(of symbol: Symbol, reading: LessonReading) -> Symbol? {
        guard let index = symbol.index, !LessonReading.isIndexedBoldVector(symbol) else { return nil }
        let plain = symbol.withoutIndex
        var capital = plain
        capital.name = plain.name.uppercased()
        // Most indexed symbols have no vector or matrix of their name: that is looked at first.
        guard let parent = [plain, capital].first(where: { $0.index == nil && reading.arrayShape($0) != nil }) else {
            return nil
        }
        // `\mathbf{X}_t \in \mathbb{R}^{n \times d}`: a symbol declared an array of its own.
        if let (kind, _) = reading.kind(of: symbol), case .array = kind { return nil }
        // `J_f`: a subscript that names a function of the lesson labels, it does not index.
        if reading.isAppliedName(Symbol(index)) { return nil }
        return parent
    }

    /// The input whose name is a size (`n_l` of `\mathbb{R}^{n_l}`), if the claim has one.
    private static func symbol(named name: String, in inputs: Set<Symbol>) -> Symbol? {
        inputs.first { $0.description == name }
    }

    /// Whether a product in `sides` multiplies two of `capitals` (so their order matters).
    private static func multipliesTwo(of capitals: Set<Symbol>, in sides: [Expression]) -> Bool {
        guard capitals.count >= 1 else { return false }
        func capitalsIn(_ expression: Expression) -> Set<Symbol> { expression.freeSymbols.intersection(capitals) }
        return sides.contains { side in
            side.contains { expression in
                if case .multiply(let a, let b) = expression {
                    return !capitalsIn(a).isEmpty && !capitalsIn(b).isEmpty
                }
                return false
            }
        }
    }
}
