import CellRecords
import Foundation

/// One lesson's tests running in a process of their own (the test bundle, filtered to the
/// lesson's suite): a trap, a hang or a crash ends this process only. It reads the events the
/// cells stream (`CellEvent`) as they come, so it knows which cell is running, stops a cell that
/// outlives its limit, and turns whatever happened into the lesson's `LessonRecord`.
final class LessonProcess {
    let plan: LessonPlan
    private let process: ChildProcess
    private let eventsURL: URL
    private let testingEventsURL: URL
    let logURL: URL
    private let logPath: String
    private var eventsOffset: UInt64 = 0
    private var pending = Data()
    private(set) var ended: [CellRecord] = []
    private var current: (line: Int, timeout: Double, started: Date)?
    private var currentOutput = ""
    private var currentPlots: [String] = []
    private var lastActivity = Date()
    private let idleLimit: Double
    private var killedForTime: (line: Int, timeout: Double)?
    /// The comparisons of formulas with the cells' functions that ended, and the one running.
    private var compared: [FormulaTestRecord] = []
    private var comparing: (line: Int, column: Int, function: String)?

    /// How long past a cell's limit the runner waits for the cell's own watchdog to stop it.
    static let grace = 5.0

    /// Starts the lesson's suite (`filter`) in `bundle`; `logPath` is relative to the package.
    init(
        plan: LessonPlan, bundle: String, filter: String, skip: String? = nil, workDirectory: URL, logPath: String,
        packageRoot: URL, defaultTimeout: Double
    ) throws {
        self.plan = plan
        self.logPath = logPath
        idleLimit = defaultTimeout + Self.grace
        let stem = plan.file.fileName.replacingOccurrences(of: ".swift", with: skip == nil ? "" : "-formulas")
        eventsURL = workDirectory.appendingPathComponent(stem + ".events")
        testingEventsURL = workDirectory.appendingPathComponent(stem + ".testing.jsonl")
        logURL = packageRoot.appendingPathComponent(logPath)
        for url in [eventsURL, testingEventsURL] { try? FileManager.default.removeItem(at: url) }
        try FileManager.default.createDirectory(
            at: logURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        var arguments = [
            bundle, "--testing-library", "swift-testing", "--filter", filter,
            "--event-stream-output-path", testingEventsURL.path, "--event-stream-version", "0",
        ]
        if let skip { arguments += ["--skip", skip] }
        process = try ChildProcess(
            arguments,
            environment: [
                CellEvent.environmentKey: eventsURL.path,
                CellEvent.timeoutKey: "\(defaultTimeout)",
                CellEvent.parentKey: "\(getpid())",
                // A trap's backtrace goes to the log at once, unsymbolicated beyond names, and
                // never waits for a debugger.
                "SWIFT_BACKTRACE": "enable=yes,interactive=no,color=no,symbolicate=fast,sanitize=yes",
            ],
            directory: packageRoot.path, outputPath: logURL.path)
    }

    /// Reads new events and stops the process when a cell (or the time between cells) ran too
    /// long. Returns whether the process has ended.
    func step(now: Date = Date()) -> Bool {
        readEvents()
        if process.poll() != nil {
            readEvents()
            return true
        }
        if let current, now.timeIntervalSince(current.started) > current.timeout + Self.grace {
            killedForTime = (current.line, current.timeout)
            process.kill()
            process.wait()
            readEvents()
            return true
        }
        if current == nil, now.timeIntervalSince(lastActivity) > idleLimit {
            killedForTime = (0, idleLimit - Self.grace)
            process.kill()
            process.wait()
            readEvents()
            return true
        }
        return false
    }

    /// Stops the process at once.
    func kill() {
        process.kill()
        process.wait()
    }

    private func readEvents() {
        guard let handle = try? FileHandle(forReadingFrom: eventsURL) else { return }
        defer { try? handle.close() }
        try? handle.seek(toOffset: eventsOffset)
        guard let data = try? handle.readToEnd(), !data.isEmpty else { return }
        eventsOffset += UInt64(data.count)
        pending.append(data)
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            let line = pending[pending.startIndex..<newline]
            pending = Data(pending[(newline + 1)...])
            guard let event = try? JSONDecoder().decode(CellEvent.self, from: Data(line)) else { continue }
            apply(event)
        }
    }

    private func apply(_ event: CellEvent) {
        lastActivity = Date()
        switch event {
        case .begin(let line, let timeout):
            current = (line, timeout, Date())
            currentOutput = ""
            currentPlots = []
        case .output(let text):
            currentOutput += text
        case .plot(let svg):
            currentPlots.append(svg)
        case .end(let record):
            ended.append(record)
            current = nil
        case .formulaBegin(let line, let column, let function):
            comparing = (line, column, function)
        case .formula(let record):
            compared.append(record)
            comparing = nil
        }
    }

