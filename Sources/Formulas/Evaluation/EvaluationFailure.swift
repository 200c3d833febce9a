/// Why an expression has no value at a point.
public enum EvaluationFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// Shapes that do not fit: "cannot add a 6×1 and a 5×1".
    case shape(String)
    /// Something Litmus cannot evaluate: an unknown function, a set, a circular definition.
    case unsupported(String)

    public var description: String {
        switch self {
        case .shape(let message), .unsupported(let message): message
        }
    }
}
