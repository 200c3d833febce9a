import LitmusDiagnostics
import TestSupport

/// Positions marked inside a test input with keycap emoji (`1️⃣`…`9️⃣`), as swift-syntax's
/// tests do: the markers are removed, and each one's position (1-based line, UTF-8 column of
/// the byte that followed it) is returned by name (`"1"` for `1️⃣`).
struct MarkedSource {
    let text: String
    let markers: [String: SourceLocation]

    init(_ marked: String) {
        let read = PositionMarkers(marked)
        text = read.text
        var markers: [String: SourceLocation] = [:]
        for (marker, position) in read.positions {
            markers[String(marker.unicodeScalars.first!)] = SourceLocation(line: position.line, column: position.column)
        }
        self.markers = markers
    }

    subscript(_ name: String) -> SourceLocation {
        guard let location = markers[name] else { fatalError("no marker \(name) in the test input") }
        return location
    }
}
