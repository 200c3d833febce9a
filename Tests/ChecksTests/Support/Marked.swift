import Checks
import TestSupport

/// A lesson text with markers (`1️⃣`, `2️⃣`…) placed right before formulas: the text without
/// them, and where each marker stood (1-based line and UTF-8 column).
struct Marked {
    static let markers = PositionMarkers.markers

    let text: String
    let positions: [String: (line: Int, column: Int)]

    init(_ marked: String) {
        let read = PositionMarkers(marked)
        text = read.text
        positions = read.positions.mapValues { ($0.line, $0.column) }
    }

    /// The verdict of the formula at `marker` in `report`.
    func verdict(_ marker: String, in report: LessonReport) -> Verdict? {
        guard let position = positions[marker] else { return nil }
        return report.formula(position.line, position.column)?.verdict
    }
}
