/// A numbered equation: the display formula, the key other formulas and prose refer to it by,
/// and the tag it shows. Labels come from the formula's own LaTeX (`\label{…}`, `\tag{…}`, read
/// by `EquationLabel.read`); a lesson dialect that labels equations otherwise (d2l's `:eqlabel:`,
/// MyST's `(label)`, Quarto's `{#eq-…}`) gives its labels in the same form through
/// `SiteLesson.equationLabels`.
public struct EquationLabel: Hashable, Sendable {
    /// The formula's index in the lesson.
    public var formula: Int
    /// What references name it by; `nil` for a tagged formula nobody can refer to.
    public var key: String?
    /// The tag it shows instead of a number (`\tag{★}` shows `(★)`); `nil` to be numbered.
    public var tag: String?

    public init(formula: Int, key: String?, tag: String? = nil) {
        self.formula = formula
        self.key = key
        self.tag = tag
    }

    /// The labels the display formulas of `math` give themselves with `\label{…}` and `\tag{…}`
    /// (`\tag*{…}` too); `\notag` and `\nonumber` leave a labelled formula unnumbered.
    static func read(_ math: [(index: Int, latex: String, isDisplay: Bool)]) -> [EquationLabel] {
        var labels: [EquationLabel] = []
        for span in math
        where span.isDisplay && TeXCommandScan.mayHold(["label", "tag", "notag", "nonumber"], span.latex) {
            var key: String?
            var tag: String?
            var unnumbered = false
            for (name, argument) in TeXCommandScan.commands(in: span.latex) {
                switch name {
                case "label": key = key ?? argument
                case "tag", "tag*": tag = tag ?? argument
                case "notag", "nonumber": unnumbered = true
                default: continue
                }
            }
            if key == nil, tag == nil { continue }
            if unnumbered, tag == nil { continue }
            labels.append(EquationLabel(formula: span.index, key: key, tag: tag))
        }
        return labels
    }
}

/// A reference to an equation: `\eqref{key}` shows `(1)`, `\ref{key}` shows `1`.
struct EquationReference: Hashable {
    var key: String
    var parenthesised: Bool

    /// The reference a whole formula is (`$\eqref{eq:loss}$`), or `nil`.
    static func whole(_ latex: String) -> EquationReference? {
        // Most formulas are not references: look at how they start.
        let start = latex.utf8.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") }
        guard start.starts(with: "\\eqref".utf8) || start.starts(with: "\\ref".utf8), start.count < 200 else {
            return nil
        }
        let commands = TeXCommandScan.commands(in: latex)
        guard commands.count == 1, let (name, key) = commands.first, name == "eqref" || name == "ref",
            let key, TeXCommandScan.isOnlyCommands(latex)
        else { return nil }
        return EquationReference(key: key, parenthesised: name == "eqref")
    }
}
