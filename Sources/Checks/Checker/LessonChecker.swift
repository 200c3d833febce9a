import Formulas
import Foundation
import LessonMarkdown
import LitmusDiagnostics
import TeX

/// Checks every formula of a lesson, in order, against the catalog's engine functions and the
/// lesson's own earlier definitions.
///
/// Each span gets exactly one verdict. Spans of one group (`$W$ $x =$ $z$`) are read as one
/// formula and share its verdict. TeX errors and lints are reported in file coordinates.
public struct LessonChecker: Sendable {
    /// The names Litmus binds to engine functions.
    public var catalog: Catalog
    /// How many sample points each comparison uses.
    public var samples: Int

    /// Longer formulas are not checked (their LaTeX is still parsed and linted).
    public static let maximumFormulaBytes = 8_000

    /// Creates a checker over `catalog` (NeuralCore's by default).
    public init(catalog: Catalog = .neuralCore, samples: Int = 16) {
        self.catalog = catalog
        self.samples = samples
    }

    /// The report of one lesson (on a thread with a large stack, whichever thread asks).
    public func check(_ lesson: Lesson) -> LessonReport {
        LargeStack.run { [self] in checkOnThisThread(lesson) }
    }

    private func checkOnThisThread(_ lesson: Lesson) -> LessonReport {
        var state = LessonState(catalog: catalog)
        var diagnostics = lesson.diagnostics
        var formulas: [FormulaReport] = []
        let annotations = Annotation.find(in: lesson)
        var verdicts: [Int: Verdict] = [:]
        var parsed: [Int: ParsedSpan] = [:]
        for span in lesson.math {
            let result = TeX.parse(span.latex, display: span.isDisplay)
            // `root` is built from the parser's flat tree on each call: build it once per span.
            parsed[span.index] = ParsedSpan(diagnostics: result.diagnostics, root: result.root)
            diagnostics += result.diagnostics.map(span.fileDiagnostic)
        }
        let leaders = Self.formulaLeaders(lesson.math, parsed: parsed)
        state.functionKeys.formUnion(lesson.math.compactMap { Self.functionHeadKey($0.latex) })
        state.index = Self.index(lesson.math, parsed: parsed, functionKeys: state.functionKeys)
        for span in lesson.math {
            let verdict: Verdict
            let leader = leaders[span.index]
            if leader != span.index, let first = verdicts[leader] {
                let start = lesson.math[leader].range.start
                verdict = Verdict(
                    first.status, "part of the formula at \(start.line):\(start.column): \(first.message)",
                    against: first.against, counterexample: first.counterexample)
            } else {
                let members = lesson.math.filter { leaders[$0.index] == span.index }
                verdict = judge(
                    members, parsed: parsed,
                    annotation: annotations[members.map(\.index).max() ?? span.index]
                        ?? annotations[span.index], state: &state)
            }
            verdicts[span.index] = verdict
            formulas.append(
                FormulaReport(
                    index: span.index, range: span.range, isDisplay: span.isDisplay,
                    latex: span.latex, group: leader, verdict: verdict))
        }
        diagnostics.sort { $0.location < $1.location }
        return LessonReport(path: lesson.path, formulas: formulas, diagnostics: diagnostics)
    }

    /// The name a formula defines as a function, `H` of `H(p) = …`, `D_{KL}` of
    /// `D_{KL}(t \| p) = …`: so `H(t, p)` reads as a call everywhere in the lesson, not as H·(t, p).
    /// Loss names (`L(w) = …`) stay quantities.
    static func functionHeadKey(_ latex: String) -> String? {
        // Most spans are not `Name(…) = …`: only a capital letter first and a `=` are worth a regex.
        guard let first = latex.first(where: { $0 != " " && $0 != "\n" }), first.isASCII, first.isUppercase,
            latex.contains("="), latex.contains("(")
        else { return nil }
        let pattern =
            #/^\s*([A-Z]|\\[A-Za-z]+)(?:_\{?([A-Za-z]+)\}?)?\s*(?:\\left)?\(\s*[A-Za-z](?:\s*(?:,|\\\||\\parallel)\s*[A-Za-z])*\s*(?:\\right)?\)\s*=/#
        guard let match = latex.firstMatch(of: pattern) else { return nil }
        let name = String(match.output.1)
        guard !FormulaJudge.lossNames.contains(name), name.first != "\\" || name.count > 2 else { return nil }
        if let index = match.output.2 { return FunctionName("\(name)_{\(index)}").key }
        return name.hasPrefix("\\") ? nil : FunctionName(name).key
    }

    /// The symbols every formula of the lesson uses, read span by span before checking.
    static func index(_ spans: [MathSpan], parsed: [Int: ParsedSpan], functionKeys: Set<String>) -> LessonIndex {
        var index = LessonIndex()
        let lowerer = Lowerer(functionKeys: functionKeys)
        for span in spans where span.latex.utf8.count <= maximumFormulaBytes {
            guard let root = parsed[span.index]?.root, let statements = try? lowerer.lowerStatements(root) else {
                continue
            }
            for formula in statements { index.record(formula, line: span.range.start.line) }
        }
        return index
    }

