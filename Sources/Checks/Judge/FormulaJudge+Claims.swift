import Formulas

extension FormulaJudge {
    /// What one link `a R b` of a chain turned out to be.
    enum LinkOutcome {
        /// The relation held at every point; how, for the message.
        case holds(String, against: String)
        /// Every plausible reading fails.
        case fails(String, Counterexample, against: String)
        /// Not a claim: a condition on unknowns (what follows may hold only under it), or a
        /// constraint the reading applies (`\sum_k t_k = 1`).
        case assumption(String, isCondition: Bool)
        /// A claim that could not be checked.
        case unchecked(UncheckedReason)
    }

    // MARK: - Chains

    /// Every link of `terms` from `start`, checked as a claim, in one verdict: a mismatch if a
    /// link fails, verified if every link that is a claim holds, unchecked if one could not be
    /// checked, and a definition (an assumption) if no link is a claim.
    mutating func chain(
        _ terms: [Expression], _ relations: [Formula.Relation], from start: Int = 0, defined: String? = nil
    ) -> Verdict {
        var held: [String] = []
        var assumptions: [String] = []
        var against: [String] = []
        var unchecked: UncheckedReason? = nil
        for link in start..<relations.count {
            let outcome = checkLink(terms[link], terms[link + 1], relations[link])
            let which =
                relations.count > 1
                ? "`\(printer.print(terms[link])) \(relations[link]) \(printer.print(terms[link + 1]))`: " : ""
            switch outcome {
            case .fails(let message, let example, let reference):
                return Verdict(
                    .mismatch, (defined.map { $0 + "; " } ?? "") + which + message, against: reference,
                    counterexample: example)
            case .holds(let message, let reference):
                held.append(which + message)
                against.append(reference)
            case .assumption(let message, let isCondition):
                assumptions.append(which + message)
                // What follows in the section may hold only under a condition — one stated on its
                // own (`\epsilon^2 = 0`), not a step of a derivation read as one.
                if isCondition, relations.count == 1 {
                    reading.conditions.append(
                        (
                            terms[link].freeSymbols.union(terms[link + 1].freeSymbols),
                            "\(printer.print(terms[link])) \(relations[link]) \(printer.print(terms[link + 1]))", line,
                            context.section
                        ))
                }
            case .unchecked(let reason):
                if unchecked == nil { unchecked = reason }
            }
        }
        if let unchecked {
            return Verdict(unchecked: unchecked)
        }
        let prefix = defined.map { $0 + "; " } ?? ""
        guard !held.isEmpty else {
            if let defined, assumptions.isEmpty { return Verdict(.definition, defined) }
            return Verdict(.definition, prefix + assumptions.joined(separator: "; "))
        }
        let notes = assumptions.isEmpty ? "" : " (" + assumptions.joined(separator: "; ") + ")"
        let references = Array(Set(against)).sorted()
        return Verdict(
            .verified, prefix + held.joined(separator: "; ") + notes, against: references.joined(separator: "; "))
    }

    /// One link of a chain.
    mutating func checkLink(_ a: Expression, _ b: Expression, _ relation: Formula.Relation) -> LinkOutcome {
        switch relation {
        case .equals, .defines:
            if let antiderivative = indefiniteIntegral(a, b) ?? indefiniteIntegral(b, a) { return antiderivative }
            // `\sigma(2) = 0.88`, `2 \cdot 10^9 \cdot 16 = 10^{12}`: to the precision written.
            // Written with `=`, a rounded number means half a unit of its last digit either way.
            if let unit = Self.writtenPrecision(a) ?? Self.writtenPrecision(b) {
                // The other side's rounded numbers carry their own rounding into it.
                let carried = Self.roundingCarried(a) + Self.roundingCarried(b)
                return evaluateLink([a, b], test: .approximately(tolerance: unit / 2 * (1 + 1e-9) + carried))
            }
            return evaluateLink([a, b], test: .equal)
        case .approximately:
            // `-\log 0.8 \approx 0.223`: a side that is one rounded number states the precision, one
            // unit of its last digit (not the 0.1 of the 0.8 the other side starts from).
            if let unit = Self.writtenPrecision(b) ?? Self.writtenPrecision(a) {
                let carried = Self.roundingCarried(a) + Self.roundingCarried(b)
                return evaluateLink([a, b], test: .approximately(tolerance: unit * (1 + 1e-9) + carried))
            }
            guard let tolerance = Self.writtenTolerance([a, b]) else {
                return smallParameterLink(a, b) ?? .unchecked(.approximationWithoutPrecision)
            }
            return evaluateLink([a, b], test: .approximately(tolerance: tolerance))
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            return evaluateLink([a, b], test: .order(relation))
        case .notEqual:
            let unknowns = Self.unknowns([a, b], reading: reading)
            if !unknowns.isEmpty {
                return .assumption(
                    "states a condition on " + unknowns.map(\.description).sorted().joined(separator: ", "),
                    isCondition: true)
            }
            return evaluateLink([a, b], test: .equal).negated(printer.print(a), printer.print(b))
        case .element, .assignLeft, .arrowRight, .distributed, .other:
            return .unchecked(.relationNotChecked(relation.description))
        }
    }

    /// The names of a small parameter (`f(x + \epsilon) \approx f(x) + \epsilon f'(x)`).
    static let smallNames: Set<String> = ["ε", "ϵ", "δ", "h"]

    /// `f(x+\epsilon) \approx f(x) + \epsilon \frac{df}{dx}(x)`: an approximation in a small parameter,
    /// read as holding to the order written — the sides differ by less than its highest power
    /// written, as it shrinks. Verified when the difference shrinks that fast; a mismatch when it does
    /// not shrink at all; unchecked when it shrinks, but slower than the order written.
    mutating func smallParameterLink(_ a: Expression, _ b: Expression) -> LinkOutcome? {
        let inputs = ClaimReadings.inputs(of: [a, b], reading: reading)
        guard let small = inputs.first(where: { Self.smallNames.contains($0.name) && $0.index == nil }) else {
            return nil
        }
        var order = 1
        for side in [a, b] {
            _ = side.contains { node in
                if case .power(.variable(small), .number(let k)) = node, k == k.rounded(), k >= 1, k <= 6 {
                    order = max(order, Int(k))
                }
                return false
            }
        }
        let sampler = ClaimReadings([a, b], relating: true, reading: reading, samples: samples).all[0].sampler
        var shrinksInOrder = 0
        var vanishes = 0
        var points = 0
        for attempt in 1...UInt64(samples) {
            var differences: [Double] = []
            for size in [1e-2, 1e-3] {
                var evaluator = sampler.pointEvaluator(attempt)
                evaluator.bind(small, to: Tensor(size))
                guard let left = try? evaluator.value(of: a), let right = try? evaluator.value(of: b),
                    left.isSingle, right.isSingle, left.values[0].isFinite, right.values[0].isFinite
                else { return nil }
                differences.append(abs(left.values[0] - right.values[0]))
            }
            points += 1
            let floor = 1e-12
            // Order k: the error is O(ε^{k+1}), so a tenfold smaller ε makes it 10^{k+1} times smaller.
            let factor = (0..<order).reduce(0.3) { value, _ in value / 10 }
            if differences[1] <= differences[0] * factor + floor { shrinksInOrder += 1 }
            if differences[1] <= differences[0] * 0.5 + floor { vanishes += 1 }
        }
        guard points > 0 else { return nil }
        if shrinksInOrder == points {
            return .holds(
                "the sides differ by less than \(small)^\(order) as \(small) → 0 (at \(points) points)",
                against: "the limit \(small) → 0")
        }
        if vanishes < points {
            return .fails(
                "`\(printer.print(a))` and `\(printer.print(b))` do not meet as \(small) → 0",
                Counterexample(inputs: ["\(small) → 0"], formula: printer.print(b), expected: printer.print(a)),
                against: "the limit \(small) → 0")
        }
        return .unchecked(.approximationWithoutPrecision)
    }

