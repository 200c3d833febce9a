/// Plain stochastic gradient descent: w ← w − η·∂L/∂w.
public struct SGD: Optimizer {
    /// The learning rate η.
    public var learningRate: Double

    /// SGD with learning rate η.
    public init(learningRate: Double) { self.learningRate = learningRate }

    /// η: plain SGD may be folded into the gradient's gemm.
    public var plainGradientStep: Double? { learningRate }

    /// One scalar step w − ηg, for the formula checker.
    public func updated(_ w: Double, gradient g: Double) -> Double { w - learningRate * g }

    /// w ← w − ηg for every element.
    @specialized(where T == Float)
    @specialized(where T == Double)
    public func update<T: NeuralScalar>(
        _ parameters: UnsafeMutableBufferPointer<T>, gradients: UnsafeBufferPointer<T>,
        state: OptimizerState<T>, step: Int
    ) {
        let eta = T(learningRate)
        let w = parameters.baseAddress!, g = gradients.baseAddress!
        for i in 0..<parameters.count { w[i] -= eta * g[i] }
    }
}