    /// For each span, the first span of the formula it belongs to. Spans of one group (only white
    /// space between them) are read as one formula where a span ends with a relation (`$x =$ $z$`)
    /// or the next starts with one, together with relation-free spans just before such a run
    /// (`$W$ $x =$ $z$`); otherwise each span stands alone (`$b$ $L = …$` are two formulas).
    static func formulaLeaders(_ spans: [MathSpan], parsed: [Int: ParsedSpan]) -> [Int] {
        var leaders = spans.map(\.index)
        let layouts = spans.map { span in parsed[span.index].map { Lowerer.relationLayout($0.root) } }
        var index = 1
        while index < spans.count {
            let previous = index - 1
            if spans[index].group == spans[previous].group,
                layouts[previous]?.endsWithRelation == true || layouts[index]?.startsWithRelation == true
            {
                leaders[index] = leaders[previous]
            }
            index += 1
        }
        // `$W$ $x =$ $z$`: a relation-free span joins a run whose first span only ends with its relation.
        for index in spans.indices.dropLast().reversed() {
            let next = index + 1
            guard spans[index].group == spans[next].group, leaders[next] == next, leaders[index] == index,
                layouts[index]?.count == 0, let layout = layouts[next], layout.count == 1, layout.endsWithRelation
            else { continue }
            for later in spans.indices where leaders[later] == next { leaders[later] = index }
        }
        return leaders
    }