    /// `\int f(x)\,dx = F(x) + C`: an antiderivative is checked by differentiating it — its
    /// derivative must be the integrand (the constant of integration has none).
    mutating func indefiniteIntegral(_ integral: Expression, _ antiderivative: Expression) -> LinkOutcome? {
        guard case .integral(let variable, nil, nil, let integrand) = integral else { return nil }
        let outcome = evaluateLink([integrand, .derivative(of: antiderivative, with: variable)], test: .equal)
        switch outcome {
        case .holds(let message, let against):
            return .holds(
                "the derivative of `\(printer.print(antiderivative))` is the integrand: \(message)", against: against)
        default:
            return outcome
        }
    }

    /// The tolerance `\approx` allows: one unit in the last digit of the least precise number
    /// written on either side (`0.16` allows 0.01: authors round or cut), or `nil` when no number
    /// with a fractional part or a power of ten is written.
    static func writtenTolerance(_ sides: [Expression]) -> Double? {
        var tolerance: Double? = nil
        for side in sides {
            _ = side.contains { expression in
                if let unit = writtenPrecision(expression) { tolerance = max(tolerance ?? 0, unit) }
                if case .number(let value) = expression, value.isFinite, value != value.rounded() {
                    tolerance = max(tolerance ?? 0, unitInLastDigit(value))
                }
                return false
            }
        }
        if tolerance == nil {
            // `\approx 3` between expressions with no decimal: to the nearest unit.
            let hasNumber = sides.contains { side in
                side.contains {
                    if case .number(let value) = $0 { return value != 0 && value.isFinite } else { return false }
                }
            }
            if hasNumber, sides.contains(where: { $0.freeSymbols.isEmpty }) { return 1 }
        }
        return tolerance
    }

    /// The precision a side written as one rounded number states: a decimal (`0.731`, one unit
    /// in its last digit), or a power of ten (`10^{12}`, `3 \times 10^{-6}`: one unit of its
    /// mantissa's last digit); `nil` for anything else, which is exact.
    static func writtenPrecision(_ side: Expression) -> Double? {
        switch side {
        case .number(let value) where value.isFinite && value != value.rounded():
            return unitInLastDigit(value)
        case .negate(let inner):
            return writtenPrecision(inner)
        case .power(.number(10), let exponent):
            guard let k = constantInteger(exponent), abs(k) >= 3 else { return nil }
            return powerOfTen(k)
        case .multiply(.number(let mantissa), .power(.number(10), let exponent)):
            guard let k = constantInteger(exponent) else { return nil }
            return unitInLastDigit(mantissa) * powerOfTen(k)
        default:
            return nil
        }
    }

    /// How much rounding each decimal number written in a constant expression carries into its
    /// value (`0.70710678 \times 6` carries 6·0.5·10⁻⁸): 0 for an expression with symbols.
    static func roundingCarried(_ expression: Expression) -> Double {
        guard expression.freeSymbols.isEmpty, writtenPrecision(expression) == nil,
            let base = constantValue(expression)
        else { return 0 }
        // Only a number written to three or more significant digits stands for a rounded value
        // (`0.70710678`, `1.414`); `0.1` and `0.25` of `0.1 + 0.2` are exact as written.
        var literals: Set<Double> = []
        _ = expression.contains { candidate in
            if case .number(let value) = candidate, value.isFinite, value != value.rounded(),
                abs(value) / unitInLastDigit(value) >= 99.5
            {
                literals.insert(value)
            }
            return false
        }
        var total = 0.0
        for literal in literals {
            let moved = expression.replacing { candidate in
                candidate == .number(literal) ? .number(literal + unitInLastDigit(literal) / 2) : nil
            }
            if let value = constantValue(moved) { total += abs(value - base) }
        }
        return total
    }

    private static func constantInteger(_ expression: Expression) -> Int? {
        switch expression {
        case .number(let value) where value == value.rounded() && abs(value) < 300: return Int(value)
        case .negate(let inner): return constantInteger(inner).map { -$0 }
        default: return nil
        }
    }

    /// One unit in the last written digit of `value` (0.01 for 0.16, 1 for 25).
    static func unitInLastDigit(_ value: Double) -> Double {
        var digits = 0
        var scaled = abs(value)
        // `0.0000000000001` has its last digit at 10⁻¹³: small numbers are not rounded away to 0.
        while digits < 20,
            scaled.rounded() == 0 && scaled != 0 || abs(scaled - scaled.rounded()) > 1e-9 * max(1, scaled)
        {
            scaled *= 10
            digits += 1
        }
        return powerOfTen(-digits)
    }

    // MARK: - One link under every plausible reading

