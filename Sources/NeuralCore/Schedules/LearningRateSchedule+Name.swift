// MARK: - Looking schedules up by the names lessons use

extension LearningRateSchedule {
    /// The conventional name (`step decay`, `cosine annealing`, …).
    public var name: String {
        switch self {
        case .constant: "constant"
        case .stepDecay: "step decay"
        case .exponentialDecay: "exponential decay"
        case .inverseTimeDecay: "inverse time decay"
        case .cosineAnnealing: "cosine annealing"
        case .cosineWarmRestarts: "cosine annealing with warm restarts"
        case .linearWarmup: "linear warm-up"
        }
    }

    /// The schedule a lesson names, case-, space- and punctuation-insensitively, with its parameters by
    /// name: `initial` (η₀, default 0.1), `factor` (γ, 0.1 for step decay, 0.96 for exponential decay),
    /// `every` (s, 1; step decay 10), `rate` (k, 1), `minimum` (η_min, 0), `period` (T, 100),
    /// `multiplier` (m, 2), `steps` (W, 10) and `start` (0) — the warm-up leads to a constant η₀.
    /// Names: `constant`, `step decay`, `exponential decay`, `inverse time decay`/`1/t decay`,
    /// `cosine annealing`/`cosine decay`, `SGDR`/`cosine annealing with warm restarts`,
    /// `linear warm-up`. Nil for anything else.
    public init?(named name: String, parameters: [String: Double] = [:]) {
        func value(_ key: String, _ fallback: Double) -> Double { parameters[key] ?? fallback }
        func whole(_ key: String, _ fallback: Int) -> Int { parameters[key].map { Int($0) } ?? fallback }
        let initial = value("initial", 0.1)
        switch name.lowercased().filter({ $0.isLetter || $0.isNumber }) {
        case "constant", "fixed": self = .constant(initial)
        case "stepdecay", "step", "steplr":
            self = .stepDecay(initial: initial, factor: value("factor", 0.1), every: whole("every", 10))
        case "exponentialdecay", "exponential", "exponentiallr":
            self = .exponentialDecay(initial: initial, factor: value("factor", 0.96), every: whole("every", 1))
        case "inversetimedecay", "1tdecay", "inversetime":
            self = .inverseTimeDecay(initial: initial, rate: value("rate", 1), every: whole("every", 1))
        case "cosineannealing", "cosinedecay", "cosine":
            self = .cosineAnnealing(initial: initial, minimum: value("minimum", 0), period: whole("period", 100))
        case "sgdr", "cosineannealingwithwarmrestarts", "cosinewarmrestarts":
            self = .cosineWarmRestarts(
                initial: initial, minimum: value("minimum", 0), period: whole("period", 100),
                multiplier: whole("multiplier", 2))
        case "linearwarmup", "warmup":
            self = .linearWarmup(steps: whole("steps", 10), start: value("start", 0), then: .constant(initial))
        default: return nil
        }
    }
}
