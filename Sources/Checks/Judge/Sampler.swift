import Formulas

/// Evaluates the sides of a claim at many random points and tests their relation at each,
/// skipping points near kinks and points outside a side's domain.
///
/// Each point draws its own sizes for the vectors and matrices whose sizes the lesson did not
/// fix (2 to 4, consistent through `ShapeInference`), binds a size the lesson names (`n` of
/// `x \in \mathbb{R}^n`) to the symbol of that name, and draws every input by kind and domain.
struct Sampler {
    /// The relation tested at every point.
    enum Test {
        /// Equal within the relative and absolute tolerance.
        case equal
        /// An order (`<`, `≤`, `>`, `≥`) entry by entry.
        case order(Formula.Relation)
        /// Equal to within `tolerance` (absolute): `\approx` to the precision written.
        case approximately(tolerance: Double)

        func holds(_ a: Tensor, _ b: Tensor, relative: Double, absolute: Double) -> Bool {
            switch self {
            case .equal: return a.isClose(to: b, relative: relative, absolute: absolute)
            case .approximately(let tolerance):
                // To the precision written, however small (`\epsilon^2 = 0.0000000000001`).
                return a.isClose(to: b, relative: 1e-12, absolute: tolerance)
            case .order(let relation):
                let x = a.values
                let y = b.values
                guard x.count == y.count || x.count == 1 || y.count == 1 else { return false }
                for index in 0..<max(x.count, y.count) {
                    let left = x[x.count == 1 ? 0 : index]
                    let right = y[y.count == 1 ? 0 : index]
                    // An order that holds up to rounding holds: `≤` between equal values computed apart.
                    let slack = absolute + relative * max(abs(left), abs(right))
                    switch relation {
                    case .less, .lessOrEqual: if left > right + slack { return false }
                    case .greater, .greaterOrEqual: if left < right - slack { return false }
                    default: return false
                    }
                }
                return true
            }
        }
    }

    /// The outcome of testing the sides at the sample points.
    enum Outcome {
        /// The relation holds at `points` points (`evaluator` holds the last point).
        case holds(points: Int, Evaluator)
        /// Side `side` breaks the relation with the reference (with one) or with side 0.
        case fails(side: Int, Counterexample, Evaluator)
        /// The sides cannot be evaluated.
        case failed(FailedBecause)
    }

    /// Why no point could be compared.
    enum FailedBecause {
        case evaluation(EvaluationFailure)
        case undefinedEverywhere
        case kinksEverywhere
    }

    var reading: LessonReading {
        didSet { open = reading.openFunctions }
    }
    /// The functions the lesson leaves open, worked out once for every point.
    private var open: Set<String>
    var samples = 16
    var seed: UInt64 = 0x11_7305
    var relative = 1e-7
    var absolute = 1e-9
    /// The sizes of the claim's vectors and matrices, inferred for this reading.
    var inference = ShapeInference(shapes: [:])
    /// The symbols each named size stands for (`n` of `\mathbb{R}^n`), bound at each point.
    var sizeSymbols: [String: Symbol] = [:]

