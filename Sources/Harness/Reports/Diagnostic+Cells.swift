import CellRecords
import LitmusDiagnostics

extension DiagnosticID {
    /// A cell's output differs from its ```` ```output ```` block.
    public static let cellOutputMismatch: DiagnosticID = "cell.output-mismatch"
    /// A cell threw an error nothing caught.
    public static let cellThrew: DiagnosticID = "cell.threw"
    /// A cell marked `throws` ran to its end.
    public static let cellDidNotThrow: DiagnosticID = "cell.did-not-throw"
    /// A cell stopped its process on a trap.
    public static let cellTrapped: DiagnosticID = "cell.trapped"
    /// A cell ran longer than its limit.
    public static let cellTimedOut: DiagnosticID = "cell.timed-out"
    /// A cell does not compile.
    public static let cellCompileError: DiagnosticID = "cell.compile-error"
    /// A generated formula test failed.
    public static let formulaTestFailed: DiagnosticID = "cell.formula-test"
    /// A cell's or output block's option is not understood.
    public static let cellOption: DiagnosticID = "cell.option"
}

extension LessonRecord {
    /// Every failure of the run as a diagnostic at the lesson's own line, with what the cell
    /// printed (or expected against actual) and the log file as notes.
    public var diagnostics: [Diagnostic] {
        var out: [Diagnostic] = []
        for cell in cells {
            guard let failure = cell.failure else { continue }
            var notes: [Diagnostic.Note] = []
            if failure.kind == .outputMismatch, let expected = cell.expected {
                notes.append(
                    Diagnostic.Note("expected:\n" + Self.indented(expected) + "actual:\n" + Self.indented(cell.output)))
            } else if !cell.output.isEmpty {
                notes.append(Diagnostic.Note("it printed:\n" + Self.indented(cell.output)))
            }
            if let log = failure.log, !failure.message.contains(log) {
                notes.append(Diagnostic.Note("the whole story is in \(log)"))
            }
            let at = SourceLocation(line: failure.line, column: failure.column)
            out.append(
                Diagnostic(
                    .error, Self.id(failure.kind), "cell at line \(cell.line): " + failure.message,
                    at: SourceRange(at: at), notes: notes))
        }
        for formula in formulas where formula.status == .failed {
            let at = SourceLocation(line: formula.line, column: formula.column)
            out.append(
                Diagnostic(
                    .error, .formulaTestFailed,
                    "formula test failed: " + (formula.message ?? "the formula no longer agrees with NeuralCore"),
                    at: SourceRange(at: at)))
        }
        return out
    }

    private static func id(_ kind: CellFailure.Kind) -> DiagnosticID {
        switch kind {
        case .outputMismatch: .cellOutputMismatch
        case .threw: .cellThrew
        case .didNotThrow: .cellDidNotThrow
        case .trapped: .cellTrapped
        case .timedOut: .cellTimedOut
        case .compileError: .cellCompileError
        }
    }

    private static func indented(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines.map { "    " + $0 + "\n" }.joined()
    }
}
