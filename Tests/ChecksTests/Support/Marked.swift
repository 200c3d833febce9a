import Checks

/// A lesson text with markers (`1️⃣`, `2️⃣`…) placed right before formulas: the text without
/// them, and where each marker stood (1-based line and UTF-8 column).
struct Marked {
    static let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟"]

    let text: String
    let positions: [String: (line: Int, column: Int)]

    init(_ marked: String) {
        var positions: [String: (line: Int, column: Int)] = [:]
        var lines: [String] = []
        for (number, line) in marked.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = String(line)
            while let (marker, range) = Self.markers.compactMap({ marker in rest.range(of: marker).map { (marker, $0) }
            })
            .min(by: { $0.1.lowerBound < $1.1.lowerBound }) {
                positions[marker] = (number + 1, rest[..<range.lowerBound].utf8.count + 1)
                rest.removeSubrange(range)
            }
            lines.append(rest)
        }
        self.text = lines.joined(separator: "\n")
        self.positions = positions
    }

    /// The verdict of the formula at `marker` in `report`.
    func verdict(_ marker: String, in report: LessonReport) -> Verdict? {
        guard let position = positions[marker] else { return nil }
        return report.formula(position.line, position.column)?.verdict
    }
}