    /// Tests `sides` at random points under each plausible reading of their kinds, and decides:
    /// it holds if the readings that can be evaluated agree it holds; it fails only if every
    /// plausible reading fails and no rescue (a worked example, a constraint, a condition) applies.
    mutating func evaluateLink(_ written: [Expression], test: Sampler.Test) -> LinkOutcome {
        let sides = written.map(functionsAtTheirParameters)
        if LayerLabels.involvesGeneric(sides) { return networkLink(sides, test: test) }
        if let unrelated = unrelatedDerivative(sides) {
            // `\frac{\partial \ell}{\partial \beta} = \sum_i \frac{\partial \ell}{\partial y_i}` for a loss ℓ
            // downstream of y: a claim for every ℓ, checked for one drawn at random.
            guard let (open, loss, through) = openDownstreamReading(sides) else {
                return .unchecked(.unrelatedDerivative(unrelated))
            }
            var judge = self
            judge.reading = open
            let note = "\(loss) read as any smooth function of \(through), drawn at random"
            switch judge.evaluateLink(written, test: test) {
            case .holds(let message, let against): return .holds(message + "; " + note, against: against)
            case .fails(let message, let example, let against):
                return .fails(message + " (\(note))", example, against: against)
            case let other: return other
            }
        }
        let readings = ClaimReadings(sides, relating: true, reading: reading, samples: samples)
        let prepare = indexPreparation(sides)
        var outcomes: [(ClaimReadings.Reading, Sampler.Outcome)] = []
        if readings.all[0].isConsistent {
            outcomes.append((readings.all[0], readings.all[0].sampler.compare(sides, test: test, prepare: prepare)))
        }
        // The other readings matter only when the stated one does not settle the claim alone.
        let settled = outcomes.first.map { if case .holds = $0.1 { !readings.capitalsDecide } else { false } } ?? false
        for candidate in readings.all.dropFirst() where candidate.isConsistent && !settled {
            outcomes.append((candidate, candidate.sampler.compare(sides, test: test, prepare: prepare)))
        }
        let reference = referenceText(sides)
        let stated = readings.all[0]
        if !stated.isConsistent, let conflict = declaredShapeConflict(sides) {
            return .fails(
                "the shapes do not agree: \(conflict)",
                Counterexample(
                    inputs: declaredShapes(sides), formula: "no value (\(conflict))", expected: "shapes that fit"),
                against: "shape rules")
        }
        let primary = outcomes.first { $0.0.name == .stated }
        if let primary, case .holds(let points, let evaluator) = primary.1 {
            if readings.capitalsDecide, let matrices = outcomes.first(where: { $0.0.name == .capitalsAsMatrices }),
                case .fails = matrices.1
            {
                return .unchecked(
                    .dependsOnReading(
                        holds: "when " + readings.capitals.map(\.description).joined(separator: ", ") + " are numbers",
                        fails: "when they are matrices"))
            }
            return .holds(heldMessage(sides, test, points, primary.0, evaluator), against: reference)
        }
        if let primary, case .fails(let side, let example, let evaluator) = primary.1 {
            if case .derivative = sides[0], !primary.0.arrays.isEmpty, sides.count == 2 {
                // The other common layout writes ∂L/∂W like Wᵀ (numerator layout): accepted, and said.
                let transposed = [Expression.transpose(sides[0]), sides[1]]
                let layout = ClaimReadings(transposed, relating: true, reading: reading, samples: samples).all[0]
                if layout.isConsistent,
                    case .holds(let points, let evaluator) = layout.sampler.compare(
                        transposed, test: test, prepare: prepare)
                {
                    return .holds(
                        heldMessage(
                            sides, test, points, layout, evaluator,
                            layout: "in numerator layout: ∂L/∂W laid out like Wᵀ"),
                        against: reference)
                }
            }
            // The stated reading is the lesson's own when it assumed no kind (no open capital read as
            // a number): another reading that holds does not rescue it.
            if !readings.capitals.isEmpty,
                let other = outcomes.first(where: { if case .holds = $0.1 { true } else { false } })
            {
                return .unchecked(.dependsOnReading(holds: other.0.phrase, fails: primary.0.phrase))
            }
            return failure(sides, test, side: side, example, evaluator, primary.0)
        }
        // The stated reading cannot be evaluated: another plausible one decides.
        if let other = outcomes.first(where: { if case .holds = $0.1 { true } else { false } }),
            case .holds(let points, let evaluator) = other.1
        {
            return .holds(heldMessage(sides, test, points, other.0, evaluator), against: reference)
        }
        if let other = outcomes.first(where: { if case .fails = $0.1 { true } else { false } }),
            case .fails(let side, let example, let evaluator) = other.1
        {
            return failure(sides, test, side: side, example, evaluator, other.0)
        }
        if let primary, case .failed(let because) = primary.1 {
            if case .evaluation = because, let own = sectionOwnReading(written, test: test) { return own }
            return .unchecked(Self.reason(because))
        }
        if let first = outcomes.first, case .failed(let because) = first.1 { return .unchecked(Self.reason(because)) }
        return .unchecked(.cannotEvaluate(.shape(stated.sampler.inference.conflict ?? "the shapes do not fit")))
    }

    /// A claim that cannot be evaluated because a symbol it uses still carries the definition of
    /// an earlier section that cannot be evaluated on its own (`y_i = \gamma\hat{x}_i + \beta` of a
    /// batch, whose sums run to an unknown `m`, under `\frac{\partial L}{\partial \hat{y}} = 2(\hat{y} - y)`
    /// of a later section): definitions have scope, so the claim is read with those symbols as
    /// this section's own, free. `nil` where no such definition is reached or the claim still
    /// cannot be decided.
    mutating func sectionOwnReading(_ written: [Expression], test: Sampler.Test) -> LinkOutcome? {
        guard context.section > 0 else { return nil }
        var local = reading
        var dropped: [Symbol] = []
        var seen: Set<Symbol> = []
        var stack = written.flatMap { Array($0.freeSymbols) }
        while let symbol = stack.popLast() {
            guard seen.insert(symbol).inserted else { continue }
            // The symbol's own definition, or the entrywise one its entries have (`y_i = …` for `y`).
            var keys: [Symbol] = reading.definitions[symbol] != nil ? [symbol] : []
            if reading.templates[symbol.withoutIndex] != nil {
                keys += reading.definitions.keys.filter { $0.index != nil && $0.withoutIndex == symbol.withoutIndex }
            }
            for key in keys {
                guard let body = reading.definitions[key] else { continue }
                let section = reading.definedIn[key] ?? context.section
                if section < context.section, !Self.evaluates(key, in: reading) {
                    local.definitions[key] = nil
                    dropped.append(key)
                } else {
                    stack += body.freeSymbols
                }
            }
        }
        guard !dropped.isEmpty else { return nil }
        var judge = self
        judge.reading = local
        let names = Set(dropped.map { $0.withoutIndex.description }).sorted().joined(separator: ", ")
        let note = "\(names) read as this section's own, not as defined in an earlier section"
        switch judge.evaluateLink(written, test: test) {
        case .holds(let message, let against): return .holds(message + " (\(note))", against: against)
        case .fails(let message, let example, let against):
            return .fails(message + " (\(note))", example, against: against)
        default: return nil
        }
    }

    /// Whether the definition of `symbol` can be evaluated at a point on its own.
    static func evaluates(_ symbol: Symbol, in reading: LessonReading) -> Bool {
        var evaluator = reading.evaluator(seed: 11)
        if let index = symbol.index, index.count == 1, index.first!.isLetter { evaluator.bindIndex(index, to: 1) }
        return (try? evaluator.value(of: .variable(symbol))) != nil
    }

    /// A link written for any layer, read at every layer of networks of two and three layers.
    mutating func networkLink(_ sides: [Expression], test: Sampler.Test) -> LinkOutcome {
        let saved = reading
        defer { reading = saved }
        var layers: [String] = []
        var seen: Set<[Expression]> = []
        var unchecked: UncheckedReason? = nil
        var against = ""
        // Five layers are read in all: half the points at each is as many as one claim gets.
        let savedSamples = samples
        samples = max(6, samples / 2)
        defer { samples = savedSamples }
        for last in LayerLabels.depths {
            let network = LayerLabels.reading(saved, last: last)
            for layer in 1...last {
                let instance = sides.compactMap { LayerLabels.relabel($0, at: layer, last: last) }
                guard instance.count == sides.count, seen.insert(instance + [.number(Double(last))]).inserted else {
                    continue
                }
                reading = network
                let outcome = evaluateLink(instance, test: test)
                switch outcome {
                case .holds(_, let reference):
                    layers.append("l = \(layer) of \(last)")
                    against = reference
                case .fails(let message, let example, let reference):
                    return .fails(
                        message + " at l = \(layer) on a network of \(last) layers", example, against: reference)
                case .assumption:
                    return outcome
                case .unchecked(let reason):
                    if unchecked == nil { unchecked = reason }
                }
            }
        }
        if let unchecked { return .unchecked(unchecked) }
        guard !layers.isEmpty else { return .unchecked(.cannotEvaluate(.unsupported(.index, "a layer label"))) }
        return .holds(
            "holds at every layer of networks of 2 and 3 layers (\(layers.joined(separator: ", "))), the layers' "
                + "widths drawn at random", against: against)
    }

