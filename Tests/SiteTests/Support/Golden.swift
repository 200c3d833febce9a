import Foundation
import Testing

/// Golden files under `Tests/SiteTests/Golden/`; `LITMUS_RECORD=1 swift test` re-records them.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static func check(_ actual: String, name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
    {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["LITMUS_RECORD"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(
            actual == expected, "differs from \(name); LITMUS_RECORD=1 re-records it", sourceLocation: sourceLocation)
    }
}
