import Formulas

/// The binding of the names lessons use (`\sigma`, `\text{ReLU}`, `tanh`, `softmax`…) to the
/// engine's functions, losses and update rule.
///
/// A value: tests substitute a catalog whose functions differ from the engine's to show that a
/// lesson formula turns into a `mismatch` when the engine changes (docs and code kept in sync).
public struct Catalog: Sendable {
    /// One named function of the engine.
    public struct Function: Sendable {
        /// How the engine evaluates it.
        public enum Kind: Sendable {
            /// f: ℝ → ℝ with f′, and the inputs where f has a kink.
            case scalar(value: @Sendable (Double) -> Double, derivative: @Sendable (Double) -> Double, kinks: [Double])
            /// A family with one parameter (leaky ReLU's slope α): f and f′ for a given parameter.
            case parametric(
                make:
                    @Sendable (Double) -> (
                        value: @Sendable (Double) -> Double, derivative: @Sendable (Double) -> Double
                    ),
                defaultParameter: Double, parameterNames: [String], kinks: [Double])
            /// f: ℝⁿ → ℝⁿ (softmax) with its Jacobian–vector product.
            case vector(
                value: @Sendable ([Double]) -> [Double], jacobianProduct: @Sendable ([Double], [Double]) -> [Double])
        }

        /// The conventional name (`sigmoid`).
        public var name: String
        /// What a report says it was checked against (`NeuralCore Activation.sigmoid`).
        public var engineName: String
        /// The spellings that name it, normalised with `FunctionName.normalise` (`σ`, `sigmoid`).
        public var keys: [String]
        /// How the engine evaluates it.
        public var kind: Kind
        /// Symbols a definition may use for the engine's fixed constants (SELU's `λ` and `α`).
        public var constants: [String: Double]
        /// Other forms the engine has under the same name, tried when a definition is not this
        /// one (GELU's tanh approximation beside the exact GELU).
        public var variants: [Function]

        /// Creates a catalog function.
        public init(
            name: String, engineName: String, keys: [String], kind: Kind, constants: [String: Double] = [:],
            variants: [Function] = []
        ) {
            self.name = name
            self.engineName = engineName
            self.keys = keys.map(FunctionName.normalise)
            self.kind = kind
            self.constants = constants
            self.variants = variants
        }

        /// The evaluator's definition, with the default parameter for a family.
        public var definition: FunctionDefinition {
            switch kind {
            case .scalar(let value, let derivative, let kinks):
                .scalar(value: value, derivative: derivative, kinks: kinks)
            case .parametric(let make, let parameter, _, let kinks):
                .scalar(value: make(parameter).value, derivative: make(parameter).derivative, kinks: kinks)
            case .vector(let value, let product): .vector(value: value, jacobianProduct: product)
            }
        }
    }

    /// A loss of the engine, per sample: L(ŷ, y) on vectors of outputs.
    public struct Loss: Sendable {
        /// The conventional name (`squared error`).
        public var name: String
        /// What a report says it was checked against.
        public var engineName: String
        /// L(prediction, target).
        public var value: @Sendable ([Double], [Double]) -> Double
        /// The mean loss over a batch of one-output samples: (1/N) Σₙ L(ŷₙ, yₙ).
        public var batchValue: @Sendable ([Double], [Double]) -> Double
        /// Where predictions are drawn from (probabilities for cross-entropies).
        public var predictionDomain: Domain
        /// Where targets are drawn from (`{0, 1}` for binary cross-entropy, one-hot for categorical).
        public var targetDomain: Domain
        /// The function names that name it (`mae`, `huber`, `dkl`), normalised.
        public var keys: [String] = []
        /// The words that name it in prose (`["mean", "absolute", "error"]`), lower-case.
        public var names: [[String]] = []
        /// What a definition of it is made of (a logarithm, an absolute value…): a definition the
        /// prose names it for but made of none of these is something else.
        public var marks: Set<Mark> = []
        /// The symbols of its parameter (Huber's δ) and the loss for a given value of it.
        public var parameterNames: [String] = []
        public var withParameter: (@Sendable (Double) -> @Sendable ([Double], [Double]) -> Double)? = nil

        /// What a formula is made of.
        public enum Mark: Hashable, Sendable {
            case log, absolute, maximum, square, cases
        }

        /// Creates a catalog loss.
        public init(
            name: String, engineName: String, value: @escaping @Sendable ([Double], [Double]) -> Double,
            batchValue: @escaping @Sendable ([Double], [Double]) -> Double,
            predictionDomain: Domain, targetDomain: Domain
        ) {
            self.name = name
            self.engineName = engineName
            self.value = value
            self.batchValue = batchValue
            self.predictionDomain = predictionDomain
            self.targetDomain = targetDomain
        }
    }

    /// A function of a whole vector the engine computes: entropy, log-sum-exp.
    public struct Reduction: Sendable {
        public var name: String
        public var engineName: String
        /// The function names that name it, normalised (`lse`, `logsumexp`).
        public var keys: [String]
        /// The words that name it in prose, lower-case.
        public var names: [[String]]
        /// Where its argument is drawn from (a distribution for the entropy).
        public var domain: Domain
        public var value: @Sendable ([Double]) -> Double

        public init(
            name: String, engineName: String, keys: [String], names: [[String]], domain: Domain,
            value: @escaping @Sendable ([Double]) -> Double
        ) {
            self.name = name
            self.engineName = engineName
            self.keys = keys.map(FunctionName.normalise)
            self.names = names
            self.domain = domain
            self.value = value
        }
    }

    /// The functions, in the order names are looked up.
    public var functions: [Function]
    /// The functions of whole vectors.
    public var reductions: [Reduction]
    /// The losses.
    public var losses: [Loss]
    /// One gradient-descent step w, g, η → w′ (the engine's SGD).
    public var update: @Sendable (_ w: Double, _ gradient: Double, _ learningRate: Double) -> Double
    /// What a report says update rules were checked against.
    public var updateName: String
    /// The optimizers' steps, the schedules and the initialisations, as rules lessons write.
    public var rules: [EngineRule] {
        didSet { ruleOutputNames = Self.outputNames(of: rules) }
    }
    /// Every name a rule's output goes by (its hints): a definition of any other name is no rule's
    /// step, which is told with one look-up instead of one per rule.
    private(set) var ruleOutputNames: Set<String>

    /// Creates a catalog.
    public init(
        functions: [Function], losses: [Loss], reductions: [Reduction] = [],
        update: @escaping @Sendable (Double, Double, Double) -> Double, updateName: String,
        rules: [EngineRule] = []
    ) {
        self.rules = rules
        self.ruleOutputNames = Self.outputNames(of: rules)
        self.reductions = reductions
        self.functions = functions
        self.losses = losses
        self.update = update
        self.updateName = updateName
    }

    private static func outputNames(of rules: [EngineRule]) -> Set<String> {
        rules.reduce(into: []) { names, rule in names.formUnion(rule.output.hints) }
    }

    /// The function a normalised name denotes.
    public func function(forKey key: String) -> Function? {
        functions.first { $0.keys.contains(key) }
    }

    /// Every name the catalog knows, normalised.
    public var keys: Set<String> { Set(functions.flatMap(\.keys)) }

    /// The evaluator's function table: every spelling bound to its engine function.
    public var functionTable: [String: FunctionDefinition] {
        var table: [String: FunctionDefinition] = [:]
        for function in functions.reversed() {
            for key in function.keys { table[key] = function.definition }
        }
        return table
    }
}
