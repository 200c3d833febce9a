import Formulas
import NeuralCore

/// A quantity the engine computes from a few numbers and lessons write as a formula: one step of
/// an optimizer's parameters or state, a bias correction, a learning-rate schedule, the variance
/// an initialisation draws weights with.
///
/// A rule has roles (the learning rate, the velocity before the step, the time step…) that the
/// symbols of a lesson's formula fill, and draws points at which the engine gives the value
/// the formula must have. Which symbol fills which role is read from the formula: its left side
/// is the rule's output, a symbol one step earlier on the right is the output's previous value,
/// names suggest the rest (`β_1`, `\epsilon`, `\eta`), and the values decide.
public struct EngineRule: Sendable {
    /// When a role's quantity is taken, for formulas with time indices.
    public enum Time: Sendable, Equatable {
        /// Before the step (`v_{t-1}` beside `v_t`).
        case before
        /// After the step (`v_t` in `θ_t = θ_{t-1} + v_t`).
        case after
        /// Any (hyper-parameters, the gradient).
        case any
    }

    /// What fills a role.
    public struct Role: Sendable {
        /// How reports name it (`β₁`, `the velocity before the step`).
        public var name: String
        /// Symbol keys that suit it (`β_1`, `η`, `m^hat`; see `EngineRule.key(_:)`).
        public var hints: Set<String>
        public var time: Time
        /// Whether a formula may leave it out (ε, the weight decay λ): the rule then uses its
        /// neutral value.
        public var optional: Bool
        /// Whether a derivative in the formula (`\nabla_\theta L`, `\frac{\partial L}{\partial w}`)
        /// can fill it.
        public var isGradient: Bool
        /// Whether it is the time step, filled only by the letter of the formula's time index.
        public var isStep: Bool
        /// The lesson quantity it must be (`Adam's first moment`), when a symbol's earlier
        /// formula has fixed which quantity it is.
        public var quantity: String?
        /// The names the role is usually written with (`β` for an average's coefficient, `μ` for
        /// momentum's): when no reading holds, the report names the rule these fit best.
        public var usual: Set<String> = []

        public init(
            _ name: String, hints: Set<String>, time: Time = .any, optional: Bool = false, isGradient: Bool = false,
            isStep: Bool = false, quantity: String? = nil
        ) {
            self.name = name
            self.hints = hints
            self.time = time
            self.optional = optional
            self.isGradient = isGradient
            self.isStep = isStep
            self.quantity = quantity
        }
    }

