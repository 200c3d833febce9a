import Foundation
import Testing

/// Text compared with golden files in one folder. With `LITMUS_RECORD=1` in the environment the
/// files are written instead, and the test records an issue, so a recording run never passes
/// unnoticed.
public struct GoldenFiles: Sendable {
    /// The folder of the golden files.
    public let directory: URL
    /// Whether a golden file holds its text and one more line end.
    public let endsWithLineEnd: Bool

    /// Golden files in `directory`.
    public init(directory: URL, endsWithLineEnd: Bool = false) {
        self.directory = directory
        self.endsWithLineEnd = endsWithLineEnd
    }

    /// Expects `actual` to be the text of the golden file `name`, or records it.
    public func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        let text = endsWithLineEnd ? actual + "\n" : actual
        if ProcessInfo.processInfo.environment["LITMUS_RECORD"] == "1" {
            try Data(text.utf8).write(to: url)
            Issue.record("recorded \(name); run again without LITMUS_RECORD", sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(
            text == expected, "golden file \(name) differs; LITMUS_RECORD=1 re-records it",
            sourceLocation: sourceLocation)
    }
}
