/// How a `Dense` layer draws its initial weights W (n_out × n_in); biases start at zero.
public enum WeightInitialization: Sendable, Equatable, Hashable {
    /// Xavier/Glorot uniform: Wᵢⱼ ~ U(−r, r), r = √(6 / (n_in + n_out)) (Glorot & Bengio, 2010). For sigmoid, tanh.
    case xavier
    /// Xavier/Glorot normal: Wᵢⱼ ~ N(0, 2 / (n_in + n_out)).
    case xavierNormal
    /// He/Kaiming normal: Wᵢⱼ ~ N(0, 2 / n_in) (He et al., 2015). For ReLU and its relatives.
    case he
    /// He/Kaiming uniform: Wᵢⱼ ~ U(−r, r), r = √(6 / n_in).
    case heUniform

    /// Draws an (outputs, inputs) weight matrix from `rng`, row by row.
    public func weights<T: NeuralScalar>(
        inputs: Int, outputs: Int, rng: inout SeededGenerator, as: T.Type = T.self
    ) -> Matrix<T> {
        let fanIn = Double(inputs), fanOut = Double(outputs)
        var elements: [T] = []
        elements.reserveCapacity(inputs * outputs)
        for _ in 0..<(inputs * outputs) {
            let value: Double
            switch self {
            case .xavier: value = (2 * rng.nextUniform() - 1) * (6 / (fanIn + fanOut)).squareRoot()
            case .xavierNormal: value = rng.nextNormal() * (2 / (fanIn + fanOut)).squareRoot()
            case .he: value = rng.nextNormal() * (2 / fanIn).squareRoot()
            case .heUniform: value = (2 * rng.nextUniform() - 1) * (6 / fanIn).squareRoot()
            }
            elements.append(T(value))
        }
        return Matrix(rows: outputs, columns: inputs, elements: elements)
    }
}
