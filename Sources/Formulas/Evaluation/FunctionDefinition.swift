/// How to evaluate a named function: an engine function (scalar or vector) bound by a catalog,
/// or an expression the lesson defined.
public enum FunctionDefinition: Sendable {
    /// f: ℝ → ℝ applied elementwise, with its derivative f′ beside it.
    /// `kinks` are the inputs where f is not differentiable (ReLU at 0): points near them are avoided.
    case scalar(value: @Sendable (Double) -> Double, derivative: @Sendable (Double) -> Double, kinks: [Double])
    /// f: ℝⁿ → ℝⁿ with its Jacobian–vector product J(x)·v.
    case vector(value: @Sendable ([Double]) -> [Double], jacobianProduct: @Sendable ([Double], [Double]) -> [Double])
    /// f(p₁, …) = body, as the lesson wrote it.
    case expression(parameters: [Symbol], body: Expression)
}
