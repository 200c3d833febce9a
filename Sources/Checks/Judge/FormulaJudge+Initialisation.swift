import Formulas
import NeuralCore

extension FormulaJudge {
    /// What an initialisation formula states about the weights.
    enum InitialisationQuantity {
        /// `\operatorname{Var}(W_{ij}) = …`, the variance of `\mathcal{N}(0, …)`.
        case variance
        /// The σ of `\mathcal{N}(0, σ)` where the lesson writes a standard deviation.
        case deviation
        /// The r of `U(-r, r)`.
        case bound
    }

    /// The initialisation families, with the engine's schemes of each.
    static let initialisations: [(family: EngineRule.Family, schemes: [WeightInitialization])] = [
        (.xavier, [.xavier, .xavierNormal]), (.he, [.he, .heUniform]), (.lecun, [.lecun, .lecunUniform]),
    ]

    /// `\operatorname{Var}(W_{ij}) = \frac{2}{n_{\text{in}}}`, `W \sim \mathcal{N}(0, \frac{2}{n_{\text{in}}})`,
    /// `W \sim U(-\sqrt{6/(n_{\text{in}} + n_{\text{out}})}, …)`: compared with the variances and
    /// bounds of the engine's initialisations, the lesson's sizes read as the fans in and out.
    /// Verified when a scheme agrees where the prose speaks of initialisation; a mismatch when
    /// the prose names a scheme (He, Xavier, LeCun) and none of its readings agrees; `nil`
    /// where the prose does not speak of initialising weights.
    func initialisation(_ expression: Expression, as quantities: [InitialisationQuantity], lower: Expression? = nil)
        -> Verdict?
    {
        let words = context.words
        let named = Self.initialisations.filter { $0.family.isNamed(in: words) }
        guard !named.isEmpty || words.contains(where: { $0.hasPrefix("initiali") }) else { return nil }
        let fans = expression.freeSymbols.filter { !reading.isFunctionName($0) }.sorted {
            $0.description < $1.description
        }
        guard (1...2).contains(fans.count) else { return nil }
        let assignments: [[Symbol: Bool]] =
            fans.count == 1
            ? [[fans[0]: true], [fans[0]: false]]
            : [[fans[0]: true, fans[1]: false], [fans[0]: false, fans[1]: true]]
        // The reading the names fit (`n_{in}` the fan in) first.
        let ordered = assignments.sorted { Self.fanFit($0) > Self.fanFit($1) }
        var firstFailure: (String, Counterexample)? = nil
        let candidates = named.isEmpty ? Self.initialisations : named
        for (family, schemes) in candidates {
            for scheme in schemes {
                for quantity in quantities {
                    if quantity == .bound, !scheme.isUniform { continue }
                    if quantity != .bound, scheme.isUniform, schemes.count > 1 { continue }
                    for assignment in ordered {
                        switch compareInitialisation(expression, scheme, quantity, assignment, lower: lower) {
                        case .holds(let points):
                            let what = quantity == .bound ? "bound" : quantity == .variance ? "variance" : "deviation"
                            return Verdict(
                                .verified,
                                "the \(what) of \(scheme.name) initialisation: agrees with NeuralCore "
                                    + "WeightInitialization.\(scheme) at \(points) pairs of fans, reading "
                                    + Self.fanText(assignment), against: "NeuralCore WeightInitialization.\(scheme)")
                        case .fails(let example):
                            if firstFailure == nil, named.contains(where: { $0.family == family }) {
                                firstFailure = (
                                    "\(scheme.name) initialisation (reading \(Self.fanText(assignment)))", example
                                )
                            }
                        case .unusable: continue
                        }
                    }
                }
            }
        }
        guard let (what, example) = firstFailure else { return nil }
        return Verdict(
            .mismatch,
            "`\(printer.print(expression))` is not the \(quantities[0] == .bound ? "bound" : "variance") of \(what)",
            against: "NeuralCore WeightInitialization", counterexample: example)
    }

    /// The expression against one scheme's quantity at fans drawn from 1 to 512.
    private func compareInitialisation(
        _ expression: Expression, _ scheme: WeightInitialization, _ quantity: InitialisationQuantity,
        _ assignment: [Symbol: Bool], lower: Expression?
    ) -> RuleOutcome {
        var generator = SplitMix64(seed: Evaluator.stableHash("initialisation \(line)"))
        for point in 1...samples {
            let fanIn = Int.random(in: 1...512, using: &generator)
            let fanOut = Int.random(in: 1...512, using: &generator)
            var evaluator = reading.evaluator(seed: UInt64(point))
            var shown: [String] = []
            for (symbol, isIn) in assignment.sorted(by: { $0.key.description < $1.key.description }) {
                let value = Double(isIn ? fanIn : fanOut)
                evaluator.bind(symbol, to: Tensor(value))
                shown.append("\(symbol) = \(Int(value))")
            }
            let expected: Double
            switch quantity {
            case .variance: expected = scheme.variance(fanIn: fanIn, fanOut: fanOut)
            case .deviation: expected = scheme.standardDeviation(fanIn: fanIn, fanOut: fanOut)
            case .bound:
                guard let bound = scheme.uniformBound(fanIn: fanIn, fanOut: fanOut) else { return .unusable }
                expected = bound
            }
            guard let value = try? evaluator.value(of: expression), value.isSingle else { return .unusable }
            if let lower {
                guard let low = try? evaluator.value(of: lower), low.isSingle else { return .unusable }
                if !Tensor(-expected).isClose(to: low, relative: 1e-9, absolute: 1e-12) {
                    return .fails(Counterexample(inputs: shown, formula: "\(low)", expected: "\(Tensor(-expected))"))
                }
            }
            if !Tensor(expected).isClose(to: value, relative: 1e-9, absolute: 1e-12) {
                return .fails(Counterexample(inputs: shown, formula: "\(value)", expected: "\(Tensor(expected))"))
            }
        }
        return .holds(points: samples)
    }

    /// How well symbols' names fit their reading as fans (`n_{in}`, `fan_{out}`, `n_{l-1}`).
    static func fanFit(_ assignment: [Symbol: Bool]) -> Int {
        assignment.reduce(0) { total, entry in
            let key = EngineRule.key(entry.key).lowercased()
            let saysIn = key.contains("in") || key.hasSuffix("l-1") || key.hasSuffix("l1")
            let saysOut = key.contains("out")
            return total + ((entry.value && saysIn) || (!entry.value && saysOut) ? 1 : 0)
        }
    }

    static func fanText(_ assignment: [Symbol: Bool]) -> String {
        assignment.sorted { $0.key.description < $1.key.description }
            .map { "\($0.key) as the fan \($0.value ? "in" : "out")" }.joined(separator: ", ")
    }
}
