/// What a lesson's run tells the runner while it goes, one JSON object per line in the file
/// `LITMUS_EVENTS` names: so a cell that traps or hangs is known by its line, with what it had
/// printed, even though its process never finishes the lesson.
public enum CellEvent: Codable, Sendable, Equatable {
    /// The cell at `line` starts; it may run `timeout` seconds.
    case begin(line: Int, timeout: Double)
    /// The running cell printed `text`.
    case output(String)
    /// The running cell drew a chart.
    case plot(String)
    /// A cell ended (passed, failed on its output, threw, or timed out).
    case end(CellRecord)
    /// A formula's comparison with a function of the cells starts, after the cell that declares
    /// the function: a trap or a hang now is that function's, reported at the formula's line.
    case formulaBegin(line: Int, column: Int, function: String)
    /// That comparison ended (passed or failed, with the point and both values).
    case formula(FormulaTestRecord)

    /// The environment variable naming the events file.
    public static let environmentKey = "LITMUS_EVENTS"
    /// The environment variable giving the default time limit of a cell, in seconds.
    public static let timeoutKey = "LITMUS_TIMEOUT"
    /// The environment variable naming the process that started the run: the run ends itself
    /// when that process is gone, so killing `litmus` leaves nothing running.
    public static let parentKey = "LITMUS_PARENT_PID"
    /// A cell's time limit when neither the cell nor the command gives one.
    public static let defaultTimeout = 60.0
}
