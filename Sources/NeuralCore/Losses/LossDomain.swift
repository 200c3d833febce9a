/// The values a loss expects for its prediction or its target, so a checker (or a test) draws
/// points where the loss is defined.
public enum LossDomain: Sendable, Equatable, Hashable {
    /// Any real number (regression outputs, logits, scores).
    case real
    /// A probability in (0, 1), one per entry (sigmoid outputs).
    case probability
    /// A probability vector: positive entries summing to 1 (softmax outputs).
    case distribution
    /// Log-probabilities: entries ≤ 0 whose exponentials sum to 1 (log-softmax outputs).
    case logProbabilities
    /// Binary labels in {0, 1}.
    case binary
    /// Sign labels in {−1, +1}.
    case sign
    /// A one-hot vector: one entry 1, the others 0.
    case oneHot
}
