import Foundation
import Testing

/// Runs one lesson's cells inside a generated test: collects each cell's printed output,
/// compares it with the lesson's ```` ```output ```` block, and reports every failure at the
/// lesson's own path and line. The outputs are recorded under `.litmus/` for the renderer.
///
/// Cells print through the generated file's `print`, which writes to the run of the current
/// task (`CellRun.current`), so lessons running in parallel never mix their outputs.
public final class CellRun: @unchecked Sendable {
    /// The run that `print` in a cell writes to.
    @TaskLocal public static var current: CellRun?

    /// One cell's record.
    public struct Cell: Codable, Sendable, Equatable {
        public var line: Int
        public var output: String
        public var expected: String?
        public var matched: Bool?
        public var failed: Bool
        /// Charts the cell drew with `plot`, as SVG.
        public var plots: [String] = []
    }

    /// The lesson path as written in the generated file (`notebooks/x.md`).
    public let lesson: String
    private let packageRoot: URL
    private let lock = NSLock()
    private var buffer = ""
    private var plots: [String] = []
    private var currentLine = 0
    private(set) public var cells: [Cell] = []

    /// A run of `lesson`; `generatedFile` (`#filePath` of the generated file) locates the package.
    public init(lesson: String, generatedFile: String) {
        self.lesson = lesson
        packageRoot = URL(fileURLWithPath: generatedFile).deletingLastPathComponent().deletingLastPathComponent()
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
    }

    /// A chart drawn by the current cell.
    func addPlot(_ svg: String) {
        lock.lock()
        plots.append(svg)
        lock.unlock()
    }

    /// The cell starting at the lesson's line `line` begins.
    public func begin(line: Int) {
        lock.lock()
        buffer = ""
        plots = []
        currentLine = line
        lock.unlock()
    }

    /// The cell ends: its output is compared with `expected` (the ```output block at
    /// `expectedLine`), if any.
    public func end(expected: String? = nil, expectedLine: Int? = nil) {
        lock.lock()
        let output = buffer
        let line = currentLine
        let charts = plots
        lock.unlock()
        var matched: Bool?
        if let expected {
            let ok = OutputMatcher.matches(expected: expected, actual: output)
            matched = ok
            if !ok {
                Issue.record(
                    Comment(
                        rawValue: "\(lesson):\(expectedLine ?? line): "
                            + OutputMatcher.diff(expected: expected, actual: output)),
                    sourceLocation: location(line: expectedLine ?? line))
            }
        }
        cells.append(
            Cell(line: line, output: output, expected: expected, matched: matched, failed: false, plots: charts))
    }

    /// Runs the lesson's cells (`body`) with this run current, reports an error thrown by a cell
    /// at that cell's line, and records the outputs.
    public func run(_ body: () throws -> Void) {
        do {
            try CellRun.$current.withValue(self) { try body() }
        } catch {
            lock.lock()
            let line = currentLine
            let output = buffer
            lock.unlock()
            cells.append(Cell(line: line, output: output, expected: nil, matched: nil, failed: true))
            Issue.record(
                error, Comment(rawValue: "\(lesson):\(line): the cell threw \(error)"),
                sourceLocation: location(line: line))
        }
        record()
    }

    /// A cell marked `throws` must throw; the error is its expected result.
    public func expectThrows(line: Int, _ body: () throws -> Void) {
        begin(line: line)
        do {
            try body()
            Issue.record(
                Comment(rawValue: "\(lesson):\(line): the cell is marked 'throws' but did not throw"),
                sourceLocation: location(line: line))
        } catch {
            write("error: \(error)\n")
        }
        end()
    }

    /// Writes the outputs to `.litmus/outputs/<lesson>.json` for `litmus render` and `litmus test`.
    private func record() {
        let url = packageRoot.appendingPathComponent(".litmus/outputs").appendingPathComponent(lesson + ".json")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        guard let data = try? encoder.encode(cells) else { return }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: url)
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
