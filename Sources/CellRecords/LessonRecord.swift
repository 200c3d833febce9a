/// The result of running one lesson's generated tests: every cell and every formula test, and
/// the key of the lesson contents it was run from — a page shows a record only when its key is
/// the lesson's current key, so an edited lesson never shows stale outputs.
public struct LessonRecord: Codable, Sendable, Equatable {
    /// The lesson path, relative to the package (`notebooks/01-neuron.md`).
    public var lesson: String
    /// `LessonKey` of the lesson's cells and formula tests when it ran.
    public var key: String
    public var cells: [CellRecord]
    public var formulas: [FormulaTestRecord]

    public init(lesson: String, key: String, cells: [CellRecord], formulas: [FormulaTestRecord] = []) {
        self.lesson = lesson
        self.key = key
        self.cells = cells
        self.formulas = formulas
    }

    /// How many cells (and formula tests) ended in each status.
    public var counts: RunCounts {
        var counts = RunCounts()
        for cell in cells { counts.add(cell.status) }
        for formula in formulas { counts.addFormula(formula.status) }
        return counts
    }

    /// Whether every cell and formula test passed or was skipped on purpose.
    public var passed: Bool { counts.failing == 0 }
}

/// Counts of cells by how they ended, and of formula tests, added up over lessons.
public struct RunCounts: Codable, Sendable, Equatable {
    public var passed = 0
    public var failed = 0
    public var timedOut = 0
    public var skipped = 0
    public var formulasPassed = 0
    public var formulasFailed = 0

    public init() {}

    /// Counts one cell.
    public mutating func add(_ status: CellStatus) {
        switch status {
        case .passed: passed += 1
        case .failed: failed += 1
        case .timedOut: timedOut += 1
        case .skipped: skipped += 1
        }
    }

    /// Counts one formula test (a skipped one counts as neither).
    public mutating func addFormula(_ status: CellStatus) {
        switch status {
        case .passed: formulasPassed += 1
        case .failed, .timedOut: formulasFailed += 1
        case .skipped: break
        }
    }

    /// Adds another lesson's counts.
    public static func += (lhs: inout RunCounts, rhs: RunCounts) {
        lhs.passed += rhs.passed
        lhs.failed += rhs.failed
        lhs.timedOut += rhs.timedOut
        lhs.skipped += rhs.skipped
        lhs.formulasPassed += rhs.formulasPassed
        lhs.formulasFailed += rhs.formulasFailed
    }

    /// Cells that ran or should have: everything but the formula tests.
    public var cells: Int { passed + failed + timedOut + skipped }

    /// Cells and formula tests that did not pass.
    public var failing: Int { failed + timedOut + formulasFailed }

    /// "12 cells: 10 passed, 1 failed, 1 timed out, 0 skipped; 4/4 formula tests passed".
    public var summary: String {
        var text =
            "\(cells) cell\(cells == 1 ? "" : "s"): \(passed) passed, \(failed) failed, "
            + "\(timedOut) timed out, \(skipped) skipped"
        let formulas = formulasPassed + formulasFailed
        if formulas > 0 { text += "; \(formulasPassed)/\(formulas) formula tests passed" }
        return text
    }
}
