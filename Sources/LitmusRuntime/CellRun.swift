import CellRecords
import Foundation
import Testing

/// Runs one lesson's cells inside a generated test: collects each cell's printed output,
/// compares it with the lesson's ```` ```output ```` block, and reports every failure at the
/// lesson's own path and line.
///
/// Under `litmus test` (the environment names an events file, `CellEvent.environmentKey`) every
/// step is streamed to that file as it happens, so the runner knows which cell a trap or a hang
/// stopped and what it had printed. Under a plain `swift test` the lesson's `LessonRecord` is
/// written to `.litmus/outputs/<lesson>.json` at the end, for the pages.
///
/// A watchdog thread stops the process when a cell outlives its time limit (reported at the
/// cell's line) or when the `litmus` process that started the run is gone.
public final class CellRun: @unchecked Sendable {
    /// The run that `print` in a cell writes to.
    @TaskLocal public static var current: CellRun?

    /// The lesson path as written in the generated file (`notebooks/x.md`).
    public let lesson: String
    /// The lesson's `LessonKey`, written into the generated file.
    public let key: String
    private let packageRoot: URL
    private let module: String
    let events: EventSink?
    let defaultTimeout: Double
    let lock = NSLock()
    private var buffer = ""
    private var plots: [String] = []
    private var currentLine = 0
    private var started = Date()
    var watchdog: Watchdog?
    /// The cells that ended, in order.
    public private(set) var cells: [CellRecord] = []
    /// The formulas compared with the cells' functions, in order (`compareFormula`).
    public internal(set) var formulas: [FormulaTestRecord] = []

    /// A run of `lesson`; `generatedFile` (`#filePath` of the generated file) locates the package
    /// and `generatedFileID` (`#fileID`) names the test module.
    public init(lesson: String, key: String = "", generatedFile: String, generatedFileID: String = "NotebookTests/") {
        self.lesson = lesson
        self.key = key
        packageRoot = URL(fileURLWithPath: generatedFile).deletingLastPathComponent().deletingLastPathComponent()
        module = String(generatedFileID.prefix { $0 != "/" })
        let environment = ProcessInfo.processInfo.environment
        events = environment[CellEvent.environmentKey].flatMap(EventSink.init(path:))
        defaultTimeout = environment[CellEvent.timeoutKey].flatMap(Double.init) ?? CellEvent.defaultTimeout
        let parent = environment[CellEvent.parentKey].flatMap(Int32.init)
        watchdog = Watchdog(parent: parent)
    }

    /// Where the lesson's line `line` is, for Swift Testing.
    public func location(line: Int, column: Int = 1) -> Testing.SourceLocation {
        Testing.SourceLocation(fileID: "NotebookTests/\(lesson)", filePath: lesson, line: line, column: column)
    }

    /// Output written by a cell.
    public func write(_ text: String) {
        lock.lock()
        buffer += text
        lock.unlock()
        events?.send(.output(text))
    }

    /// A chart drawn by the current cell.
    func addPlot(_ svg: String) {
        lock.lock()
        plots.append(svg)
        lock.unlock()
        events?.send(.plot(svg))
    }

    /// The cell starting at the lesson's line `line` begins; it may run `timeout` seconds (the
    /// command's `--timeout`, or one minute, when the cell's info string gives none).
    public func begin(line: Int, timeout: Double? = nil) {
        let limit = timeout ?? defaultTimeout
        lock.lock()
        buffer = ""
        plots = []
        currentLine = line
        started = Date()
        lock.unlock()
        events?.send(.begin(line: line, timeout: limit))
        watchdog?.arm(seconds: limit) { [weak self] in self?.timedOut(line: line, limit: limit) }
    }

