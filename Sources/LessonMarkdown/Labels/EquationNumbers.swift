/// The numbers a lesson's equations are shown with, and the label each reference resolves to.
///
/// The rule every dialect shares (d2l, MyST and Quarto number labelled equations only, and
/// Jupyter's MathJax numbers none unless told): a display formula is numbered when it carries a
/// label, in document order from 1, unless it says `\nonumber`/`\notag` or is a starred
/// environment; a `\tag{…}` replaces the number with its text. A `\label` on one row of an
/// `align` numbers that row. References resolve by label name.
public struct EquationNumbers: Sendable {
    /// One number: the formula, the row it stands beside (`nil` for the whole formula), the text
    /// shown (`3`, or a tag's text) and whether it goes in parentheses (not for `\tag*`).
    public struct Number: Hashable, Sendable {
        public var formula: Int
        public var row: Int?
        public var text: String
        public var parenthesized: Bool

        /// The number as a reader sees it: `(3)`, `(A.1)` or a starred tag's bare text.
        public var shown: String { parenthesized ? "(\(text))" : text }
    }

    /// Every number, in document order.
    public private(set) var numbers: [Number] = []
    /// The number of each label, by name (the first label of a name wins).
    public private(set) var byLabel: [String: Number] = [:]
    /// The labels written twice, with every formula after the first that writes them.
    public private(set) var duplicateLabels: [(name: String, formula: Int)] = []

    /// Numbers the display formulas of `lesson`.
    public init(_ lesson: Lesson) {
        var counter = 0
        for span in lesson.math where span.isDisplay {
            // Rows that carry a tag or a `\label`; a dialect's label numbers the whole formula.
            var rows: [Int?] = []
            if span.labels.contains(where: { $0.row == nil }) || span.labels.isEmpty && !span.tags.isEmpty {
                rows = [nil]
            } else {
                for row in Set(span.labels.compactMap(\.row) + span.tags.map(\.row)).sorted() { rows.append(row) }
            }
            for row in rows {
                let tag = span.tags.first { row == nil || $0.row == row }
                let number: Number
                if let tag {
                    number = Number(formula: span.index, row: row, text: tag.text, parenthesized: !tag.starred)
                } else {
                    guard !span.isUnnumbered || (row ?? 0) > 0 else { continue }
                    counter += 1
                    number = Number(formula: span.index, row: row, text: String(counter), parenthesized: true)
                }
                numbers.append(number)
                for label in span.labels where label.row == row || (row == nil) {
                    if byLabel[label.name] == nil {
                        byLabel[label.name] = number
                    } else if byLabel[label.name]?.formula != span.index {
                        duplicateLabels.append((label.name, span.index))
                    }
                }
            }
        }
    }

    /// The number `reference` points at; `nil` when no numbered equation carries its label.
    public func number(for reference: LabelReference) -> Number? { byLabel[reference.target] }
}
