import Formulas
import LitmusDiagnostics
import NeuralCore

/// What the lesson has said so far, as it is read in order: definitions, functions, declared
/// shapes and constraints.
struct LessonState {
    var functions: [String: FunctionDefinition]
    var functionKeys: Set<String>
    var definitions: [Symbol: Expression] = [:] {
        didSet { templates = Evaluator.templates(in: definitions) }
    }
    /// The entrywise definitions among `definitions` (`p_k = …`), kept for every evaluator.
    private(set) var templates: [Symbol: (letter: String, body: Expression)] = [:]
    /// Where each symbol or function was defined (line in the file).
    var definedAt: [Symbol: Int] = [:]
    var shapes: [Symbol: [Int]] = [:]
    var domains: [Symbol: Domain] = [:]
    /// The symbols the whole lesson's formulas use, for checking mentions.
    var index = LessonIndex()
    /// A case the prose states for the next formula only (`for $j \neq k$,`).
    var indexCondition: Condition? = nil
    /// Values the prose states for symbols the lesson does not define (`one sample $x = 2$`),
    /// with their line: an equation that fails in general may hold for them (a worked example).
    var statedValues: [Symbol: (value: Double, line: Int)] = [:]
    /// Values bound for the formula being checked: the ones stated just before it
    /// (`When $t = 1$ only $L = -\log p$ is left`).
    var caseValues: [Symbol: Double] = [:]
    /// The formula being checked is written with `\times` (`$n_l \times 1$` is a shape, not a product).
    var writtenWithTimes = false

    init(catalog: Catalog) {
        functions = catalog.functionTable
        functionKeys = catalog.keys
    }

    /// An evaluator for one sample point.
    func evaluator(seed: UInt64, scalarOnly: Bool) -> Evaluator {
        var evaluator = Evaluator(
            functions: functions, definitions: definitions, shapes: shapes, domains: domains,
            scalarOnly: scalarOnly, seed: seed, makeGenerator: { SplitMix64(seed: $0) }, templates: templates)
        // A stated value holds ahead of a definition (`at $p = 0$` of p = σ(z)).
        for (symbol, value) in caseValues { evaluator.bind(symbol, to: Tensor(value)) }
        return evaluator
    }
}
