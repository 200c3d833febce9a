/// Where a sampled input is drawn from.
public enum Domain: Hashable, Sendable {
    /// A real number in [−2, 2], at least 0.1 from 0 (kinks of ReLU-like functions sit at 0).
    case real
    /// A positive number in [0.01, 0.5] (learning rates, slopes α).
    case positive
    /// A probability in [0.05, 0.95].
    case probability
    /// One of finitely many values (`t \in \{0, 1\}`).
    case values([Double])
    /// A one-hot vector (entries 0 except one 1).
    case oneHot
    /// A probability vector (positive entries summing to 1).
    case distribution
}
