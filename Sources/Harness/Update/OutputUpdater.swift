import CellRecords

/// `litmus test --update`: rewrites a Markdown lesson's ```` ```output ```` blocks whose cell
/// printed something else, from the run's record (as Documenter's `doctest = :fix` does). Only
/// the lines between those blocks' fences change; the review of the diff is the author's.
public enum OutputUpdater {
    /// The lesson text with every mismatched block's contents replaced by what its cell printed,
    /// and the lines of the blocks it rewrote.
    public static func update(_ text: String, record: LessonRecord) -> (text: String, updatedLines: [Int]) {
        let lineEnding = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.components(separatedBy: lineEnding)
        var updated: [Int] = []
        // From the bottom up, so earlier line numbers stay right.
        let cells = record.cells.filter { $0.failure?.kind == .outputMismatch && $0.expectedLine != nil }
        for cell in cells.sorted(by: { $0.expectedLine! > $1.expectedLine! }) {
            guard let block = FencedBlock(lines: lines, opening: cell.expectedLine! - 1) else { continue }
            lines = block.replacingContents(of: lines, with: cell.output)
            updated.append(cell.expectedLine!)
        }
        return (lines.joined(separator: lineEnding), updated.sorted())
    }
}
