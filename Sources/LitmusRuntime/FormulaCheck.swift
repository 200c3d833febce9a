import NeuralCore
import Testing

/// Re-checks, inside `swift test`, a lesson formula that `litmus check` verified: the formula
/// compiled to Swift against the NeuralCore function it defines, at seeded points away from
/// kinks. A difference is reported at the lesson's own line with the point and both values.
public struct FormulaCheck: Sendable {
    public let lesson: String
    public let line: Int
    public let column: Int

    public init(lesson: String, line: Int, column: Int) {
        self.lesson = lesson
        self.line = line
        self.column = column
    }

    /// Compares the two sides at `count` points drawn from ±[0.05, 4] with `seed`; `sides`
    /// returns (formula, engine) at a point. Returns whether they agreed everywhere.
    @discardableResult
    public func compare(seed: UInt64, count: Int = 64, _ sides: (Double) -> (formula: Double, engine: Double)) -> Bool {
        var rng = SeededGenerator(seed: seed)
        for point in GradientCheck.pointsAwayFromKinks(count: count, scale: 4, margin: 0.05, rng: &rng) {
            let (formula, engine) = sides(point)
            guard isApproximatelyEqual(formula, engine, relativeTolerance: 1e-9, absoluteTolerance: 1e-12) else {
                Issue.record(
                    Comment(
                        rawValue: "\(lesson):\(line):\(column): the formula no longer agrees with NeuralCore: "
                            + "at \(point) the formula gives \(formula), the engine \(engine)"),
                    sourceLocation: Testing.SourceLocation(
                        fileID: "NotebookTests/\(lesson)", filePath: lesson, line: line, column: column))
                return false
            }
        }
        return true
    }
}
