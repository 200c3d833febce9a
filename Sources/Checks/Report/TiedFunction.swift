/// The Swift function of a lesson's cells that a formula is tied to — by its name
/// (`\text{softsign}(x)` and `func softsign`), or by an annotation after the formula
/// (`<!-- litmus: code=mySoftsign -->`) — as `litmus check` lists it. The harness finds the ties
/// and its generated tests compare the formula with the function; the checks only report them.
public struct TiedFunction: Hashable, Sendable {
    /// The function as Swift names it: `softsign(_:)`, `leakyRelu(_:alpha:)`.
    public var name: String
    /// The line of the cell that declares it; nil when an annotation names a function no cell
    /// declares.
    public var line: Int?
    /// Why the generated tests cannot compare the two (a parameter with no symbol of the
    /// formula, a type other than `Double`, `[Double]` or `Matrix<Double>`…); nil when they do.
    public var notCompared: String?

    /// Creates a tie's report.
    public init(name: String, line: Int?, notCompared: String? = nil) {
        self.name = name
        self.line = line
        self.notCompared = notCompared
    }

    /// The note `litmus check` prints at the formula.
    public var note: String {
        let head = line.map { "tied to the cell's \(name) (line \($0))" } ?? "tied by its annotation to \(name)"
        guard let notCompared else { return head + ": the generated tests compare the two at seeded points" }
        return head + ", but not compared: " + notCompared
    }
}
