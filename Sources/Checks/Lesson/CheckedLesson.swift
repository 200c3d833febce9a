import Formulas
import LessonMarkdown
import LitmusDiagnostics
import TeX

/// A lesson read once, for every later stage: each formula's syntax tree (parsed with the
/// lesson's `\newcommand` and `\DeclareMathOperator` macros carried from formula to formula in
/// document order), its typed reading and its verdict. The site renders the trees and marks the
/// verdicts, the harness compiles the readings, `litmus check` prints the report; nobody parses
/// a formula again.
public struct CheckedLesson: Sendable {
    /// The lesson as read.
    public var lesson: Lesson
    /// One entry per math span, in document order.
    public var formulas: [CheckedFormula]
    /// Diagnostics in file coordinates, sorted by position: the lesson reader's, the TeX
    /// parser's errors and lints, and the reading's own lints.
    public var diagnostics: [Diagnostic]

    /// The report of the verdicts (what `litmus check` prints as text or JSON).
    public var report: LessonReport {
        LessonReport(
            path: lesson.path,
            formulas: formulas.map { formula in
                FormulaReport(
                    index: formula.span.index, range: formula.span.range, isDisplay: formula.span.isDisplay,
                    latex: formula.span.latex, group: formula.group, verdict: formula.verdict,
                    statesRelation: formula.statesRelation)
            },
            diagnostics: diagnostics)
    }
}

/// One formula of a checked lesson.
public struct CheckedFormula: Sendable {
    /// The span as the lesson reader found it (position, LaTeX, display or inline).
    public var span: MathSpan
    /// The parse: the tree, its MathML, its diagnostics (relative to the LaTeX) and the macros
    /// in force after it.
    public var parse: TeXParseResult
    /// The index of the first span of the formula's group (`$W$ $x =$ $z$` is one formula).
    public var group: Int
    /// The statements the reading made of the formula (its group's, on the group's first span);
    /// empty when it could not be read.
    public var statements: [Formula]
    /// The kinds the reading gave the symbols the formula uses.
    public var kinds: [Symbol: SymbolKind]
    /// Where the reading draws the formula's symbols from, for those it knows more of than
    /// "any real number" (a distribution, a probability, a positive slope, one-hot).
    public var domains: [Symbol: Domain] = [:]
    /// The Swift function of the lesson's cells an annotation after the formula names
    /// (`<!-- litmus: code=mySoftsign -->`), on the group's first span.
    public var code: String?
    /// Whether the formula states a relation (`=`, `\le`, `\in`, `\leftarrow`…) at its top level.
    public var statesRelation: Bool
    /// What Litmus decided.
    public var verdict: Verdict

    /// The verdict's status, as the site marks it.
    public var status: Verdict.Status { verdict.status }
}
