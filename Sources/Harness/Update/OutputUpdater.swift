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
            let opening = cell.expectedLine! - 1
            guard opening >= 0, opening < lines.count, let fence = Fence(lines[opening]),
                let closing = (opening + 1..<lines.count).first(where: { fence.isClosed(by: lines[$0]) })
            else { continue }
            var output = cell.output.components(separatedBy: "\n")
            if output.last == "" { output.removeLast() }
            let indented = output.map { $0.isEmpty ? $0 : fence.indent + $0 }
            lines.replaceSubrange((opening + 1)..<closing, with: indented)
            updated.append(cell.expectedLine!)
        }
        return (lines.joined(separator: lineEnding), updated.sorted())
    }

    /// An opening code fence: its indentation, character and length.
    private struct Fence {
        var indent: String
        var character: Character
        var length: Int

        init?(_ line: String) {
            let indent = line.prefix { $0 == " " }
            let rest = line.dropFirst(indent.count)
            guard let first = rest.first, first == "`" || first == "~" else { return nil }
            let run = rest.prefix { $0 == first }
            guard run.count >= 3 else { return nil }
            self.indent = String(indent)
            character = first
            length = run.count
        }

        func isClosed(by line: String) -> Bool {
            let trimmed = line.drop { $0 == " " }
            guard line.count - trimmed.count <= indent.count + 3 else { return false }
            let run = trimmed.prefix { $0 == character }
            return run.count >= length && trimmed.dropFirst(run.count).allSatisfy { $0 == " " || $0 == "\t" }
        }
    }
}