    static func reason(_ because: Sampler.FailedBecause) -> UncheckedReason {
        switch because {
        case .evaluation(let failure): .cannotEvaluate(failure)
        case .undefinedEverywhere: .undefinedAtEveryPoint
        case .kinksEverywhere: .kinksEverywhere
        }
    }

    /// How a link held, for the message.
    func heldMessage(
        _ sides: [Expression], _ test: Sampler.Test, _ points: Int, _ used: ClaimReadings.Reading,
        _ evaluator: Evaluator,
        layout: String = "∂L/∂W laid out like W"
    ) -> String {
        let verb: String
        switch test {
        case .equal: verb = sides.count == 2 ? "both sides agree" : "all \(sides.count) sides agree"
        case .order(let relation): verb = "`\(relation)` holds"
        case .approximately(let tolerance): verb = "equal to within \(Tensor.format(tolerance))"
        }
        var notes: [String] = []
        if used.name != .stated || !used.arrays.isEmpty {
            notes.append(used.phrase + (Self.usesDerivatives(sides) && !used.arrays.isEmpty ? ", \(layout)" : ""))
        }
        notes += Self.domainNotes(evaluator)
        if !reading.caseValues.isEmpty {
            notes.append(
                "with "
                    + reading.caseValues.sorted { $0.key.description < $1.key.description }
                    .map { "\($0.key) = \(Tensor.format($0.value))" }.joined(separator: ", ")
                    + ", as stated just before")
        }
        return "\(verb) at \(points) points" + (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")")
    }

    /// How the inputs were drawn where a domain applied: "t ∈ {0, 1}", "the entries of p summing to 1".
    static func domainNotes(_ evaluator: Evaluator) -> [String] {
        var notes: [String] = []
        for (symbol, domain) in evaluator.domains.sorted(by: { $0.key.description < $1.key.description })
        where evaluator.bindings[symbol] != nil {
            switch domain {
            case .oneHot: notes.append("\(symbol) one-hot")
            case .distribution: notes.append("the entries of \(symbol) summing to 1")
            case .values(let values): notes.append("\(symbol) ∈ {\(values.map(Tensor.format).joined(separator: ", "))}")
            case .probability: notes.append("\(symbol) in (0, 1)")
            case .positive: notes.append("\(symbol) > 0")
            case .real: break
            }
        }
        return notes
    }

    // MARK: - Failing: the rescues, then the mismatch

    /// A link that failed under every plausible reading of its kinds: before calling it a
    /// mismatch, the other readings of the claim itself are tried — a worked example of values
    /// the prose stated, a constraint under which it holds, a condition on unknowns, and a
    /// second opinion on its derivatives.
    mutating func failure(
        _ sides: [Expression], _ test: Sampler.Test, side: Int, _ example: Counterexample, _ evaluator: Evaluator,
        _ used: ClaimReadings.Reading
    ) -> LinkOutcome {
        if let worked = workedExample(sides, test) { return worked }
        // An inequality that holds nowhere (`\lceil x \rceil \le x`) carves out no region: not a condition.
        let isRegion: Bool = {
            if case .order = test { return holdsSomewhere(sides, test) }
            return true
        }()
        if case .order = test, isRegion, let condition = conditionReading(sides) {
            // `\epsilon > 0`, `0 \le \pi_t \le 1`: a bound on unknowns is a condition (one that
            // holds somewhere: `\lceil x \rceil \le x` carves out no region, it is false).
            noteBound(sides, test)
            return .assumption(condition, isCondition: true)
        }
        if let distribution = distributionConstraint(sides) { return .assumption(distribution, isCondition: false) }
        if let constraint = neededConstraint(sides, test) { return .unchecked(.needsConstraint(constraint)) }
        if isRegion, let condition = conditionReading(sides) { return .assumption(condition, isCondition: true) }
        if let stated = statedCondition(on: sides) { return .unchecked(.dependsOnCondition(stated)) }
        if let scope = scopeReading(sides, test) {
            return .unchecked(.dependsOnReading(holds: scope, fails: "with the definitions in force"))
        }
        if let activation = openFunctionReading(sides, test) {
            return .unchecked(.dependsOnReading(holds: activation, fails: "for every function the lesson leaves open"))
        }
        if Self.usesDerivatives(sides), !secondOpinionFails(sides, test, used) {
            return .unchecked(.derivativesDisagree)
        }
        if case .equal = test, let inputs = valuesNotInTheMathematics(sides) {
            return .unchecked(.valuesInWords(inputs))
        }
        var message: String
        switch test {
        case .equal: message = "`\(printer.print(sides[side]))` differs from `\(printer.print(sides[0]))`"
        case .order(let relation):
            message = "`\(printer.print(sides[0])) \(relation) \(printer.print(sides[1]))` fails"
        case .approximately(let tolerance):
            message =
                "`\(printer.print(sides[side]))` is not within \(Tensor.format(tolerance)) of `\(printer.print(sides[0]))`"
        }
        if used.name != .stated || !used.arrays.isEmpty { message += " (\(used.phrase))" }
        if let dropped = droppedTerm(sides[0], sides[side], evaluator) { message += "; \(dropped)" }
        return .fails(message, example, against: referenceText(sides))
    }

