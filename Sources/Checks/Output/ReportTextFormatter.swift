import LitmusDiagnostics

/// Writes a lesson report as a compiler would: `path:line:col: error: …`, the source line with a
/// caret, the counterexample as a note, lints as warnings, then one summary line.
public struct ReportTextFormatter: Sendable {
    /// The lesson's lines, to quote under each message; `nil` quotes nothing.
    public var lines: SourceLines?
    /// Also list verified formulas, definitions and unchecked ones (as notes).
    public var verbose: Bool

    /// Creates a formatter.
    public init(lines: SourceLines? = nil, verbose: Bool = false) {
        self.lines = lines
        self.verbose = verbose
    }

    /// The diagnostics of the report (mismatches and errors first-class, lints as warnings).
    public func diagnostics(_ report: LessonReport) -> [Diagnostic] {
        var out = report.diagnostics
        for position in report.formulas.indices {
            // Only mismatches, errors and ties are reported unless verbose: the others are not copied.
            let status = report.formulas[position].verdict.status
            guard verbose || status == .mismatch || status == .error || report.formulas[position].tiedTo != nil else {
                continue
            }
            let formula = report.formulas[position]
            let verdict = formula.verdict
            // A tie is a note of its own, or one more note under the formula's mismatch.
            if let tie = formula.tiedTo, verdict.status != .mismatch || formula.group != formula.index {
                out.append(Diagnostic(.note, .checkTiedFunction, tie.note, at: formula.range))
            }
            // A group's later spans share the first span's verdict; report it once.
            if formula.group != formula.index, verdict.status != .error { continue }
            switch verdict.status {
            case .mismatch:
                var notes: [Diagnostic.Note] = []
                if let example = verdict.counterexample {
                    notes.append(Diagnostic.Note("counterexample: " + example.text))
                }
                if let against = verdict.against { notes.append(Diagnostic.Note("checked against \(against)")) }
                if let tie = formula.tiedTo { notes.append(Diagnostic.Note(tie.note)) }
                out.append(
                    Diagnostic(
                        .error, .checkMismatch, "formula mismatch: \(verdict.message)", at: formula.range,
                        notes: notes))
            case .error:
                out.append(Diagnostic(.error, .checkUnparsable, verdict.message, at: formula.range))
            case .verified, .definition, .unchecked, .mention:
                if verbose {
                    let reason = verdict.reason.map { " [\($0.id)]" } ?? ""
                    let text = "\(verdict.status.rawValue): \(verdict.message)\(reason)"
                    out.append(
                        Diagnostic(.note, DiagnosticID("check.\(verdict.status.rawValue)"), text, at: formula.range))
                }
            }
        }
        return out.sorted { ($0.location, $0.severity) < ($1.location, $1.severity) }
    }

    /// The whole text for one lesson, ending with its summary line.
    public func format(_ report: LessonReport) -> String {
        let formatter = DiagnosticFormatter(path: report.path, lines: lines)
        return diagnostics(report).map(formatter.format).joined() + summaryLine(report) + "\n"
    }

    /// `path: 64 formulas — 12 claims: 9 verified, 1 mismatch, 2 unchecked; 20 definitions; 31 mentions`.
    public func summaryLine(_ report: LessonReport) -> String {
        "\(report.path): \(report.formulas.count) formulas — \(report.summary)"
    }

    /// `litmus check: 42 lessons, 3124 formulas — …; 338 of 1047 formulas that state a relation are
    /// unchecked (32%)`: several lessons in one line, with the share of relations left open.
    public static func totalsLine(_ reports: [LessonReport]) -> String {
        let totals = VerdictCounts(reports)
        let formulas = reports.reduce(0) { $0 + $1.formulas.count }
        return "litmus check: \(reports.count) lessons, \(formulas) formulas — \(totals.summary); "
            + totals.uncheckedShare
    }
}
