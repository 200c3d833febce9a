/// Counts of a lesson's formula verdicts, and the summary box at the top of its page, which
/// lists every mismatch with a link to it.
struct VerdictSummary: Equatable {
    var formulas: Int
    var counts: [FormulaMark.Status: Int]

    init(formulaCount: Int, marks: [Int: FormulaMark]) {
        formulas = formulaCount
        counts = [:]
        for mark in marks.values { counts[mark.status, default: 0] += 1 }
    }

    /// `12 formulas: 7 verified, 1 mismatch, 4 definitions`.
    var line: String {
        var parts: [String] = []
        for status in FormulaMark.Status.allCases {
            guard let count = counts[status], count > 0 else { continue }
            let noun =
                status == .mismatch && count != 1
                ? "mismatches"
                : status == .definition && count != 1 ? "definitions" : status.rawValue
            parts.append("\(count) \(noun)")
        }
        let head = "\(formulas) formula\(formulas == 1 ? "" : "s")"
        return parts.isEmpty ? head : head + ": " + parts.joined(separator: ", ")
    }

    func html(marks: [Int: FormulaMark], latex: (Int) -> String) -> String {
        let mismatches = marks.filter { $0.value.status == .mismatch }.sorted { $0.key < $1.key }
        var out =
            "<section class=\"summary\(mismatches.isEmpty ? "" : " has-mismatch")\" aria-label=\"Formula verdicts\">\n"
        out += "<p>" + HTMLText.escape(line) + (marks.isEmpty ? " (not checked)" : "") + "</p>\n"
        if !mismatches.isEmpty {
            out += "<ul class=\"mismatches\">\n"
            for (index, mark) in mismatches {
                out +=
                    "<li><a href=\"#formula-\(index)\"><code>" + HTMLText.escape(latex(index)) + "</code></a>: "
                    + HTMLText.escape(mark.message) + "</li>\n"
            }
            out += "</ul>\n"
        }
        return out + "</section>\n"
    }
}
