/// Two state buffers (first and second moment, or velocity) per parameter tensor, zero at the start.
public struct OptimizerState<T: NeuralScalar> {
    /// First state buffer (velocity for momentum, m for Adam), as many entries as the parameter.
    public let first: UnsafeMutablePointer<T>
    /// Second state buffer (v for Adam).
    public let second: UnsafeMutablePointer<T>

    /// State over two caller-owned buffers, each as long as the parameter tensor and zero at the start.
    public init(first: UnsafeMutablePointer<T>, second: UnsafeMutablePointer<T>) {
        self.first = first
        self.second = second
    }
}
