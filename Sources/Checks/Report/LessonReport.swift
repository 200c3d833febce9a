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

    /// How many formulas have each status. A formula written as several spans
    /// (`$W$ $x =$ $z$`) counts once, by its first span.
    public var counts: VerdictCounts {
        var counts = VerdictCounts()
        // By position, not by a copy of each report (a lesson may have tens of thousands).
        for position in formulas.indices where formulas[position].group == formulas[position].index {
            counts.add(formulas[position].verdict.status, statesRelation: formulas[position].statesRelation)
        }
        return counts
    }

    /// Whether the lesson fails the check: a mismatch, a formula that does not parse, or an
    /// error diagnostic (an unknown command only makes its formula `unchecked`).
    public var failed: Bool {
        for position in formulas.indices {
            let status = formulas[position].verdict.status
            if status == .mismatch || status == .error { return true }
        }
        return diagnostics.contains { $0.severity == .error && $0.id != .texUnknownCommand }
    }

    /// `12 claims: 9 verified, 1 mismatch, 2 unchecked; 20 definitions; 31 mentions`.
    public var summary: String { counts.summary }
}