    /// The condition reading of a failed link: it constrains unknowns (symbols nothing defines
    /// and no definition it uses takes as an input), and either the prose announces a condition
    /// or the link cannot be an identity (a side is constant or a bare unknown, or an unknown
    /// stands on one side only: `2x + 3 = 0`, `A\mathbf{v} = λ\mathbf{v}`).
    mutating func conditionReading(_ sides: [Expression]) -> String? {
        let unknowns = Self.unknowns(sides, reading: reading)
        let open = openFunctionsCalled(sides)
        if open.count >= 2 {
            // `\frac{dF}{dx} = f`: a relation between functions the lesson leaves open.
            return "relates the functions " + open.sorted().joined(separator: ", ")
                + ", which the lesson leaves open (a condition on them, not an identity)"
        }
        if context.conditionCue || context.exampleCue {
            // The prose says so: a condition, a special point, or a new example.
            let on = unknowns.isEmpty ? "" : " on " + unknowns.map(\.description).sorted().joined(separator: ", ")
            return "states a condition\(on), as the prose announces (not an identity)"
        }
        guard !unknowns.isEmpty else { return nil }
        if context.looseConditionCue {
            return "states a condition on " + unknowns.map(\.description).sorted().joined(separator: ", ")
                + ", as the prose announces (not an identity)"
        }
        // Counts (`n` of `\sum_{i=1}^{n}`) are the sizes of what they count, not unknowns to solve for.
        let solvable = unknowns.filter { !reading.index.counts.contains($0.name) || $0.index != nil }
        // `\hat{y}_i` on one side and the `\hat{y}` a sum runs over on the other are one unknown.
        let names = Set(solvable.map(\.withoutIndex))
        let perSide = sides.map { side in
            var inputs = ClaimReadings.inputs(of: [side], reading: reading)
            // A random symbol brings the parameters of its law (`X` of `\mathbb{E}[X^2]` brings μ, σ).
            for symbol in inputs {
                if let law = reading.laws[symbol] { inputs.formUnion(law.parameters.flatMap(\.freeSymbols)) }
            }
            return Set(inputs.intersection(solvable).map(\.withoutIndex))
        }
        // `\nabla_x \|x\|^2 = x`, `\mathbb{E}[r h] = h`, `\sum_i x_i = x`: identities about an operator.
        let aboutDerivatives = sides.contains { side in
            side.contains { node in
                switch node {
                case .derivative, .expectation, .sum, .product, .integral, .extremum: true
                default: false
                }
            }
        }
        let identityShaped =
            perSide.allSatisfy { $0 == names }
            && !sides.contains { side in
                // `x = 2y + 1` solves for x; `\nabla_x \|x\|^2 = x` states a derivative.
                if case .variable(let symbol) = side { return solvable.contains(symbol) && !aboutDerivatives }
                return ClaimReadings.inputs(of: [side], reading: reading).isEmpty
            }
        guard !identityShaped else { return nil }
        return "states a condition on " + unknowns.map(\.description).sorted().joined(separator: ", ")
            + " (an equation to solve, not an identity)"
    }

    /// Whether an inequality holds at some of the points drawn: a condition carves out a region.
    func holdsSomewhere(_ sides: [Expression], _ test: Sampler.Test) -> Bool {
        let sampler = ClaimReadings(sides, relating: true, reading: reading, samples: samples).all[0].sampler
        for attempt in 1...UInt64(samples * 2) {
            var evaluator = sampler.pointEvaluator(attempt)
            guard let values = try? sides.map({ side throws(EvaluationFailure) in try evaluator.value(of: side) }),
                values.allSatisfy({ $0.values.allSatisfy(\.isFinite) })
            else { continue }
            if zip(values, values.dropFirst()).allSatisfy({ test.holds($0, $1, relative: 1e-7, absolute: 1e-9) }) {
                return true
            }
        }
        return false
    }

    /// A failed link that uses a function the lesson leaves open (`f` of `a = f(z)`): the reading
    /// that names the engine function under which it holds ("with f read as tanh"), if any.
    /// A condition stated earlier in the section on a symbol of `sides` (`\epsilon^2 = 0` before
    /// `(a_1 + b_1\epsilon)(a_2 + b_2\epsilon) = a_1 a_2 + (a_1 b_2 + a_2 b_1)\epsilon`), with its line.
    func statedCondition(on sides: [Expression]) -> String? {
        let symbols = Set(sides.flatMap(\.freeSymbols))
        for condition in reading.conditions.reversed()
        where condition.section == context.section && !condition.symbols.isDisjoint(with: symbols) {
            return "`\(condition.text)` (line \(condition.line))"
        }
        return nil
    }

    /// The scope of definitions: a claim that fails with the definitions in force, but would
    /// hold (or could not be judged) without those of earlier sections, or with an earlier
    /// definition of a symbol the lesson defined again, may speak of another example's quantities.
    func scopeReading(_ sides: [Expression], _ test: Sampler.Test) -> String? {
        let used = ClaimReadings.definedAlongTheWay(sides, reading: reading)
        let foreign = used.filter { (reading.definedIn[$0] ?? context.section) < context.section }
        let local = used.filter { reading.definedIn[$0] == context.section }
        // Only a claim that mixes this section's definitions with earlier ones may be mixing examples.
        if !foreign.isEmpty, !local.isEmpty {
            var local = reading
            for symbol in foreign { local.definitions[symbol] = nil }
            let names = foreign.map(\.description).sorted().joined(separator: ", ")
            let readings = ClaimReadings(sides, relating: true, reading: local, samples: samples)
            switch readings.all[0].sampler.compare(sides, test: test, prepare: indexPreparation(sides)) {
            case .holds: return "with \(names) as this section's own symbols, not as defined in an earlier one"
            case .failed: return "only through the definitions of \(names) from an earlier section"
            case .fails: break
            }
        }
        for loss in used.sorted(by: { $0.description < $1.description }) {
            // `C = (\hat{y} - y)^2` after `y = mx + b`: by convention the hatted ŷ is the model's
            // prediction and y the data, unless the lesson's words call ŷ the target.
            guard let (prediction, target) = reading.losses[loss], prediction.accents.contains("hat"),
                !reading.targets.contains(prediction), let model = reading.definitions[target],
                reading.definitions[prediction] == nil
            else { continue }
            var swapped = reading
            swapped.definitions[prediction] = model
            swapped.definitions[target] = nil
            let readings = ClaimReadings(sides, relating: true, reading: swapped, samples: samples)
            if case .holds = readings.all[0].sampler.compare(sides, test: test, prepare: indexPreparation(sides)) {
                return "with \(prediction) as the prediction \(printer.print(model)) and \(target) as the data"
            }
        }
        for symbol in used.sorted(by: { $0.description < $1.description }) {
            // The last few definitions only: a lesson that defines y again in each of a thousand
            // sections is not read a thousand times per formula (time stays linear).
            for (body, line) in (reading.earlierDefinitions[symbol] ?? []).suffix(Self.earlierDefinitionsTried)
                .reversed()
            {
                var earlier = reading
                earlier.definitions[symbol] = body
                let readings = ClaimReadings(sides, relating: true, reading: earlier, samples: samples)
                if case .holds = readings.all[0].sampler.compare(sides, test: test, prepare: indexPreparation(sides)) {
                    return "with \(symbol) as defined at line \(line)"
                }
            }
        }
        return nil
    }

    /// How many of a symbol's earlier definitions a failing claim is tried against, latest first.
    static let earlierDefinitionsTried = 4

    /// The open functions a claim applies, directly or through the definitions it uses.
    func openFunctionsCalled(_ sides: [Expression]) -> Set<String> {
        let open = reading.openFunctions
        guard !open.isEmpty else { return [] }
        var called: Set<String> = []
        var stack = sides
        var seen: Set<Symbol> = []
        while let expression = stack.popLast() {
            called.formUnion(expression.calledFunctions.map(\.key).filter(open.contains))
            _ = expression.contains { candidate in
                if case .derivative(.variable(let function), _) = candidate, open.contains(function.name) {
                    called.insert(function.name)
                }
                return false
            }
            for symbol in expression.freeSymbols where seen.insert(symbol).inserted {
                if let definition = reading.definitions[symbol] { stack.append(definition) }
            }
        }
        return called
    }