    /// Evaluates every side at each point (prepared by `prepare`) and tests it against side 0
    /// (or against the reference, when there is one).
    func compare(
        _ sides: [Expression], test: Test = .equal,
        prepare: (inout Evaluator) throws(EvaluationFailure) -> Void = { _ in },
        reference: ((inout Evaluator) throws(EvaluationFailure) -> Tensor)? = nil
    ) -> Outcome {
        let counts = countSymbols(sides)
        let expects = sides.contains { side in side.contains { if case .expectation = $0 { true } else { false } } }
        let lawParameters =
            expects
            ? Set(
                reading.laws.values.flatMap { $0.parameters.flatMap(\.freeSymbols) }.filter {
                    reading.isFunctionName($0)
                })
            : []
        var agreed = 0
        var last: Evaluator? = nil
        var undefined = 0
        var attempt: UInt64 = 0
        while agreed < samples && attempt < UInt64(samples * 4) {
            attempt += 1
            var evaluator = pointEvaluator(attempt)
            var values: [Tensor] = []
            do {
                try prepare(&evaluator)
                // Counts (`n` of `\sum_{i=1}^{n}` and of `\frac{1}{n}` beside it) are whole numbers:
                // the length of the vectors they count, which changes from point to point.
                for count in counts where !evaluator.isKnown(count) {
                    evaluator.provide(count, Tensor(Double(evaluator.vectorLength)))
                }
                // `X \sim \mathcal{N}(\mu, \sigma^2)`: there σ is a number, not the sigmoid.
                for parameter in lawParameters where !evaluator.isKnown(parameter) {
                    evaluator.provide(parameter, Tensor(evaluator.drawNumber(.positive) * 4 + 0.1))
                }
                if let reference { values.append(try reference(&evaluator)) }
                for side in sides { values.append(try evaluator.value(of: side)) }
            } catch {
                return .failed(.evaluation(error))
            }
            if evaluator.nearKink { continue }
            // A point outside a side's domain (log of a negative number) says nothing either way.
            if values.contains(where: { $0.values.contains { !$0.isFinite } }) {
                undefined += 1
                continue
            }
            let offset = reference == nil ? 0 : 1
            for index in values.indices.dropFirst()
            where !test.holds(values[0], values[index], relative: relative, absolute: absolute) {
                let example = Counterexample(
                    inputs: Self.inputs(evaluator), formula: values[index].description,
                    expected: values[0].description)
                return .fails(side: index - offset, example, evaluator)
            }
            agreed += 1
            last = evaluator
        }
        if agreed == 0 { return .failed(undefined > 0 ? .undefinedEverywhere : .kinksEverywhere) }
        return .holds(points: agreed, last!)
    }

    /// The evaluator of one point: its sizes drawn, the named sizes bound to their symbols.
    func pointEvaluator(_ attempt: UInt64) -> Evaluator {
        let pointSeed = seed &+ attempt &* 7919
        // Several whole numbers: vectors of unstated length (and those only their entries show)
        // have one length at a point, from 2 to 5; named sizes and matrices' sides vary apart.
        let length = 2 + Int(pointSeed % 4)
        let sizes = inference.sizes { name in
            if name.hasPrefix("?"), !name.hasSuffix(".rows"), !name.hasSuffix(".columns") { return length }
            return 2 + Int((Evaluator.stableHash(name) ^ pointSeed) % 3)
        }
        var evaluator = reading.evaluator(seed: pointSeed, shapes: sizes.shapes, open: open)
        evaluator.vectorLength = length
        for (name, value) in sizes.named {
            if let symbol = sizeSymbols[name], evaluator.bindings[symbol] == nil {
                evaluator.provide(symbol, Tensor(Double(value)))
            }
        }
        return evaluator
    }

    /// The symbols `sides` use as counts, directly or through the lesson's definitions: upper
    /// bounds of sums and products, and the names the lesson uses so.
    func countSymbols(_ sides: [Expression]) -> Set<Symbol> {
        var counts: Set<Symbol> = []
        var seen: Set<Symbol> = []
        var stack = sides
        while let expression = stack.popLast() {
            _ = expression.contains { node in
                switch node {
                case .sum(_, _, .variable(let bound)?, _), .product(_, _, .variable(let bound)?, _):
                    if bound.index == nil { counts.insert(bound) }
                case .variable(let symbol):
                    if symbol.index == nil, reading.index.counts.contains(symbol.name) { counts.insert(symbol) }
                    if let definition = reading.definitions[symbol], seen.insert(symbol).inserted {
                        stack.append(definition)
                    }
                default: break
                }
                return false
            }
        }
        return counts.filter { reading.definitions[$0] == nil }
    }

    init(reading: LessonReading, samples: Int = 16) {
        self.reading = reading
        self.open = reading.openFunctions
        self.samples = samples
    }

    /// The drawn inputs of a point, `name = value`, sorted by name, at most eight.
    static func inputs(_ evaluator: Evaluator) -> [String] {
        evaluator.bindings.map { "\($0.key) = \($0.value)" }.sorted().prefix(8).map { $0 }
    }
}
