/// Counts of a lesson's formula verdicts (by span, as the reports count them), and the summary
/// box at the top of its page, which lists every failing formula once with a link to it.
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

    /// The box at the top of the page: the counts, then one entry per formula that is wrong or
    /// does not parse (a formula of several spans once), linking to it, with its counterexample.
    func html(marks: [Int: FormulaMark], latex: (Int) -> String) -> String {
        // The members of each formula that may fail: a group whose first span has a mark that is
        // not a failure is left out at once (most formulas of a long lesson).
        var groups: [Int: [Int]] = [:]
        for (index, mark) in marks {
            let first = mark.group ?? index
            if let lead = marks[first], lead.status != .mismatch, lead.status != .error { continue }
            groups[first, default: []].append(index)
        }
        let failing = groups.keys.sorted().compactMap { first -> (Int, [Int], FormulaMark)? in
            guard let mark = marks[first] ?? groups[first]?.compactMap({ marks[$0] }).first,
                mark.status == .mismatch || mark.status == .error
            else { return nil }
            return (first, groups[first]!.sorted(), mark)
        }
        let hasMismatch = failing.contains { $0.2.status == .mismatch }
        var out =
            "<section class=\"summary\(hasMismatch ? " has-mismatch" : "")\" aria-label=\"Formula verdicts\">\n"
        out += "<p>" + HTMLText.escape(line) + (marks.isEmpty ? " (not checked)" : "") + "</p>\n"
        if !failing.isEmpty {
            out += "<ul class=\"mismatches\">\n"
            for (first, members, mark) in failing {
                // A long formula is named by its start: the link leads to the whole of it.
                var source = members.map(latex).joined(separator: " ")
                if source.count > 90 { source = String(source.prefix(80)) + " …" }
                out +=
                    "<li class=\"\(mark.status.rawValue)\"><a href=\"#formula-\(first)\"><code>"
                    + HTMLText.escape(source)
                    + "</code></a>: " + HTMLText.escape(mark.message) + "\n"
                if let example = mark.counterexample { out += CounterexampleView.html(example) }
                out += "</li>\n"
            }
            out += "</ul>\n"
        }
        return out + "</section>\n"
    }
}