    /// The lesson's cells as this run leaves them: those that ended as they ended, the one that
    /// was running when the process stopped as trapped or timed out, the rest skipped.
    func cellRecords(module: String) -> [CellRecord] {
        var records = ended
        if let current {
            let output = CellOutput.clean(currentOutput, module: module)
            let seconds = Date().timeIntervalSince(current.started)
            if let killed = killedForTime, killed.line == current.line {
                let message = "the cell ran longer than its limit of \(Self.seconds(killed.timeout)) and was stopped"
                records.append(
                    CellRecord(
                        line: current.line, status: .timedOut, output: output, plots: currentPlots,
                        failure: CellFailure(kind: .timedOut, message: message, line: current.line, log: logPath),
                        seconds: seconds))
            } else {
                let reason = TrapMessage.find(in: (try? String(contentsOf: logURL, encoding: .utf8)) ?? "")
                let ending = process.ending.map(Self.describe) ?? "stopped the process"
                let message = "the cell \(ending)" + (reason.map { ": " + $0 } ?? "") + "; backtrace in \(logPath)"
                records.append(
                    CellRecord(
                        line: current.line, status: .failed, output: output, plots: currentPlots,
                        failure: CellFailure(kind: .trapped, message: message, line: current.line, log: logPath),
                        seconds: seconds))
            }
        }
        let done = Set(records.map(\.line))
        for line in plan.file.cellLines where !done.contains(line) {
            var skipped = CellRecord(line: line, status: .skipped)
            if let cell = plan.cell(at: line) {
                skipped.expected = cell.expectedOutput
                skipped.expectedLine = cell.expectedOutputLine
            }
            records.append(skipped)
        }
        return records.sorted { $0.line < $1.line }
    }

    /// The formulas compared with the cells' functions: as they ended, the one running when the
    /// process stopped as failed (its function trapped or hung), those never reached skipped.
    func tieRecords() -> [FormulaTestRecord] {
        var records = compared
        if let comparing {
            let ending: String
            if killedForTime != nil {
                ending = "the comparison ran longer than \(Self.seconds(idleLimit - Self.grace)) and was stopped"
            } else {
                let reason = TrapMessage.find(in: (try? String(contentsOf: logURL, encoding: .utf8)) ?? "")
                ending =
                    (process.ending.map(Self.describe).map { "the comparison \($0)" } ?? "the comparison stopped")
                    + (reason.map { ": " + $0 } ?? "")
            }
            records.append(
                FormulaTestRecord(
                    line: comparing.line, column: comparing.column, name: comparing.function, status: .failed,
                    message: "the formula at line \(comparing.line) and the cell's \(comparing.function) cannot be "
                        + "compared: \(ending); backtrace in \(logPath)",
                    function: comparing.function))
        }
        for tie in plan.file.ties
        where !records.contains(where: { $0.line == tie.line && $0.column == tie.column && $0.function == tie.function }
        ) {
            records.append(
                FormulaTestRecord(
                    line: tie.line, column: tie.column, name: tie.function, status: .skipped, function: tie.function))
        }
        return records
    }

    /// Whether the run stopped before the cells' test ended normally.
    var stoppedEarly: Bool {
        if current != nil || comparing != nil || killedForTime != nil { return true }
        if case .signalled = process.ending { return true }
        return false
    }

    /// The formula tests' results from Swift Testing's event stream; those that did not end are
    /// `skipped`.
    func formulaRecords() -> [FormulaTestRecord] {
        let events = TestingEvents(contentsOf: testingEventsURL)
        return plan.file.formulas.map { formula in
            guard let result = events.results[formula.name] else {
                return FormulaTestRecord(
                    line: formula.line, column: formula.column, name: formula.name, status: .skipped)
            }
            return FormulaTestRecord(
                line: formula.line, column: formula.column, name: formula.name,
                status: result.failed ? .failed : .passed, message: result.message.map(Self.firstLine))
        }
    }

    /// Whether Swift Testing reports the cells' test itself as failed (for a failure the events
    /// did not show, such as an issue recorded outside a cell).
    func cellsTestFailure(named name: String) -> String? {
        let result = TestingEvents(contentsOf: testingEventsURL).results[name]
        return result?.failed == true ? result?.message.map(Self.firstLine) : nil
    }

    private static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n", omittingEmptySubsequences: true).first ?? "")
    }

    private static func describe(_ ending: ChildProcess.Ending) -> String {
        switch ending {
        case .signalled: "trapped"
        case .exited(let code): "stopped the process (exit code \(code))"
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// The one line of a crash report that says why: `Fatal error: Index out of range`.
enum TrapMessage {
    static let markers = ["Fatal error:", "Precondition failed:", "Assertion failed:", "Crash:", "Program crashed:"]

    static func find(in log: String) -> String? {
        for line in log.split(separator: "\n") {
            for marker in markers {
                guard let range = line.range(of: marker) else { continue }
                let before = line[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                var text = String(line[range.lowerBound...]).trimmingCharacters(in: .whitespaces)
                // `file:line: Fatal error: …` keeps where the runtime says it stopped.
                if before.hasSuffix(":") { text += " (at \(before.dropLast()))" }
                return text
            }
        }
        return nil
    }
}
