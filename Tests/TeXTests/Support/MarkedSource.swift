import LitmusDiagnostics
import TestSupport
import Testing

/// A test input with position markers (`1️⃣`, `2️⃣`…) removed, and where each marker stood, as
/// swift-syntax's parser tests do: `"$b1️⃣^(l)$"` marks the column of `^`.
struct MarkedSource {
    static let markers = PositionMarkers.markers

    /// The input without markers.
    var text: String
    /// The position of each marker in `text` (1-based line, UTF-8 column).
    var locations: [String: LitmusDiagnostics.SourceLocation]

    init(_ marked: String) {
        let read = PositionMarkers(marked)
        text = read.text
        locations = read.positions.mapValues { LitmusDiagnostics.SourceLocation(line: $0.line, column: $0.column) }
    }

    /// The location of `marker`; fails the test when the input has no such marker.
    subscript(marker: String) -> LitmusDiagnostics.SourceLocation {
        guard let location = locations[marker] else {
            Issue.record("marker \(marker) is not in the test input \(text)")
            return .start
        }
        return location
    }
}
