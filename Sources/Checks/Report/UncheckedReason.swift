import Formulas

/// Why a claim is `unchecked`: the catalog of reasons, as diagnostics have theirs. Each reason
/// has a stable `id` (tests, golden tables and tools read it) and a message for people; no
/// decision reads the message.
public enum UncheckedReason: Hashable, Sendable {
    /// `<!-- litmus: skip -->` follows the formula.
    case skipped
    /// The formula is longer than `LessonChecker.maximumFormulaBytes`.
    case tooLong(bytes: Int)
    /// The formula could not be given a meaning.
    case unreadable(LoweringFailure)
    /// A side could not be evaluated.
    case cannotEvaluate(EvaluationFailure)
    /// Every sampled point lies outside a side's domain (a log of a negative number).
    case undefinedAtEveryPoint
    /// Every sampled point lies on a kink of a function (ReLU at 0, a case boundary).
    case kinksEverywhere
    /// The claim holds under one plausible reading of its symbols and fails under another.
    case dependsOnReading(holds: String, fails: String)
    /// The claim holds only under a constraint the lesson does not state (`t` one-hot).
    case needsConstraint(String)
    /// A derivative of a function the lesson has not defined.
    case undefinedFunction(String)
    /// An engine function's definition that uses symbols the function does not depend on.
    case extraSymbols(function: String, symbols: String)
    /// A function or symbol defined in terms of itself.
    case selfDefinition(String)
    /// A derivative that nothing the lesson defined links to its variable.
    case unrelatedDerivative(String)
    /// A relation Litmus does not evaluate (`\sim`, `\propto`, `\equiv`, `\subset`, `\Rightarrow`…).
    case relationNotChecked(String)
    /// `\approx` between expressions with no number to give the precision.
    case approximationWithoutPrecision
    /// An arrow that is not an update of a quantity from itself.
    case notAnUpdate
    /// An update rule whose step is not a gradient the lesson names.
    case noGradient(String)
    /// An update rule in which several symbols could be the learning rate.
    case learningRateUnclear(String)
    /// A derivative of a function of several variables, or a Jacobian.
    case derivativeNotTaken(String)
    /// A statement of membership Litmus does not read (`x \in \mathcal{D}`).
    case membershipNotRead(String)
    /// Automatic differentiation and finite differences disagree at the sample points.
    case derivativesDisagree
    /// A function of the catalog named with a different number of arguments.
    case arity(String)
    /// The claim involves a symbol an earlier formula of the section put a condition on
    /// (`ε² = 0`), which may be what makes it hold.
    case dependsOnCondition(String)
    /// The prose says the claim holds under a condition right after it (`… for $x > 0$`), where
    /// the check did not find it to hold everywhere.
    case holdsWhere(String)
    /// A number claimed for an expression of inputs whose values no formula of the lesson states.
    case valuesInWords(String)

    /// The stable identifier: `unchecked.unreadable.tuple`, `unchecked.depends-on-reading`.
    public var id: String {
        switch self {
        case .skipped: "unchecked.skipped"
        case .tooLong: "unchecked.too-long"
        case .unreadable(let failure): "unchecked.unreadable.\(failure.reason.rawValue)"
        case .cannotEvaluate(let failure):
            switch failure {
            case .shape: "unchecked.evaluation.shape"
            case .unsupported(let reason, _): "unchecked.evaluation.\(reason.rawValue)"
            }
        case .undefinedAtEveryPoint: "unchecked.undefined-everywhere"
        case .kinksEverywhere: "unchecked.kinks-everywhere"
        case .dependsOnReading: "unchecked.depends-on-reading"
        case .needsConstraint: "unchecked.needs-constraint"
        case .undefinedFunction: "unchecked.undefined-function"
        case .extraSymbols: "unchecked.extra-symbols"
        case .selfDefinition: "unchecked.self-definition"
        case .unrelatedDerivative: "unchecked.unrelated-derivative"
        case .relationNotChecked: "unchecked.relation"
        case .approximationWithoutPrecision: "unchecked.approximation"
        case .notAnUpdate: "unchecked.not-an-update"
        case .noGradient: "unchecked.no-gradient"
        case .learningRateUnclear: "unchecked.learning-rate"
        case .derivativeNotTaken: "unchecked.derivative"
        case .membershipNotRead: "unchecked.membership"
        case .derivativesDisagree: "unchecked.derivatives-disagree"
        case .arity: "unchecked.arity"
        case .dependsOnCondition: "unchecked.depends-on-condition"
        case .holdsWhere: "unchecked.holds-where"
        case .valuesInWords: "unchecked.values-in-words"
        }
    }

    /// The sentence a reader sees.
    public var message: String {
        switch self {
        case .skipped: return "skipped by `<!-- litmus: skip -->`"
        case .tooLong(let bytes):
            return
                "the formula is too long to check (\(bytes) bytes; the limit is \(LessonChecker.maximumFormulaBytes))"
        case .unreadable(let failure): return "cannot read the formula: \(failure.message)"
        case .cannotEvaluate(let failure): return "cannot evaluate: \(failure)"
        case .undefinedAtEveryPoint:
            return "the formula is undefined at every sampled point; state its domain, e.g. "
                + "`<!-- litmus: assume p probability -->`"
        case .kinksEverywhere: return "every sample point fell on a kink"
        case .dependsOnReading(let holds, let fails):
            return "holds \(holds) but not \(fails); the lesson does not say which is meant"
        case .needsConstraint(let constraint):
            let hint =
                constraint.hasSuffix("one-hot")
                ? "; say so (e.g. `<!-- litmus: assume \(constraint.split(separator: " ").first ?? "t") one-hot -->`) "
                    + "to have it checked" : ""
            return "holds only if \(constraint), which the lesson does not state" + hint
        case .undefinedFunction(let name): return "\(name)′ is the derivative of a function the lesson has not defined"
        case .extraSymbols(let function, let symbols):
            return "the right side uses \(symbols), which \(function) does not depend on"
        case .selfDefinition(let name): return "\(name) is defined in terms of itself; not kept as a definition"
        case .unrelatedDerivative(let derivative):
            return "\(derivative): nothing the lesson defined links them, so there is nothing to differentiate"
        case .relationNotChecked(let relation): return "the relation `\(relation)` is stated, not checked"
        case .approximationWithoutPrecision:
            return "an approximation with no number to give its precision is stated, not checked"
        case .notAnUpdate: return "an arrow that is not an update of a quantity from itself"
        case .noGradient(let parameter):
            return "no gradient ∂…/∂\(parameter) in the update; only gradient steps are checked"
        case .learningRateUnclear(let symbols): return "several symbols could be the learning rate: \(symbols)"
        case .derivativeNotTaken(let what): return "the derivative \(what) is not checked"
        case .membershipNotRead(let set): return "membership in `\(set)` is not read"
        case .derivativesDisagree:
            return "automatic differentiation and finite differences disagree here, so no verdict is given"
        case .arity(let what): return what
        case .dependsOnCondition(let condition):
            return
                "fails in general but may hold under the condition \(condition) stated before, which Litmus does not solve"
        case .valuesInWords(let inputs):
            return "a number for an expression of \(inputs), whose values no formula of the lesson states"
        case .holdsWhere(let condition):
            return
                "the prose says it holds where \(condition), and it does not hold everywhere: the condition is not checked"
        }
    }
}
