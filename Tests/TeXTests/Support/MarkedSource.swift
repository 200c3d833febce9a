import LitmusDiagnostics
import Testing

/// A test input with position markers (`1️⃣`, `2️⃣`…) removed, and where each marker stood, as
/// swift-syntax's parser tests do: `"$b1️⃣^(l)$"` marks the column of `^`.
struct MarkedSource {
    static let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    /// The input without markers.
    var text: String
    /// The position of each marker in `text` (1-based line, UTF-8 column).
    var locations: [String: LitmusDiagnostics.SourceLocation]

    init(_ marked: String) {
        var text = ""
        var locations: [String: LitmusDiagnostics.SourceLocation] = [:]
        var line = 1
        var column = 1
        var rest = Substring(marked)
        while let character = rest.first {
            if let marker = Self.markers.first(where: { rest.hasPrefix($0) }) {
                locations[marker] = LitmusDiagnostics.SourceLocation(line: line, column: column)
                rest = rest.dropFirst(marker.count)
                continue
            }
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.utf8.count
            }
            rest = rest.dropFirst()
        }
        self.text = text
        self.locations = locations
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