    func openFunctionReading(_ sides: [Expression], _ test: Sampler.Test) -> String? {
        let called = openFunctionsCalled(sides)
        guard !called.isEmpty else { return nil }
        // Functions a lesson may mean: a linear map (an expectation, a linear layer) and the
        // engine's activations.
        var candidates: [(String, FunctionDefinition)] = [
            ("a linear function", .scalar(value: { 1.7 * $0 }, derivative: { _ in 1.7 }, kinks: []))
        ]
        for function in catalog.functions {
            if case .scalar = function.kind { candidates.append(("the \(function.name)", function.definition)) }
        }
        for (name, definition) in candidates {
            var candidate = reading
            for key in called { candidate.functions[key] = definition }
            let sampler = ClaimReadings(sides, relating: true, reading: candidate, samples: samples).all[0].sampler
            if case .holds = sampler.compare(sides, test: test, prepare: indexPreparation(sides)) {
                return "with " + called.sorted().joined(separator: ", ") + " read as \(name)"
            }
        }
        return nil
    }

    /// `\epsilon > 0`, `\alpha \ge 0`: later checks draw the symbol positive.
    mutating func noteBound(_ sides: [Expression], _ test: Sampler.Test) {
        guard case .order(let relation) = test, sides.count == 2, case .variable(let symbol) = sides[0],
            sides[1] == .number(0), relation == .greater || relation == .greaterOrEqual,
            reading.definitions[symbol] == nil, reading.domains[symbol] == nil
        else { return }
        reading.domains[symbol] = .positive
    }

    /// `\sum_k t_k = 1` for a t the lesson does not define: the entries of t form a
    /// distribution, and later checks draw it so.
    mutating func distributionConstraint(_ sides: [Expression]) -> String? {
        guard sides.count == 2, case .sum(let index, nil, nil, .variable(let entry)) = sides[0], entry.index == index,
            sides[1] == .number(1),
            Self.unknowns(sides, reading: reading).contains(entry.withoutIndex)
                || Self.unknowns(sides, reading: reading).contains(entry)
        else { return nil }
        reading.domains[entry.withoutIndex] = .distribution
        return "constrains the entries of \(entry.withoutIndex) to sum to 1; later checks draw it so"
    }

    /// The inputs of `sides` that nothing defines and that no definition they use takes as an
    /// input, and that the prose gave no value.
    static func unknowns(_ sides: [Expression], reading: LessonReading) -> Set<Symbol> {
        unknownsAndRandom(sides, reading: reading).filter { reading.laws[$0] == nil }
    }

    /// The unknowns, with the symbols the lesson says are random among them.
    private static func unknownsAndRandom(_ sides: [Expression], reading: LessonReading) -> Set<Symbol> {
        let direct = Set(sides.flatMap { $0.freeSymbols }.map { ClaimReadings.parent(of: $0, reading: reading) ?? $0 })
        var throughDefinitions: Set<Symbol> = []
        for symbol in direct where reading.definitions[symbol] != nil || reading.templates[symbol.withoutIndex] != nil {
            throughDefinitions.formUnion(ClaimReadings.inputs(of: [.variable(symbol)], reading: reading))
        }
        return direct.filter { symbol in
            !Self.isKroneckerDelta(symbol) && reading.definitions[symbol] == nil
                && reading.templates[symbol.withoutIndex] == nil
                && !throughDefinitions.contains(symbol) && !throughDefinitions.contains(symbol.withoutIndex)
                && !reading.isFunctionName(symbol) && reading.caseValues[symbol] == nil
                && reading.statedValues[symbol] == nil
        }
    }

    /// `δ_{kj}`: the Kronecker delta, a symbol with a fixed meaning.
    static func isKroneckerDelta(_ symbol: Symbol) -> Bool {
        symbol.name == "δ" && symbol.label == nil && symbol.index.map { $0.count == 2 || $0.contains(",") } == true
    }

    static func usesDerivatives(_ sides: [Expression]) -> Bool {
        sides.contains { side in side.contains { if case .derivative = $0 { true } else { false } } }
    }

    /// Whether finite differences agree that the link fails (the second opinion on automatic
    /// differentiation); `true` when they cannot be taken.
    func secondOpinionFails(_ sides: [Expression], _ test: Sampler.Test, _ used: ClaimReadings.Reading) -> Bool {
        var sampler = used.sampler
        sampler.relative = 1e-4
        sampler.absolute = 1e-6
        let prepare = indexPreparation(sides)
        let outcome = sampler.compare(
            sides, test: test,
            prepare: { evaluator throws(EvaluationFailure) in
                try prepare(&evaluator)
                evaluator.finiteDifferences = true
            })
        if case .holds = outcome { return false }
        return true
    }

    /// `\Delta y_1 + \Delta y_2 = 5 - 5` where the lesson gives ŷ₁ = 7 and y₁ = 2 only in words
    /// (`$\Delta y_1 = \hat{y}_1 - y_1$ = 7 - 2 = 5`): one side a number, the other varying with
    /// inputs no formula fixes — a worked example whose values are not in the mathematics, not an
    /// identity that fails. An identity with a constant side (`\sin^2 x + \cos^2 x = 2`) does not
    /// vary with its inputs, and still fails. The inputs, or `nil`.
    func valuesNotInTheMathematics(_ sides: [Expression]) -> String? {
        guard sides.count == 2, let constant = sides.firstIndex(where: { Self.constantValue($0) != nil }) else {
            return nil
        }
        let other = sides[1 - constant]
        let inputs = ClaimReadings.inputs(of: [other], reading: reading)
        guard !inputs.isEmpty else { return nil }
        var values: [Double] = []
        for seed in UInt64(1)...4 {
            var evaluator = reading.evaluator(seed: seed &* 7919)
            guard let value = try? evaluator.value(of: other), value.isSingle, value.entries[0].value.isFinite else {
                return nil
            }
            values.append(value.entries[0].value)
        }
        guard let low = values.min(), let high = values.max(), high - low > 1e-6 * max(1, abs(high)) else { return nil }
        return inputs.map(\.description).sorted().joined(separator: ", ")
    }

    /// An equation that differs in general but holds for the values the prose stated
    /// (`$x = 2$`, `$\eta = 0.05$` … `$1 - 2\eta x^{2} = 0.6$`): verified for those values, and said.
    func workedExample(_ sides: [Expression], _ test: Sampler.Test) -> LinkOutcome? {
        let used = ClaimReadings.inputs(of: sides, reading: reading)
        let stated = reading.statedValues.filter { used.contains($0.key) && reading.caseValues[$0.key] == nil }
        guard !stated.isEmpty else { return nil }
        var example = reading
        for (symbol, value) in stated { example.caseValues[symbol] = value.value }
        let readings = ClaimReadings(sides, relating: true, reading: example, samples: samples)
        guard case .holds = readings.all[0].sampler.compare(sides, test: test, prepare: indexPreparation(sides)) else {
            return nil
        }
        let values = stated.sorted { $0.key.description < $1.key.description }
            .map { "\($0.key) = \(Tensor.format($0.value.value)) (line \($0.value.line))" }
        return .holds(
            "holds for the values the lesson states: " + values.joined(separator: ", "),
            against: "the lesson's worked example")
    }

