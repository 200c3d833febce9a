import Foundation
import Testing

/// Compares text with a golden file under `Tests/TeXTests/Golden/`; with `LITMUS_RECORD=1` in the
/// environment it writes the file instead (and the test records an issue so a recording run
/// never passes unnoticed).
enum Golden {
    /// `Tests/TeXTests/Golden/`, found from this file, `Tests/TeXTests/Support/Golden.swift`.
    static func directory() -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Golden")
    }

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory().appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["LITMUS_RECORD"] == "1" {
            try (actual + "\n").write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(name); run again without LITMUS_RECORD", sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(
            actual + "\n" == expected, "golden file \(name) differs; LITMUS_RECORD=1 re-records it",
            sourceLocation: sourceLocation)
    }
}
