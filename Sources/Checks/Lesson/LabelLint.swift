import Formulas
import LitmusDiagnostics
import TeX

/// `x^{l-1}` in a lesson that writes `x^{(l-1)}` elsewhere: a layer label written as a power.
/// The formula is read with the label (the lint only says so).
enum LabelLint {
    /// The warnings for one formula's tree, relative to its LaTeX.
    static func diagnostics(_ root: TeXNode, survey: NameSurvey) -> [Diagnostic] {
        // A lesson that writes no label in parentheses has none to write as a power.
        guard !survey.layerLabels.isEmpty else { return [] }
        var out: [Diagnostic] = []
        var stack = [root]
        while let node = stack.popLast() {
            stack.append(contentsOf: node.children)
            guard case .scripts(let scripts) = node.kind, let sup = scripts.sup,
                let base = NameSurvey.baseName(scripts.base), let labels = survey.layerLabels[base]
            else { continue }
            let inner = sup.children
            if inner.contains(where: { if case .fenced = $0.kind { true } else { false } }) { continue }
            let text = NameSurvey.compact(NameSurvey.text(sup))
            guard labels.contains(text), text.contains(where: \.isLetter) else { continue }
            out.append(
                Diagnostic(
                    .warning, .checkLabelAsPower,
                    "`\(base)^{\(text)}` reads as a power; the lesson writes the label `\(base)^{(\(text))}` "
                        + "elsewhere, so it is read as that label",
                    at: sup.range, fixIts: [Diagnostic.FixIt(range: sup.range, replacement: "{(\(text))}")]))
        }
        return out
    }
}