    /// The cell ends: its output is compared with `expected` (the ```output block at
    /// `expectedLine`), if any.
    public func end(expected: String? = nil, expectedLine: Int? = nil, options: OutputOptions = OutputOptions()) {
        watchdog?.disarm()
        let (output, line, charts, seconds) = takeCell()
        var failure: CellFailure?
        if let expected, !OutputMatcher.matches(expected: expected, actual: output, options: options) {
            let diff = OutputMatcher.diff(expected: expected, actual: output)
            failure = CellFailure(
                kind: .outputMismatch, message: "output differs from the ```output block", line: expectedLine ?? line)
            Issue.record(
                Comment(rawValue: "\(lesson):\(expectedLine ?? line): " + diff),
                sourceLocation: location(line: expectedLine ?? line))
        }
        finish(
            CellRecord(
                line: line, status: failure == nil ? .passed : .failed, output: output, plots: charts,
                expected: expected, expectedLine: expectedLine, failure: failure, seconds: seconds))
    }

    /// Runs the lesson's cells (`body`) with this run current, reports an error thrown by a cell
    /// at that cell's line, and records the outputs.
    public func run(_ body: () throws -> Void) {
        do {
            try CellRun.$current.withValue(self) { try body() }
        } catch {
            watchdog?.disarm()
            let (output, line, charts, seconds) = takeCell()
            let message = "the cell threw \(CellOutput.clean(String(describing: error), module: module))"
            finish(
                CellRecord(
                    line: line, status: .failed, output: output, plots: charts,
                    failure: CellFailure(kind: .threw, message: message, line: line), seconds: seconds))
            Issue.record(
                error, Comment(rawValue: "\(lesson):\(line): \(message)"), sourceLocation: location(line: line))
        }
        watchdog?.stop()
        if events == nil { record() }
    }

    /// A cell marked `throws` must throw; the error is its expected result.
    public func expectThrows(line: Int, timeout: Double? = nil, _ body: () throws -> Void) {
        begin(line: line, timeout: timeout)
        do {
            try body()
            watchdog?.disarm()
            let (output, line, charts, seconds) = takeCell()
            let message = "the cell is marked 'throws' but did not throw"
            finish(
                CellRecord(
                    line: line, status: .failed, output: output, plots: charts,
                    failure: CellFailure(kind: .didNotThrow, message: message, line: line), seconds: seconds))
            Issue.record(Comment(rawValue: "\(lesson):\(line): \(message)"), sourceLocation: location(line: line))
        } catch {
            write("error: \(error)\n")
            end()
        }
    }

    /// The current cell's output, line, charts and running time, and a fresh buffer.
    private func takeCell() -> (String, Int, [String], Double) {
        lock.lock()
        defer {
            buffer = ""
            plots = []
            lock.unlock()
        }
        return (CellOutput.clean(buffer, module: module), currentLine, plots, Date().timeIntervalSince(started))
    }

    private func finish(_ cell: CellRecord) {
        lock.lock()
        cells.append(cell)
        lock.unlock()
        events?.send(.end(cell))
    }

    /// Called by the watchdog when the running cell outlived its limit: the cell is recorded as
    /// timed out and the process ends, since a running cell cannot be stopped any other way.
    private func timedOut(line: Int, limit: Double) {
        let (output, _, charts, seconds) = takeCell()
        let message = "the cell ran longer than its limit of \(Self.seconds(limit)) and was stopped"
        finish(
            CellRecord(
                line: line, status: .timedOut, output: output, plots: charts,
                failure: CellFailure(kind: .timedOut, message: message, line: line), seconds: seconds))
        if events == nil { record() }
        FileHandle.standardError.write(Data("\(lesson):\(line): error: \(message)\n".utf8))
        _exit(3)
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    /// Writes the lesson's record to `.litmus/outputs/<lesson>.json` for `litmus render`.
    func record() {
        lock.lock()
        let record = LessonRecord(lesson: lesson, key: key, cells: cells, formulas: formulas)
        lock.unlock()
        try? LessonRecordStore(root: packageRoot).write(record)
    }

    /// `print` for cells: to the current run, or to standard output outside one.
    public static func print(_ items: [Any], separator: String, terminator: String) {
        let text = items.map { "\($0)" }.joined(separator: separator) + terminator
        if let run = current {
            run.write(text)
        } else {
            Swift.print(text, terminator: "")
        }
    }
}