    /// A constraint on one input under which the sides agree (`t one-hot`, `t ∈ {0, 1}`): the
    /// formula may be right for what the author had in mind, so it is not called a mismatch.
    func neededConstraint(_ sides: [Expression], _ test: Sampler.Test) -> String? {
        let prepare = indexPreparation(sides)
        let readings = ClaimReadings(sides, relating: true, reading: reading, samples: samples)
        var probe = readings.all[0].sampler.pointEvaluator(99)
        try? prepare(&probe)
        for side in sides { _ = try? probe.value(of: side) }
        // Labels are 0 or 1, one-hot, or a distribution: where the lesson speaks of labels or targets.
        let speaksOfLabels = context.words.contains { word in
            [
                "label", "labels", "target", "targets", "class", "classes", "binary", "one-hot", "indicator",
                "category",
                "categories", "probability", "probabilities", "distribution",
            ].contains(word)
        }
        let inputs = probe.bindings.filter {
            reading.domains[$0.key] == nil && reading.caseValues[$0.key] == nil
                && (speaksOfLabels || reading.targets.contains($0.key))
        }
        .sorted { $0.key.description < $1.key.description }
        // A square matrix the claim holds for only when it is orthogonal or symmetric (`\|P y\| = \|y\|`).
        for (symbol, value) in probe.bindings.sorted(by: { $0.key.description < $1.key.description })
        where value.rows > 1 && value.columns > 1 && reading.definitions[symbol] == nil {
            // Orthogonal matrices (rotations, eigenvector bases) change no lengths; a claim true only
            // for symmetric ones (`\nabla_x x^\top A x = 2Ax`) is the lesson's only where it says so.
            let structures: [(String, (Tensor) -> Tensor)] =
                [("orthogonal", Self.orthogonal)]
                + (context.words.contains { $0.hasPrefix("symmetric") } ? [("symmetric", Self.symmetric)] : [])
            for (structure, make) in structures {
                let sampler = readings.all[0].sampler
                let outcome = sampler.compare(
                    sides, test: test,
                    prepare: { evaluator throws(EvaluationFailure) in
                        try prepare(&evaluator)
                        // Square, as wide as the vectors it multiplies.
                        let n = evaluator.shapes[symbol]?.last ?? value.columns
                        evaluator.provide(symbol, make(evaluator.draw(symbol, shape: [n, n])))
                    })
                if case .holds = outcome { return "\(symbol) is \(structure)" }
            }
        }
        for (symbol, value) in inputs {
            let candidates: [(Domain, String)] =
                value.isSingle
                ? [(.values([0, 1]), "\(symbol) ∈ {0, 1}")]
                : [(.oneHot, "\(symbol) is one-hot"), (.distribution, "the entries of \(symbol) sum to 1")]
            for (domain, text) in candidates {
                var constrained = reading
                constrained.domains[symbol] = domain
                let sampler = ClaimReadings(sides, relating: true, reading: constrained, samples: samples).all[0]
                    .sampler
                let outcome = sampler.compare(
                    sides, test: test,
                    prepare: { evaluator throws(EvaluationFailure) in
                        try prepare(&evaluator)
                        if !value.isSingle {
                            evaluator.provide(symbol, evaluator.draw(symbol, shape: [value.rows, value.columns]))
                        }
                    })
                if case .holds = outcome { return text }
            }
        }
        return nil
    }

    /// The orthogonal matrix Gram–Schmidt makes of a square matrix's columns.
    static func orthogonal(_ matrix: Tensor) -> Tensor {
        let n = matrix.rows
        var columns: [[Double]] = (0..<n).map { j in (0..<n).map { i in matrix[i, j].value } }
        for j in 0..<n {
            for k in 0..<j {
                let dot = zip(columns[j], columns[k]).reduce(0) { $0 + $1.0 * $1.1 }
                columns[j] = zip(columns[j], columns[k]).map { $0 - dot * $1 }
            }
            let length = columns[j].reduce(0) { $0 + $1 * $1 }.squareRoot()
            columns[j] = columns[j].map { $0 / max(length, 1e-12) }
        }
        return Tensor(
            rows: n, columns: n, entries: (0..<(n * n)).map { Dual(columns[$0 % n][$0 / n]) })
    }

    /// The symmetric part (A + Aᵀ)/2 of a square matrix.
    static func symmetric(_ matrix: Tensor) -> Tensor {
        let n = matrix.rows
        return Tensor(
            rows: n, columns: n,
            entries: (0..<(n * n)).map { Dual((matrix[$0 / n, $0 % n].value + matrix[$0 % n, $0 / n].value) / 2) })
    }

    // MARK: - Shapes stated by the lesson

    /// The conflict among the shapes the lesson itself declares (by `\in`, a written matrix or
    /// its words), or `nil` when the conflict needs a shape the reader assumed. `statedShapes` are
    /// `ClaimReadings.statedShapes` of `sides`, read here when not given.
    func declaredShapeConflict(_ sides: [Expression], statedShapes: [Symbol: Shape]? = nil) -> String? {
        let stated =
            statedShapes
            ?? ClaimReadings.statedShapes(
                inputs: ClaimReadings.inputs(of: sides, reading: reading),
                definedAlongTheWay: ClaimReadings.definedAlongTheWay(sides, reading: reading), reading: reading)
        // The shapes the reader did not assume: of the stated ones, those the lesson states.
        var declared: [Symbol: Shape] = [:]
        for (symbol, shape) in stated where reading.isArrayStated(symbol) { declared[symbol] = shape }
        var inference = ShapeInference(
            shapes: declared, definitions: reading.definitions.all, shapePreserving: reading.shapePreservingKeys)
        inference.unstatedAreUnknown = true
        for side in sides { inference.constrain(side) }
        for side in sides.dropFirst() { inference.constrainEqual(sides[0], side) }
        return inference.isConsistent ? nil : inference.conflict
    }

    /// The declared shapes of a claim's inputs, for a shape mismatch's counterexample.
    func declaredShapes(_ sides: [Expression]) -> [String] {
        ClaimReadings.inputs(of: sides, reading: reading).sorted { $0.description < $1.description }.compactMap {
            symbol in
            guard let (kind, _) = reading.kind(of: symbol), case .array(let shape) = kind else { return nil }
            return "\(symbol) is \(shape)"
        }
    }

    // MARK: - What a claim was checked against

    /// "∂L/∂W^(2) by automatic differentiation of the lesson's definitions of L, y", or the
    /// definitions a claim used.
    func referenceText(_ sides: [Expression]) -> String {
        Self.usesDerivatives(sides) ? derivativeReference(sides) : definitionsReference(sides)
    }

    func derivativeReference(_ terms: [Expression]) -> String {
        var derivatives: [String] = []
        var used: Set<Symbol> = []
        for term in terms {
            _ = term.contains { expression in
                if case .derivative(let of, let with) = expression {
                    derivatives.append("∂\(printer.print(of))/∂\(with)")
                    var stack = Array(of.freeSymbols)
                    while let symbol = stack.popLast() {
                        guard let definition = reading.definitions[symbol], used.insert(symbol).inserted else {
                            continue
                        }
                        stack += definition.freeSymbols
                    }
                }
                return false
            }
        }
        let names = used.map { symbol in "\(symbol)" + (reading.definedAt[symbol].map { " (line \($0))" } ?? "") }
            .sorted()
        let subject = derivatives.first ?? "the derivative"
        return names.isEmpty
            ? "\(subject) by automatic differentiation"
            : "\(subject) by automatic differentiation of the lesson's definitions of " + names.joined(separator: ", ")
    }