    /// A family of rules a lesson names in words (`Adam`, `momentum`, `cosine annealing`).
    public struct Family: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            case optimizer, schedule, initialisation
        }

        public var name: String
        public var kind: Kind
        /// The word sequences that name it, lower-case (`["gradient", "descent"]`): where they
        /// stand, a formula its rules' names fit is held to them.
        public var names: [[String]]
        /// Words that only speak of its kind (`learning rate`, `schedule`): where they stand, a
        /// formula that holds to one of its rules is verified, and one that does not is left alone.
        public var context: [[String]]

        public init(_ name: String, kind: Kind, names: [[String]], context: [[String]] = []) {
            self.name = name
            self.kind = kind
            self.names = names
            self.context = context
        }

        /// Whether `words` (lower-case, in order) name the family.
        public func isNamed(in words: [String]) -> Bool { Self.contains(names, in: words) }

        /// Whether `words` name the family or speak of its kind.
        public func isMentioned(in words: [String]) -> Bool {
            isNamed(in: words) || Self.contains(context, in: words)
        }

        private static func contains(_ names: [[String]], in words: [String]) -> Bool {
            names.contains { name in
                guard !name.isEmpty, words.count >= name.count else { return false }
                return (0...(words.count - name.count)).contains { start in
                    zip(name, words[start..<(start + name.count)]).allSatisfy { wanted, word in
                        // `init*` names every word it starts; a name also stands in the plural.
                        wanted.hasSuffix("*")
                            ? word.hasPrefix(wanted.dropLast())
                            : word == wanted || word.hasSuffix("s") && word.dropLast() == wanted[...]
                    }
                }
            }
        }
    }

    /// One point: the roles' values, in order, and the engine's value of the output.
    public struct Point: Sendable {
        public var inputs: [Double]
        public var output: Double
        /// Where the engine takes the gradient (the look-ahead point of Nesterov's method), if
        /// the formula writes the gradient at a point.
        public var gradientPoint: Double?

        public init(inputs: [Double], output: Double, gradientPoint: Double? = nil) {
            self.inputs = inputs
            self.output = output
            self.gradientPoint = gradientPoint
        }
    }

    public var family: Family
    /// How reports name it (`Adam's first moment m ← β₁m + (1 − β₁)g`).
    public var name: String
    /// What a report says it was checked against (`NeuralCore Adam`).
    public var engineName: String
    /// The left side: its hints and quantity.
    public var output: Role
    /// The inputs. For a recurrence, the first is the output's value before the step.
    public var roles: [Role]
    /// Whether the first role is the output one step earlier (`v_{t-1}` of `v_t = …`).
    public var isRecurrence: Bool
    /// Draws a point with `generator`; `present[i]` says whether role i is in the formula.
    public var draw: @Sendable (inout SplitMix64, [Bool]) -> Point

    public init(
        family: Family, name: String, engineName: String, output: Role, roles: [Role], isRecurrence: Bool,
        draw: @escaping @Sendable (inout SplitMix64, [Bool]) -> Point
    ) {
        self.family = family
        self.name = name
        self.engineName = engineName
        self.output = output
        self.roles = roles
        self.isRecurrence = isRecurrence
        self.draw = draw
    }

    /// The key of a symbol that hints are matched against: its name, its accents (`m^hat`) and a
    /// numeric index (`β_1`); a time index (`v_{t-1}`) and labels are left out.
    public static func key(_ symbol: Symbol) -> String {
        var key = symbol.name
        for accent in symbol.accents.sorted() where accent != "bold" { key += "^" + accent }
        if let index = symbol.index {
            // A time index (`t`, `t-1`) is left out; `β_1`, `η_{\max}`, `n_{\text{in}}` keep theirs.
            let compact = index.filter { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" }
            let isTime =
                compact.first.map { $0.isLetter && $0.isLowercase } == true
                && (compact.count == 1 || compact.dropFirst().first.map { $0 == "+" || $0 == "-" } == true)
            if !isTime { key += "_" + compact.filter { $0.isLetter || $0.isNumber } }
        }
        return key
    }
}

extension EngineRule.Family {
    static let schedule = [["schedule"], ["learning", "rate"], ["step", "size"], ["annealing"], ["decay"]]
    static let sgd = Self(
        "gradient descent", kind: .optimizer,
        names: [
            ["sgd"], ["gradient", "descent"], ["weight", "decay"], ["steepest", "descent"], ["descent", "step"],
        ])
    static let momentum = Self("momentum", kind: .optimizer, names: [["momentum"], ["heavy", "ball"]])
    static let nesterov = Self("Nesterov momentum", kind: .optimizer, names: [["nesterov"], ["nag"]])
    static let adagrad = Self("AdaGrad", kind: .optimizer, names: [["adagrad"]])
    static let rmsprop = Self("RMSProp", kind: .optimizer, names: [["rmsprop"]])
    static let adam = Self("Adam", kind: .optimizer, names: [["adam"], ["adamw"]])
    static let adamW = Self("AdamW", kind: .optimizer, names: [["adamw"], ["decoupled", "weight", "decay"]])
    static let stepDecay = Self(
        "step decay", kind: .schedule, names: [["step", "decay"], ["steplr"]], context: schedule)
    static let exponentialDecay = Self(
        "exponential decay", kind: .schedule,
        names: [["exponential", "decay"], ["exponentiallr"]], context: schedule)
    static let inverseTimeDecay = Self(
        "1/t decay", kind: .schedule,
        names: [["inverse", "time"], ["inverse-time"], ["1", "t"]], context: schedule)
    static let cosineAnnealing = Self(
        "cosine annealing", kind: .schedule,
        names: [["cosine", "annealing"], ["cosine", "schedule"], ["cosine", "decay"]], context: schedule)
    static let warmup = Self(
        "linear warm-up", kind: .schedule, names: [["warm", "up"], ["warmup"], ["warm-up"]], context: schedule)
    static let xavier = Self("Xavier initialisation", kind: .initialisation, names: [["xavier"], ["glorot"]])
    static let he = Self(
        "He initialisation", kind: .initialisation,
        names: [["he", "init*"], ["he", "normal"], ["he", "uniform"], ["he", "et"], ["kaiming"]])
    static let lecun = Self("LeCun initialisation", kind: .initialisation, names: [["lecun"]])
}
