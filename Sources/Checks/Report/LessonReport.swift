import LitmusDiagnostics
import TeX

/// The verdicts of one lesson's formulas and the diagnostics found on the way (TeX errors and
/// lints in file coordinates, the lesson reader's own warnings).
public struct LessonReport: Hashable, Sendable {
    /// The lesson's path, as given.
    public var path: String
    /// One report per math span, in document order.
    public var formulas: [FormulaReport]
    /// Diagnostics in file coordinates, sorted by position.
    public var diagnostics: [Diagnostic]

    /// Creates a report.
    public init(path: String, formulas: [FormulaReport], diagnostics: [Diagnostic]) {
        self.path = path
        self.formulas = formulas
        self.diagnostics = diagnostics
    }

    /// How many formulas have each status.
    public var counts: [Verdict.Status: Int] {
        var counts: [Verdict.Status: Int] = [:]
        for formula in formulas { counts[formula.verdict.status, default: 0] += 1 }
        return counts
    }

    /// Whether the lesson fails the check: a mismatch, a formula that does not parse, or an
    /// error diagnostic (an unknown command only makes its formula `unchecked`).
    public var failed: Bool {
        formulas.contains { $0.verdict.status == .mismatch || $0.verdict.status == .error }
            || diagnostics.contains { $0.severity == .error && $0.id != .texUnknownCommand }
    }

    /// `12 verified, 1 mismatch, 20 definition, 31 unchecked, 0 error`.
    public var summary: String {
        let counts = counts
        return Verdict.Status.allCases.map { "\(counts[$0, default: 0]) \($0.rawValue)" }.joined(separator: ", ")
    }
}