    func definitionsReference(_ terms: [Expression]) -> String {
        let defined = Set(terms.flatMap(\.freeSymbols).map { $0.index == nil ? $0 : $0.withoutIndex })
            .filter { reading.definitions[$0] != nil }
        if defined.isEmpty { return "algebra (both sides evaluated at random points)" }
        return "the lesson's definitions of "
            + defined.map { "\($0)" + (reading.definedAt[$0].map { " (line \($0))" } ?? "") }
            .sorted().joined(separator: ", ")
    }

    /// The reading of a claim about the derivatives of an undefined ℓ (`\frac{\partial \ell}{\partial y_i}`,
    /// `\frac{\partial \ell}{\partial \beta}`) as a function of the one defined quantity downstream
    /// of the others (y of `y_i = \gamma \hat{x}_i + \beta`): ℓ = Σ_k φ(y_k) with φ drawn at each point.
    func openDownstreamReading(_ sides: [Expression]) -> (LessonReading, Symbol, Symbol)? {
        var numerators: Set<Symbol> = []
        var variables: Set<Symbol> = []
        for side in sides {
            _ = side.contains { node in
                if case .derivative(.variable(let of), let variable) = node {
                    numerators.insert(of); variables.insert(variable)
                }
                return false
            }
        }
        guard numerators.count == 1, let loss = numerators.first, loss.index == nil, reading.definitions[loss] == nil,
            reading.templates[loss] == nil, !reading.isFunctionName(loss)
        else { return nil }
        // The defined quantities among the variables, by family (`y` of `y_i`).
        let downstream = Set(
            variables.compactMap { variable -> Symbol? in
                if variable.index != nil, reading.templates[variable.withoutIndex] != nil {
                    return variable.withoutIndex
                }
                if variable.index == nil, reading.definitions[variable] != nil { return variable }
                return nil
            })
        guard downstream.count == 1, let through = downstream.first else { return nil }
        let evaluator = reading.evaluator(seed: 0)
        // Every other variable must reach ℓ through it.
        for variable in variables where variable.withoutIndex != through {
            let family =
                reading.templates[through] != nil ? reading.templates[through]!.body : reading.definitions[through]!
            if !family.freeSymbols.contains(where: { $0 == variable || evaluator.dependsOn($0, variable) }) {
                return nil
            }
        }
        var open = reading
        let function = FunctionName(loss.name)
        let body: Expression
        if reading.templates[through] != nil {
            var entry = through
            entry.index = "κ"
            body = .sum(index: "κ", lower: nil, upper: nil, body: .call(function, derivative: 0, [.variable(entry)]))
        } else {
            body = .call(function, derivative: 0, [.variable(through)])
        }
        open.definitions[loss] = body
        open.functionKeys.insert(function.key)
        return (open, loss, through)
    }

    /// `\frac{\partial \ell}{\partial z}` of a lesson function ℓ(z, t): the derivative of ℓ(z, t), its
    /// parameters standing for themselves.
    func functionsAtTheirParameters(_ expression: Expression) -> Expression {
        expression.replacing { candidate in
            guard case .derivative(.variable(let function), let variable) = candidate, function.index == nil,
                reading.isFunctionName(function),
                let (definition, _) = lessonFunction(FunctionName(function.name), arity: nil),
                case .expression(let parameters, _) = definition, parameters.contains(variable)
            else { return nil }
            return .derivative(
                of: .call(FunctionName(function.name), derivative: 0, parameters.map(Expression.variable)),
                with: variable)
        }
    }

    /// The first `∂A/∂B` where A does not depend on B through the lesson's definitions (the
    /// lesson has not said how; a derivative of 0 would be a guess).
    func unrelatedDerivative(_ terms: [Expression]) -> String? {
        let evaluator = reading.evaluator(seed: 0)
        var found: String? = nil
        for term in terms where found == nil {
            _ = term.contains { expression in
                guard found == nil, case .derivative(let of, let with) = expression else { return false }
                let symbols = of.freeSymbols
                if symbols.contains(with) { return false }
                if case .variable(let function) = of, reading.isFunctionName(function) { return false }
                if !symbols.contains(where: { evaluator.dependsOn($0, with) }) {
                    found = "∂\(printer.print(of))/∂\(with)"
                }
                return false
            }
        }
        return found
    }

    /// `W x = z` after `z = Wx + b`: names the term of a definition that one side leaves out.
    func droppedTerm(_ a: Expression, _ b: Expression, _ evaluator: Evaluator) -> String? {
        for (reference, other) in [(a, b), (b, a)] {
            guard let symbol = referencedSymbol(reference), let definition = reading.definitions[symbol] else {
                continue
            }
            let parts = summands(definition)
            guard parts.count > 1 else { continue }
            for (index, part) in parts.enumerated() {
                let others = parts.enumerated().filter { $0.offset != index }.map(\.element)
                let rest = others.dropFirst().reduce(others[0]) { sum, next in .add(sum, next) }
                var copy = evaluator
                guard let left = try? copy.value(of: other), let right = try? copy.value(of: rest),
                    left.isClose(to: right)
                else { continue }
                return "it drops the term `\(printer.print(part))` of \(symbol) = \(printer.print(definition))"
                    + (reading.definedAt[symbol].map { " (line \($0))" } ?? "")
            }
        }
        return nil
    }

    /// The symbol an expression stands for: `z`, or a column of its entries `(z_1, …, z_6)ᵀ`.
    func referencedSymbol(_ expression: Expression) -> Symbol? {
        if case .variable(let symbol) = expression { return symbol }
        if case .matrix(let rows) = expression {
            let parents = Set(
                rows.flatMap { $0 }.compactMap { $0.asSymbol?.index != nil ? $0.asSymbol?.withoutIndex : nil })
            if parents.count == 1, rows.flatMap({ $0 }).allSatisfy({ $0.asSymbol?.index != nil }) {
                return parents.first
            }
        }
        return nil
    }

    func summands(_ expression: Expression) -> [Expression] {
        if case .add(let a, let b) = expression { return summands(a) + summands(b) }
        return [expression]
    }
}

extension FormulaJudge.LinkOutcome {
    /// The outcome of `a ≠ b` from that of `a = b` on sides without unknowns.
    func negated(_ a: String, _ b: String) -> FormulaJudge.LinkOutcome {
        switch self {
        case .holds(_, let against):
            return .fails(
                "`\(a)` equals `\(b)`", Counterexample(inputs: [], formula: a, expected: "a value other than \(b)"),
                against: against)
        case .fails(_, _, let against): return .holds("the sides differ", against: against)
        default: return self
        }
    }
}

/// 10 to an integer power, exactly as written decimals need it.
func powerOfTen(_ exponent: Int) -> Double {
    var value = 1.0
    if exponent >= 0 { for _ in 0..<exponent { value *= 10 } } else { for _ in 0..<(-exponent) { value /= 10 } }
    return value
}
