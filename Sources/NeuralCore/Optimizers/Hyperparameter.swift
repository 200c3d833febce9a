/// One hyper-parameter of an optimizer: its argument name, the symbol lessons write and its default.
public struct Hyperparameter: Sendable, Equatable, Hashable {
    /// The name `OptimizerKind.make(_:)` takes (`learningRate`, `beta1`, …).
    public var name: String
    /// The symbol lessons use (η, μ, β₁, ε, λ, ρ).
    public var symbol: String
    /// The value used when none is given.
    public var defaultValue: Double

    /// A hyper-parameter `name` written `symbol`, `defaultValue` unless given.
    public init(_ name: String, symbol: String, defaultValue: Double) {
        self.name = name
        self.symbol = symbol
        self.defaultValue = defaultValue
    }
}
