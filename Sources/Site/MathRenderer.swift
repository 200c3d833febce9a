import Checks
import LessonMarkdown
import TeX

/// Each formula of a lesson as MathML (from the `TeX` module, so what is rendered is what was
/// verified), wrapped with its verdict mark: the message shows on hover and on keyboard focus.
enum MathRenderer {
    /// The HTML of each formula; `anchors` gives each its `formula-N` id (not for formulas in
    /// a cell's output, which are not the lesson's). A formula written as several spans shows
    /// its verdict once, after its last span.
    ///
    /// A labelled display formula shows its number at the right margin (`numbers`); a formula
    /// that is only a reference (`$\eqref{eq:loss}$`) is written as a link by `linker`.
    ///
    /// With `checked`, each formula is the checker's own parse (read once, its macros carried
    /// from formula to formula); otherwise the formulas are parsed here, in order.
    static func render(
        _ lesson: Lesson, checked: CheckedLesson? = nil, marks: [Int: FormulaMark], anchors: Bool = true,
        numbers: [Int: EquationIndex.Entry] = [:], linker: inout EquationLinker?
    ) -> [String] {
        // By the span's index in `lesson.math`.
        var parses = [TeXParseResult?](repeating: nil, count: lesson.math.count)
        let formulas = checked?.formulas ?? []
        for position in formulas.indices {
            let span = formulas[position].span
            if span.latex == lesson.math[safe: span.index]?.latex { parses[span.index] = formulas[position].parse }
        }
        var macros = MacroTable.standard
        var lastOfGroup: [Int: Int] = [:]
        for (index, mark) in marks {
            if let group = mark.group { lastOfGroup[group] = max(lastOfGroup[group] ?? 0, index) }
        }
        return lesson.math.map { span in
            if linker != nil, let reference = EquationReference.whole(span.latex) {
                return linker!.link(reference, at: span.range)
            }
            let result: TeXParseResult
            if let parse = parses[safe: span.index] ?? nil {
                result = parse
            } else {
                var parser = TeXParser(display: span.isDisplay, macros: macros)
                parser.lints = false  // the page shows the formula; lints are reported by check
                result = parser.parse(span.latex)
            }
            macros = result.macros
            let mark = marks[span.index]
            let badge = mark.map { mark in mark.group.map { lastOfGroup[$0] == span.index } ?? true } ?? false
            return wrap(
                result.mathML, index: anchors ? span.index : nil, display: span.isDisplay, mark: mark, badge: badge,
                number: numbers[span.index])
        }
    }

    /// `render` for formulas that are not the lesson's (a cell's Markdown output): no anchors,
    /// numbers or references.
    static func render(_ lesson: Lesson, marks: [Int: FormulaMark], anchors: Bool) -> [String] {
        var linker: EquationLinker?
        return render(lesson, marks: marks, anchors: anchors, linker: &linker)
    }

    /// The tooltip and spoken text of a mark: status, message, and a compact counterexample.
    static func description(of mark: FormulaMark) -> String {
        var text = mark.spokenStatus + ": " + mark.message
        if let example = mark.counterexample { text += " — counterexample " + CounterexampleView.line(example) }
        return text
    }

    static func wrap(
        _ mathML: String, index: Int?, display: Bool, mark: FormulaMark?, badge: Bool = true,
        number: EquationIndex.Entry? = nil
    ) -> String {
        // Always a span, shown as a block for display math: a formula may stand inside a <p>.
        var classes = "formula " + (display ? "display" : "inline")
        var attributes = index.map { " id=\"formula-\($0)\"" } ?? ""
        var after = ""
        if let mark {
            classes += " " + mark.status.rawValue
            let text = HTMLText.escape(description(of: mark))
            attributes += " tabindex=\"0\" title=\"\(text)\" data-verdict=\"\(text)\""
            // The mark stands apart from the formula (a boxed sans-serif sign, never a superscript),
            // and says in words what it means to a screen reader.
            if badge {
                after =
                    "<span class=\"verdict\"><span aria-hidden=\"true\">\(mark.symbol)</span>"
                    + "<span class=\"visually-hidden\"> (\(text))</span></span>"
            }
        }
        if let number {
            // At the right margin, outside the MathML (no browser lays out `mlabeledtr`).
            classes += " numbered"
            after += "<span class=\"eqno\"" + (number.anchor.map { " id=\"\(HTMLText.escape($0))\"" } ?? "") + ">"
            after += HTMLText.escape(number.number) + "</span>"
        }
        var html = "<span class=\"\(classes)\"\(attributes)>"
        html.reserveCapacity(html.utf8.count + mathML.utf8.count + after.utf8.count + 7)
        html += mathML
        html += after
        html += "</span>"
        return html
    }
}

extension Array {
    /// The element at `index`, or nil past the ends.
    fileprivate subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
