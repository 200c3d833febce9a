/// One generated formula test of a lesson (a verified formula compared with NeuralCore again).
public struct FormulaTestRecord: Codable, Sendable, Equatable {
    /// Where the formula stands in the lesson.
    public var line: Int
    public var column: Int
    /// The test's name as the generated file gives it.
    public var name: String
    public var status: CellStatus
    /// Why it failed, in one line.
    public var message: String?

    public init(line: Int, column: Int, name: String, status: CellStatus, message: String? = nil) {
        self.line = line
        self.column = column
        self.name = name
        self.status = status
        self.message = message
    }
}
