import Formulas
import LitmusDiagnostics

/// What the lesson has said so far, as it is read in order: definitions, functions, declared
/// shapes and constraints.
struct LessonState {
    var functions: [String: FunctionDefinition]
    var functionKeys: Set<String>
    var definitions: [Symbol: Expression] = [:]
    /// Where each symbol or function was defined (line in the file).
    var definedAt: [Symbol: Int] = [:]
    var shapes: [Symbol: [Int]] = [:]
    var domains: [Symbol: Domain] = [:]

    init(catalog: Catalog) {
        functions = catalog.functionTable
        functionKeys = catalog.keys
    }

    /// An evaluator for one sample point.
    func evaluator(seed: UInt64, scalarOnly: Bool) -> Evaluator {
        Evaluator(functions: functions, definitions: definitions, shapes: shapes, domains: domains,
                  scalarOnly: scalarOnly, generator: SplitMix(seed: seed))
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a small seeded generator, so every run of
/// `litmus check` draws the same points.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
