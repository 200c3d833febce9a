import LessonMarkdown
import TeX

/// Each formula of a lesson as MathML (from the `TeX` module, so what is rendered is what was
/// verified), wrapped with its verdict mark: the message shows on hover and on keyboard focus.
enum MathRenderer {
    /// The HTML of each formula; `anchors` gives each its `formula-N` id (not for formulas in
    /// a cell's output, which are not the lesson's).
    static func render(_ lesson: Lesson, marks: [Int: FormulaMark], anchors: Bool = true) -> [String] {
        var macros = MacroTable.standard
        return lesson.math.map { span in
            var parser = TeXParser(display: span.isDisplay, macros: macros)
            parser.lints = false  // the page shows the formula; lints are reported by check
            let result = parser.parse(span.latex)
            macros = result.macros
            return wrap(
                result.mathML, index: anchors ? span.index : nil, display: span.isDisplay, mark: marks[span.index])
        }
    }

    static func wrap(_ mathML: String, index: Int?, display: Bool, mark: FormulaMark?) -> String {
        // Always a span, shown as a block for display math: a formula may stand inside a <p>.
        let tag = "span"
        var classes = "formula " + (display ? "display" : "inline")
        var attributes = index.map { " id=\"formula-\($0)\"" } ?? ""
        var badge = ""
        if let mark {
            classes += " " + mark.status.rawValue
            let message = HTMLText.escape("\(mark.status.rawValue): \(mark.message)")
            attributes += " tabindex=\"0\" title=\"\(message)\" data-verdict=\"\(message)\""
            badge = "<span class=\"verdict\" aria-hidden=\"true\">\(mark.symbol)</span>"
        }
        return "<\(tag) class=\"\(classes)\"\(attributes)>" + mathML + badge + "</\(tag)>"
    }
}
