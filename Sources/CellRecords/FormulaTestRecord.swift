/// One generated formula test of a lesson: a verified formula compared with NeuralCore again,
/// or a formula compared with the function of the lesson's cells it is tied to.
public struct FormulaTestRecord: Codable, Sendable, Equatable {
    /// Where the formula stands in the lesson.
    public var line: Int
    public var column: Int
    /// The test's name as the generated file gives it.
    public var name: String
    public var status: CellStatus
    /// Why it failed, in one line.
    public var message: String?
    /// The function of the lesson's cells the formula was compared with (`softsign(_:)`); nil
    /// for a comparison with NeuralCore.
    public var function: String?

    public init(
        line: Int, column: Int, name: String, status: CellStatus, message: String? = nil, function: String? = nil
    ) {
        self.line = line
        self.column = column
        self.name = name
        self.status = status
        self.message = message
        self.function = function
    }
}
