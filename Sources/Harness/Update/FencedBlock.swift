/// A fenced code block of a Markdown lesson, found from its opening line: where its contents are
/// and how they are indented, so a tool can replace exactly those lines (`--update` rewrites an
/// output block, `sync --from-code` a cell).
struct FencedBlock {
    /// 0-based indices of the opening and closing fence lines.
    var opening: Int
    var closing: Int
    /// The opening fence's indentation (a block in a list item is indented), which every line of
    /// its contents carries.
    var indent: String

    /// The block whose opening fence is on `lines[opening]`; nil when that line opens none or the
    /// block is not closed.
    init?(lines: [String], opening: Int) {
        guard opening >= 0, opening < lines.count else { return nil }
        let line = lines[opening]
        let indent = line.prefix { $0 == " " }
        let rest = line.dropFirst(indent.count)
        guard let character = rest.first, character == "`" || character == "~" else { return nil }
        let length = rest.prefix { $0 == character }.count
        guard length >= 3 else { return nil }
        func closes(_ candidate: String) -> Bool {
            let trimmed = candidate.drop { $0 == " " }
            guard candidate.count - trimmed.count <= indent.count + 3 else { return false }
            let run = trimmed.prefix { $0 == character }
            return run.count >= length && trimmed.dropFirst(run.count).allSatisfy { $0 == " " || $0 == "\t" }
        }
        guard let closing = (opening + 1..<lines.count).first(where: { closes(lines[$0]) }) else { return nil }
        self.opening = opening
        self.closing = closing
        self.indent = String(indent)
    }

    /// `lines` with this block's contents replaced by `text`, indented as the fence is.
    func replacingContents(of lines: [String], with text: String) -> [String] {
        var new = text.components(separatedBy: "\n")
        if new.last == "" { new.removeLast() }
        var out = lines
        out.replaceSubrange((opening + 1)..<closing, with: new.map { $0.isEmpty ? $0 : indent + $0 })
        return out
    }
}
