import CellRecords
import Foundation
import Testing

extension CellRun {
    /// Compares the formula at the lesson's `line` with the cells' `function`, right after the
    /// cell that declares it (cells share one scope, so the function is in scope only there):
    /// `sides` gives (the formula compiled to Swift, the function's value) at each point drawn
    /// with `seed` as `inputs` say (`FormulaComparison`). `call` is how a call reads at a point,
    /// with `{name}` for each input (`softsign({x})`).
    ///
    /// A disagreement is an issue at the formula's line under `swift test`, and under
    /// `litmus test` a `CellEvent.formula` record too:
    /// `the formula at line 5 and the cell's softsign(_:) differ: at x = 0.5 the formula gives
    /// 0.3333, softsign(0.5) gives 0.5`.
    @discardableResult
    public func compareFormula<Formula: FormulaValue, Cell: FormulaValue>(
        line: Int, column: Int, function: String, call: String, seed: UInt64, inputs: [FormulaInput],
        kinks: [Double] = [], _ sides: (FormulaPoint) throws -> (Formula, Cell)
    ) -> Bool {
        events?.send(.formulaBegin(line: line, column: column, function: function))
        let limit = defaultTimeout
        watchdog?.arm(seconds: limit) { [weak self] in
            self?.formulaTimedOut(line: line, column: column, function: function, limit: limit)
        }
        let outcome = FormulaComparison(inputs: inputs, kinks: kinks, seed: seed).run(
            formula: "the formula", other: call, sides)
        watchdog?.disarm()
        var record = FormulaTestRecord(
            line: line, column: column, name: function, status: .passed, function: function)
        if let message = outcome.message {
            let head = "the formula at line \(line) and the cell's \(function) "
            record.status = .failed
            if case .differs = outcome {
                record.message = head + "differ: " + message
            } else {
                record.message = head + "cannot be compared: " + message
            }
            Issue.record(
                Comment(rawValue: "\(lesson):\(line):\(column): " + record.message!),
                sourceLocation: location(line: line, column: column))
        }
        lock.lock()
        formulas.append(record)
        lock.unlock()
        events?.send(.formula(record))
        return record.status == .passed
    }

    /// Called by the watchdog when the function compared with a formula outlived the time limit.
    private func formulaTimedOut(line: Int, column: Int, function: String, limit: Double) {
        let message =
            "the formula at line \(line) and the cell's \(function) cannot be compared: the comparison ran longer "
            + "than \(Self.seconds(limit)) and was stopped"
        let stopped = FormulaTestRecord(
            line: line, column: column, name: function, status: .failed, message: message, function: function)
        lock.lock()
        formulas.append(stopped)
        lock.unlock()
        events?.send(.formula(stopped))
        if events == nil { record() }
        FileHandle.standardError.write(Data("\(lesson):\(line): error: \(message)\n".utf8))
        _exit(3)
    }
}
