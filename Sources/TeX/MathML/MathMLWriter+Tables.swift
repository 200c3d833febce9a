// Environments as <mtable>: matrices inside stretchy fences, `cases` as a left brace and a
// left-aligned table, `align`-like environments alternating right and left columns.
extension MathMLWriter {
    func emitEnvironment(_ environment: Environment, font: MathFont, into out: inout MathMLOutput) {
        let kind =
            EnvironmentKind.named(environment.name)
            ?? EnvironmentKind(open: nil, close: nil, alignment: .center, displayStyle: false)
        let fenced = kind.open != nil || kind.close != nil
        if fenced { out += "<mrow>" }
        if let open = kind.open { emitDelimiter(open, form: "prefix", stretchy: true, into: &out) }
        if kind.small { out += "<mstyle scriptlevel=\"1\">" }
        out += "<mtable displaystyle=\"\(kind.displayStyle)\">"
        let alignments = columnAlignments(environment, kind)
        for row in environment.rows {
            out += "<mtr>"
            for (column, cell) in row.enumerated() {
                let alignment = column < alignments.count ? alignments[column] : alignments.last ?? "center"
                if alignment == "center" {
                    out += "<mtd>"
                } else {
                    out += "<mtd columnalign=\"\(alignment)\" style=\"text-align:\(alignment)\">"
                }
                emitContents(of: cell, font: font, into: &out)
                out += "</mtd>"
            }
            out += "</mtr>"
        }
        out += "</mtable>"
        if kind.small { out += "</mstyle>" }
        if let close = kind.close { emitDelimiter(close, form: "postfix", stretchy: true, into: &out) }
        if fenced { out += "</mrow>" }
    }

    /// The alignment of each column: from `array`'s `{lcr}` spec, or the environment's rule.
    private func columnAlignments(_ environment: Environment, _ kind: EnvironmentKind) -> [String] {
        if let spec = environment.columnSpec, environment.name == "array" {
            let columns: [String] = spec.compactMap {
                switch $0 {
                case "l": "left"
                case "r": "right"
                case "c": "center"
                default: nil
                }
            }
            if !columns.isEmpty { return columns }
        }
        let count = max(environment.columnCount, 1)
        switch kind.alignment {
        case .center: return ["center"]
        case .left: return ["left"]
        case .alternating: return (0..<count).map { $0 % 2 == 0 ? "right" : "left" }
        }
    }
}
