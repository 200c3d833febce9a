/// A learning rate as a function of the step, as a value.
///
/// Steps count from 0: `rate(at: 0)` is the rate of the first update, η₀ (for every schedule but a
/// warm-up), `rate(at: t)` that of update t + 1. A lesson that numbers updates from 1 (η₁ the first)
/// reads its η_t as `rate(at: t − 1)`. `ScheduledOptimizer` applies a schedule during training.
public indirect enum LearningRateSchedule: Sendable, Equatable, Hashable {
    /// ηₜ = η.
    case constant(Double)
    /// ηₜ = η₀·γ^⌊t/s⌋: multiplied by γ every s steps (PyTorch's `StepLR`).
    case stepDecay(initial: Double, factor: Double, every: Int)
    /// ηₜ = η₀·γ^{t/s}: a factor γ per s steps, applied smoothly (TensorFlow's `ExponentialDecay`;
    /// PyTorch's `ExponentialLR` is s = 1; η₀e^{−kt} is γ = e^{−k}, s = 1).
    case exponentialDecay(initial: Double, factor: Double, every: Int)
    /// ηₜ = η₀/(1 + k·t/s), the 1/t decay (TensorFlow's `InverseTimeDecay`; s = 1 gives η₀/(1 + kt)).
    case inverseTimeDecay(initial: Double, rate: Double, every: Int)
    /// ηₜ = η_min + ½(η₀ − η_min)(1 + cos(π·t/T)) for t ≤ T, then η_min (Loshchilov & Hutter, 2017,
    /// "SGDR", eq. 5, without restarts).
    case cosineAnnealing(initial: Double, minimum: Double, period: Int)
    /// SGDR: cosine annealing restarted after periods T₀, T₀·m, T₀·m², …: ηₜ = η_min + ½(η₀ − η_min)
    /// (1 + cos(π·T_cur/T_i)) with T_cur the steps since the last restart (Loshchilov & Hutter, 2017).
    case cosineWarmRestarts(initial: Double, minimum: Double, period: Int, multiplier: Int)
    /// Linear warm-up over W steps to the rate that `then` starts with, then `then` (shifted by W):
    /// ηₜ = η·(s + (1 − s)·t/W) for t < W with η = then.rate(at: 0) and s the starting fraction;
    /// ηₜ = then.rate(at: t − W) afterwards (Goyal et al., 2017, "Accurate, large minibatch SGD", §2.2).
    case linearWarmup(steps: Int, start: Double, then: LearningRateSchedule)

    /// The learning rate of update t + 1, for t = 0, 1, 2, …
    public func rate(at t: Int) -> Double {
        precondition(t >= 0, "rate(at:): steps count from 0, got \(t)")
        switch self {
        case .constant(let eta):
            return eta
        case .stepDecay(let initial, let factor, let every):
            precondition(every > 0, "stepDecay: every \(every) steps")
            return initial * Elementary.power(factor, t / every)
        case .exponentialDecay(let initial, let factor, let every):
            precondition(every > 0 && factor > 0, "exponentialDecay: factor \(factor) every \(every) steps")
            let whole = Elementary.power(factor, t / every), remainder = t % every
            let fraction = remainder == 0 ? 1 : Double.exp(Double(remainder) / Double(every) * Double.log(factor))
            return initial * whole * fraction
        case .inverseTimeDecay(let initial, let rate, let every):
            precondition(every > 0, "inverseTimeDecay: every \(every) steps")
            return initial / (1 + rate * Double(t) / Double(every))
        case .cosineAnnealing(let initial, let minimum, let period):
            precondition(period > 0, "cosineAnnealing: period \(period)")
            return Self.cosine(from: initial, to: minimum, step: Swift.min(t, period), of: period)
        case .cosineWarmRestarts(let initial, let minimum, let period, let multiplier):
            precondition(
                period > 0 && multiplier >= 1, "cosineWarmRestarts: period \(period), multiplier \(multiplier)")
            var length = period, current = t
            if multiplier == 1 {
                current = t % period
            } else {
                // The periods grow geometrically, so this runs about log_m(t/T₀) times.
                while current >= length {
                    current -= length
                    length *= multiplier
                }
            }
            return Self.cosine(from: initial, to: minimum, step: current, of: length)
        case .linearWarmup(let steps, let start, let then):
            precondition(steps >= 0, "linearWarmup: \(steps) steps")
            guard t < steps else { return then.rate(at: t - steps) }
            return then.rate(at: 0) * (start + (1 - start) * Double(t) / Double(steps))
        }
    }

    /// The first `count` rates, η₀ … η_{count−1}.
    public func rates(count: Int) -> [Double] { (0..<count).map { rate(at: $0) } }

    /// η_min + ½(η₀ − η_min)(1 + cos(π·t/T)), with cos(π·t/T) = cos 2π(t/2T) from `Elementary`.
    private static func cosine(from initial: Double, to minimum: Double, step t: Int, of period: Int) -> Double {
        minimum + (initial - minimum) * (1 + Elementary.cos(turns: Double(t) / Double(period) / 2)) / 2
    }
}
