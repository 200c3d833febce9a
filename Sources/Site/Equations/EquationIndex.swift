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
            let labels =
                item.equationLabels
                ?? EquationLabel.read(item.lesson.math.map { ($0.index, $0.latex, $0.isDisplay) })
            var entries: [Int: Entry] = [:]
            var warnings: [Diagnostic] = []
            var counter = 0
            for label in labels.sorted(by: { $0.formula < $1.formula }) where entries[label.formula] == nil {
                let number: String
                if let tag = label.tag {
                    number = "(" + tag + ")"
                } else {
                    counter += 1
                    number = "(\(counter))"
                }
                var entry = Entry(number: number, anchor: nil, page: item.pagePath)
                if let key = label.key {
                    if byKey[key] == nil {
                        var anchor = Self.anchor(for: key)
                        while !anchors.insert(anchor).inserted { anchor += "-" }
                        entry.anchor = anchor
                        byKey[key] = entry
                    } else if label.formula < item.lesson.math.count {
                        warnings.append(
                            Diagnostic(
                                .warning, "site.duplicate-label", "the equation label '\(key)' is used twice",
                                at: item.lesson.math[label.formula].range))
                    }
                }
                entries[label.formula] = entry
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

    /// Prose with its `\eqref{…}` and `\ref{…}` written as links, the rest escaped.
    mutating func linkingReferences(in text: String, at range: SourceRange?) -> String {
        var out = ""
        var rest = text[...]
        while let start = rest.range(of: "\\eqref{") ?? rest.range(of: "\\ref{") {
            let earliest =
                [rest.range(of: "\\eqref{"), rest.range(of: "\\ref{")].compactMap { $0 }
                .min { $0.lowerBound < $1.lowerBound } ?? start
            guard let close = rest[earliest.upperBound...].firstIndex(of: "}") else { break }
            out += HTMLText.escape(String(rest[..<earliest.lowerBound]))
            let key = String(rest[earliest.upperBound..<close])
            let parenthesised = rest[earliest].hasPrefix("\\eqref")
            out += link(EquationReference(key: key, parenthesised: parenthesised), at: range)
            rest = rest[rest.index(after: close)...]
        }
        return out + HTMLText.escape(String(rest))
    }
}
