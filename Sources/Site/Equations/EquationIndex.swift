import LessonMarkdown
import LitmusDiagnostics

/// The site's numbered equations, resolved by Litmus (no browser renders MathML's
/// `mlabeledtr`): on each page the labelled display formulas are numbered (1), (2)… in order
/// (a tag shows itself instead), and every key is known site-wide, so a reference links to its
/// equation on the same page or on another.
struct EquationIndex: Sendable {
    /// What a labelled formula shows and where it can be linked to.
    struct Entry: Hashable, Sendable {
        /// `(3)`, or the tag in parentheses.
        var number: String
        /// The element id of the number (`eq-…`), for a formula with a key.
        var anchor: String?
        /// The page it is on, relative to the site's top.
        var page: String
        /// The formula's index in its lesson.
        var formula = 0
    }

    /// Per lesson (in the site's order): formula index → its entry.
    private(set) var byFormula: [[Int: Entry]] = []
    /// Key → its entry (the first formula to claim a key keeps it).
    private(set) var byKey: [String: Entry] = [:]
    /// Per lesson: warnings for keys claimed twice.
    private(set) var diagnostics: [[Diagnostic]] = []

    init(_ lessons: [SiteLesson]) {
        var anchors: Set<String> = []
        for item in lessons {
            // The lesson's numbers, whatever markup labels its equations (`\label`, d2l's
            // `:eqlabel:`, MyST's `(label)`, Quarto's `{#eq-…}`): one rule, in `EquationNumbers`.
            let numbers = EquationNumbers(item.lesson)
            var entries: [Int: Entry] = [:]
            var warnings: [Diagnostic] = []
            for number in numbers.numbers where item.lesson.math.indices.contains(number.formula) {
                let span = item.lesson.math[number.formula]
                // A formula shows one number, its first (the rows of an `align` share it).
                var entry = entries[number.formula] ?? Entry(number: number.shown, anchor: nil, page: item.pagePath)
                for label in span.labels where number.row == nil || label.row == number.row {
                    if let claimed = byKey[label.name] {
                        if claimed.page != item.pagePath || claimed.formula != number.formula {
                            warnings.append(
                                Diagnostic(
                                    .warning, "site.duplicate-label",
                                    "the equation label '\(label.name)' is used twice", at: label.range))
                        }
                        continue
                    }
                    if entry.anchor == nil {
                        var anchor = Self.anchor(for: label.name)
                        while !anchors.insert(anchor).inserted { anchor += "-" }
                        entry.anchor = anchor
                    }
                    var keyed = entry
                    keyed.number = number.shown
                    keyed.formula = number.formula
                    byKey[label.name] = keyed
                }
                entry.formula = number.formula
                entries[number.formula] = entry
            }
            byFormula.append(entries)
            diagnostics.append(warnings)
        }
    }

    /// `eq-` and the key (less a leading `eq:`, `eq-` or `eq_`) with anything but letters,
    /// digits, `-`, `_`, `.` and `:` made `-`: `eq:loss` is `eq-loss`.
    static func anchor(for key: String) -> String {
        var key = Substring(key)
        for prefix in ["eq:", "eq-", "eq_"] where key.hasPrefix(prefix) && key.count > prefix.count {
            key = key.dropFirst(prefix.count)
        }
        return "eq-"
            + String(
                key.unicodeScalars.map { scalar -> Character in
                    scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                        || "-_.:".unicodeScalars.contains(scalar)
                        ? Character(scalar) : "-"
                })
    }
}

/// Writes the references of one page as links to their equations, and warns about a reference
/// to a key no page defines.
struct EquationLinker {
    let index: EquationIndex
    let page: String
    let rootPrefix: String
    private(set) var diagnostics: [Diagnostic] = []

    init(index: EquationIndex, page: String, rootPrefix: String) {
        self.index = index
        self.page = page
        self.rootPrefix = rootPrefix
    }

    /// `<a class="eqref" href="…">(2)</a>`, or a marked `(??)` with a warning at `range`.
    mutating func link(_ reference: EquationReference, at range: SourceRange?) -> String {
        guard let entry = index.byKey[reference.key], let anchor = entry.anchor else {
            diagnostics.append(
                Diagnostic(
                    .warning, "site.unknown-label", "reference to an unknown equation label '\(reference.key)'",
                    at: range))
            return "<span class=\"eqref missing\" title=\"no equation is labelled "
                + HTMLText.escape(reference.key) + "\">" + (reference.parenthesised ? "(??)" : "??") + "</span>"
        }
        let text = reference.parenthesised ? entry.number : String(entry.number.dropFirst().dropLast())
        let href = (entry.page == page ? "" : rootPrefix + entry.page) + "#" + anchor
        return "<a class=\"eqref\" href=\"" + HTMLText.escape(href) + "\">" + HTMLText.escape(text) + "</a>"
    }
}
