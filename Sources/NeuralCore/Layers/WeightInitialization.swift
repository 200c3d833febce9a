/// How a `Dense` layer draws its initial weights W (n_out × n_in); biases start at zero.
///
/// Each scheme fixes a variance from the fans (`variance(fanIn:fanOut:)`); a uniform scheme draws from
/// U(−r, r) with r = √(3·variance), since U(−r, r) has variance r²/3 (`uniformBound(fanIn:fanOut:)`).
public enum WeightInitialization: Sendable, Equatable, Hashable, CaseIterable {
    /// Xavier/Glorot uniform: Wᵢⱼ ~ U(−r, r), r = √(6 / (n_in + n_out)) (Glorot & Bengio, 2010). For sigmoid, tanh.
    case xavier
    /// Xavier/Glorot normal: Wᵢⱼ ~ N(0, 2 / (n_in + n_out)).
    case xavierNormal
    /// He/Kaiming normal: Wᵢⱼ ~ N(0, 2 / n_in) (He et al., 2015). For ReLU and its relatives.
    case he
    /// He/Kaiming uniform: Wᵢⱼ ~ U(−r, r), r = √(6 / n_in).
    case heUniform
    /// LeCun normal: Wᵢⱼ ~ N(0, 1 / n_in) (LeCun et al., 1998, "Efficient BackProp"). For SELU.
    case lecun
    /// LeCun uniform: Wᵢⱼ ~ U(−r, r), r = √(3 / n_in).
    case lecunUniform

    /// Whether weights are drawn from U(−r, r) (else from a normal distribution).
    public var isUniform: Bool { self == .xavier || self == .heUniform || self == .lecunUniform }

    /// The variance of each weight: 2/(n_in + n_out) (Glorot), 2/n_in (He) or 1/n_in (LeCun).
    public func variance(fanIn: Int, fanOut: Int) -> Double {
        switch self {
        case .xavier, .xavierNormal: Self.glorotVariance(fanIn: fanIn, fanOut: fanOut)
        case .he, .heUniform: Self.heVariance(fanIn: fanIn)
        case .lecun, .lecunUniform: Self.lecunVariance(fanIn: fanIn)
        }
    }

    /// The bound r of a uniform scheme, √(3·variance): √(6/(n_in + n_out)), √(6/n_in) or √(3/n_in); nil
    /// for a normal scheme.
    public func uniformBound(fanIn: Int, fanOut: Int) -> Double? {
        switch self {
        case .xavier: Self.glorotUniformBound(fanIn: fanIn, fanOut: fanOut)
        case .heUniform: Self.heUniformBound(fanIn: fanIn)
        case .lecunUniform: Self.lecunUniformBound(fanIn: fanIn)
        case .xavierNormal, .he, .lecun: nil
        }
    }

    /// The standard deviation of each weight, √variance.
    public func standardDeviation(fanIn: Int, fanOut: Int) -> Double {
        variance(fanIn: fanIn, fanOut: fanOut).squareRoot()
    }

    /// Glorot's variance 2/(n_in + n_out), the compromise between keeping forward and backward signals.
    public static func glorotVariance(fanIn: Int, fanOut: Int) -> Double { 2 / (Double(fanIn) + Double(fanOut)) }

    /// Glorot's uniform bound √(6/(n_in + n_out)).
    public static func glorotUniformBound(fanIn: Int, fanOut: Int) -> Double {
        (6 / (Double(fanIn) + Double(fanOut))).squareRoot()
    }

    /// He's variance 2/n_in, which keeps the variance of ReLU activations constant across layers.
    public static func heVariance(fanIn: Int) -> Double { 2 / Double(fanIn) }

    /// He's uniform bound √(6/n_in).
    public static func heUniformBound(fanIn: Int) -> Double { (6 / Double(fanIn)).squareRoot() }

    /// LeCun's variance 1/n_in.
    public static func lecunVariance(fanIn: Int) -> Double { 1 / Double(fanIn) }

    /// LeCun's uniform bound √(3/n_in).
    public static func lecunUniformBound(fanIn: Int) -> Double { (3 / Double(fanIn)).squareRoot() }

    /// Draws an (outputs, inputs) weight matrix from `rng`, row by row: (2u − 1)·r for a uniform
    /// scheme, z·√variance for a normal one (u uniform in [0, 1), z standard normal).
    public func weights<T: NeuralScalar>(
        inputs: Int, outputs: Int, rng: inout SeededGenerator, as: T.Type = T.self
    ) -> Matrix<T> {
        let bound = uniformBound(fanIn: inputs, fanOut: outputs)
        let deviation = standardDeviation(fanIn: inputs, fanOut: outputs)
        var elements: [T] = []
        elements.reserveCapacity(inputs * outputs)
        for _ in 0..<(inputs * outputs) {
            let value = bound.map { (2 * rng.nextUniform() - 1) * $0 } ?? rng.nextNormal() * deviation
            elements.append(T(value))
        }
        return Matrix(rows: outputs, columns: inputs, elements: elements)
    }

    /// The conventional name (`Xavier uniform`, `He normal`, …); `WeightInitialization(named:)` reads it back.
    public var name: String {
        switch self {
        case .xavier: "Xavier uniform"
        case .xavierNormal: "Xavier normal"
        case .he: "He normal"
        case .heUniform: "He uniform"
        case .lecun: "LeCun normal"
        case .lecunUniform: "LeCun uniform"
        }
    }

    /// The scheme a lesson names, case-, space- and punctuation-insensitively: `Xavier`/`Glorot` (uniform
    /// unless `normal` follows), `He`/`Kaiming` (normal unless `uniform` follows), `LeCun` (normal unless
    /// `uniform` follows). Nil for anything else.
    public init?(named name: String) {
        switch name.lowercased().filter({ $0.isLetter || $0.isNumber }) {
        case "xavier", "glorot", "xavieruniform", "glorotuniform": self = .xavier
        case "xaviernormal", "glorotnormal": self = .xavierNormal
        case "he", "kaiming", "henormal", "kaimingnormal": self = .he
        case "heuniform", "kaiminguniform": self = .heUniform
        case "lecun", "lecunnormal": self = .lecun
        case "lecununiform": self = .lecunUniform
        default: return nil
        }
    }
}