    /// The verdict of one formula (one span, or a group of spans read together).
    private func judge(
        _ spans: [MathSpan], parsed: [Int: ParsedSpan], annotation: Annotation?,
        state: inout LessonState
    ) -> Verdict {
        if let annotation, annotation.skip { return Verdict(.unchecked, "skipped by `<!-- litmus: skip -->`") }
        let length = spans.reduce(0) { $0 + $1.latex.utf8.count }
        guard length <= Self.maximumFormulaBytes else {
            // Lowering and evaluation recurse over the expression; a formula this long is not prose.
            return Verdict(
                .unchecked,
                "the formula is too long to check (\(length) bytes; the limit is \(Self.maximumFormulaBytes))")
        }
        for span in spans {
            // An unknown command is not a parse error of the formula: lowering names it (unchecked).
            if let error = parsed[span.index]?.diagnostics.first(where: {
                $0.severity == .error && $0.id != .texUnknownCommand
            }) {
                return Verdict(.error, "the LaTeX does not parse: \(error.message)")
            }
        }
        let root: TeXNode
        if spans.count == 1, let parsedSpan = parsed[spans[0].index] {
            root = parsedSpan.root
        } else {
            root = TeX.parse(spans.map(\.latex).joined(separator: " "), display: spans[0].isDisplay).root
        }
        if let annotation { annotation.apply(to: &state) }
        let pending = state.indexCondition
        state.indexCondition = nil
        if spans.count == 1, let condition = Self.indexCase(spans[0].latex, index: state.index) {
            // `for $j \neq k$,` before a display: the case holds for the next formula only.
            state.indexCondition = condition
            let printer = ExpressionPrinter()
            return Verdict(
                .definition,
                "states the case \(printer.print(condition.lhs)) \(condition.comparison.rawValue) "
                    + "\(printer.print(condition.rhs)) of the indices for the formula that follows")
        }
        state.indexCondition = pending
        state.writtenWithTimes = spans.contains { $0.latex.contains("\\times") }
        // Values stated just before (`When $t = 1$`) hold for this formula only, unless it states more.
        let cases = state.caseValues
        defer {
            state.indexCondition = nil
            if state.caseValues.count == cases.count { state.caseValues = [:] }
        }
        let statements: [Formula]
        do {
            statements = try Lowerer(functionKeys: state.functionKeys).lowerStatements(root)
        } catch {
            if let entries = Lowerer(functionKeys: state.functionKeys).lowerList(root) {
                // `z_1, \dots, z_K`: a list of mentions, each checked.
                var verdicts: [Verdict] = []
                for entry in entries {
                    var judge = FormulaJudge(
                        catalog: catalog, state: state, line: spans[0].range.start.line,
                        samples: samples, engine: nil)
                    verdicts.append(judge.verdict(Formula(terms: [entry], relations: [])))
                }
                if verdicts.allSatisfy({ $0.status == .verified }) {
                    return Verdict(
                        .verified, "a list of the lesson's symbols: " + verdicts.map(\.message).joined(separator: "; "),
                        against: "the lesson's formulas")
                }
                if Self.isDataList(spans[0].latex) {
                    return Verdict(
                        .unchecked, "a list of data values in the prose: there is no relation to check them against")
                }
                if let failed = verdicts.first(where: { $0.status != .verified }) { return failed }
            }
            if let verdict = Self.operatorMention(root, index: state.index) { return verdict }
            if Self.isDataList(spans[0].latex) {
                // `the outputs $0, 1, 1, 0$ for the inputs $(0,0), (0,1), …$`: data, not a formula.
                return Verdict(
                    .unchecked, "a list of data values in the prose: there is no relation to check them against")
            }
            if spans[0].latex.contains("dots"),
                let match = spans[0].latex.firstMatch(
                    of: #/^\s*([a-zA-Z])\s*=\s*(\w+)\s*,\s*\\[lc]?dots\s*,\s*(\w+)\s*$/#)
            {
                // `for $l = 1, \dots, L$`: the range an index runs over.
                return Verdict(
                    .definition, "states the range of \(match.output.1): \(match.output.2), …, \(match.output.3)")
            }
            return Verdict(.unchecked, "cannot read the formula: \(error.reason)")
        }
        var verdicts: [Verdict] = []
        for formula in statements {
            var judge = FormulaJudge(
                catalog: catalog, state: state, line: spans[0].range.start.line, samples: samples,
                engine: annotation?.engine)
            verdicts.append(judge.verdict(formula))
            state = judge.state
        }
        var verdict = Self.combine(verdicts)
        // A check that draws the stated symbol itself (an engine's α) says so in its own message.
        if !cases.isEmpty, verdict.status == .verified || verdict.status == .mismatch,
            !verdict.message.contains("(drawn")
        {
            let values = cases.sorted { $0.key.description < $1.key.description }
                .map { "\($0.key) = \(Tensor.format($0.value))" }.joined(separator: ", ")
            verdict.message += " (with \(values), as stated just before)"
        }
        return verdict
    }

    /// Whether a span is only numbers and tuples of numbers separated by commas.
    static func isDataList(_ latex: String) -> Bool {
        latex.contains(",") && latex.contains(where: \.isNumber)
            && latex.allSatisfy { $0.isNumber || " ,.()-\n".contains($0) }
    }

    /// `where $\odot$ multiplies entry by entry`: a mention of an operator the lesson's formulas use.
    static func operatorMention(_ root: TeXNode, index: LessonIndex) -> Verdict? {
        guard case .row(let children) = root.kind else { return nil }
        let items = children.filter { if case .space = $0.kind { false } else { true } }
        guard items.count == 1, case .symbol(let symbol) = items[0].kind else { return nil }
        let names: [String: (String, String)] = [
            "\\odot": ("⊙", "the elementwise product"),
            "\\circ": ("⊙", "the elementwise product"),
            "\\top": ("ᵀ", "the transpose"),
        ]
        guard let (key, meaning) = names[symbol.source] else { return nil }
        guard let line = index.operators[key] else {
            return Verdict(.unchecked, "a mention of \(key), which no formula of the lesson uses")
        }
        return Verdict(
            .verified, "names \(key), \(meaning), used in the formula at line \(line)",
            against: "the lesson's formulas")
    }

    /// `j = k`, `j \neq k`: a case of two index letters the lesson's formulas use, or `nil`.
    static func indexCase(_ latex: String, index: LessonIndex) -> Condition? {
        let words = latex.replacingOccurrences(of: "\\neq", with: " ≠ ").replacingOccurrences(of: "\\ne", with: " ≠ ")
            .replacingOccurrences(of: "=", with: " = ").split(separator: " ").map(String.init)
        guard words.count == 3, words[0].count == 1, words[2].count == 1, words[0] != words[2],
            index.indexLetters[words[0]] != nil, index.indexLetters[words[2]] != nil,
            words[0].first!.isLowercase, words[2].first!.isLowercase
        else { return nil }
        let comparison: Condition.Comparison
        switch words[1] {
        case "=": comparison = .equal
        case "≠": comparison = .notEqual
        default: return nil
        }
        return Condition(.variable(Symbol(words[0])), comparison, .variable(Symbol(words[2])))
    }

    /// One verdict for a span holding several statements: the most telling status wins
    /// (mismatch, then verified, definition, unchecked), and every message is kept.
    static func combine(_ verdicts: [Verdict]) -> Verdict {
        guard verdicts.count > 1 else { return verdicts[0] }
        let order: [Verdict.Status] = [.error, .mismatch, .verified, .definition, .unchecked]
        let lead = verdicts.min { order.firstIndex(of: $0.status)! < order.firstIndex(of: $1.status)! }!
        var combined = lead
        combined.message = verdicts.enumerated().map {
            "(\($0.offset + 1)) \($0.element.status.rawValue): \($0.element.message)"
        }
        .joined(separator: "; ")
        return combined
    }
}

/// What the checker reads of one parsed span: its diagnostics and its tree.
struct ParsedSpan {
    var diagnostics: [Diagnostic]
    var root: TeXNode
}
