import Formulas

/// Compares expressions at many sample points, skipping points near kinks.
struct Comparison {
    /// The outcome of comparing several sides at the sample points.
    enum Outcome {
        /// All sides agree at `points` points (`evaluator` holds the last point).
        case agree(points: Int, Evaluator)
        /// Side `side` differs from the reference (with one) or from side 0 (without).
        case differ(side: Int, Counterexample, Evaluator)
        /// The sides cannot be evaluated.
        case failed(EvaluationFailure, undeclared: Bool)
    }

    var state: LessonState
    var samples = 16
    var seed: UInt64 = 0x11_7305
    var relative = 1e-7
    var absolute = 1e-9

    /// Evaluates every side at each point (prepared by `prepare`) and compares with side 0.
    func compare(
        _ sides: [Expression], scalarOnly: Bool,
        prepare: (inout Evaluator) throws(EvaluationFailure) -> Void = { _ in },
        reference: ((inout Evaluator) throws(EvaluationFailure) -> Tensor)? = nil
    ) -> Outcome {
        var agreed = 0
        var last: Evaluator? = nil
        var undefined = 0
        var attempt: UInt64 = 0
        while agreed < samples && attempt < UInt64(samples * 4) {
            attempt += 1
            var evaluator = state.evaluator(seed: seed &+ attempt &* 7919, scalarOnly: scalarOnly)
            var values: [Tensor] = []
            do {
                try prepare(&evaluator)
                if let reference { values.append(try reference(&evaluator)) }
                for side in sides { values.append(try evaluator.value(of: side)) }
            } catch {
                return .failed(error, undeclared: !evaluator.undeclaredInputs.isEmpty)
            }
            if evaluator.nearKink { continue }
            // A point outside a side's domain (log of a negative number) says nothing either way.
            if values.contains(where: { $0.values.contains { !$0.isFinite } }) {
                undefined += 1
                continue
            }
            let offset = reference == nil ? 0 : 1
            for index in values.indices.dropFirst()
            where !values[index].isClose(to: values[0], relative: relative, absolute: absolute) {
                let example = Counterexample(
                    inputs: Self.inputs(evaluator), formula: values[index].description,
                    expected: values[0].description)
                return .differ(side: index - offset, example, evaluator)
            }
            agreed += 1
            last = evaluator
        }
        if agreed == 0, undefined > 0 {
            return .failed(
                .unsupported(
                    "the formula is undefined at every sampled point; state its domain, e.g. "
                        + "`<!-- litmus: assume p probability -->`"), undeclared: false)
        }
        if agreed == 0 { return .failed(.unsupported("every sample point fell on a kink"), undeclared: false) }
        return .agree(points: agreed, last!)
    }

    /// The drawn inputs of a point, `name = value`, sorted by name, at most eight.
    static func inputs(_ evaluator: Evaluator) -> [String] {
        evaluator.bindings.map { "\($0.key) = \($0.value)" }.sorted().prefix(8).map { $0 }
    }
}
