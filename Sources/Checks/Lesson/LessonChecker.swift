import Formulas
import Foundation
import LessonMarkdown
import LitmusDiagnostics
import TeX

/// Checks every formula of a lesson, in order, against the catalog's engine functions and the
/// lesson's own earlier definitions, and hands on the checked lesson.
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

    /// The report of one lesson.
    public func check(_ lesson: Lesson) -> LessonReport {
        // The trees are let go of on the large stack too.
        LargeStack.run { [self] in checkOnThisThread(lesson).report }
    }

    /// The checked lesson: trees, readings and verdicts (on a thread with a large stack,
    /// whichever thread asks).
    public func checkedLesson(_ lesson: Lesson) -> CheckedLesson {
        LargeStack.run { [self] in checkOnThisThread(lesson) }
    }

    private func checkOnThisThread(_ lesson: Lesson) -> CheckedLesson {
        var macros = MacroTable.standard
        var parses: [TeXParseResult] = []
        var roots: [TeXNode] = []
        parses.reserveCapacity(lesson.math.count)
        roots.reserveCapacity(lesson.math.count)
        var diagnostics = lesson.diagnostics
        var survey = NameSurvey()
        for span in lesson.math {
            let result = TeXParser(display: span.isDisplay, macros: macros).parse(span.latex)
            macros = result.macros
            parses.append(result)
            // `root` is built from the parser's flat tree on each call: build it once per span.
            let root = result.root
            roots.append(root)
            diagnostics += result.diagnostics.map(span.fileDiagnostic)
            if span.latex.utf8.count <= Self.maximumFormulaBytes { survey.record(root) }
        }
        for span in lesson.math where span.latex.utf8.count <= Self.maximumFormulaBytes {
            diagnostics += LabelLint.diagnostics(roots[span.index], survey: survey).map(span.fileDiagnostic)
        }
        let prose = ProseContext(lesson)
        var reading = LessonReading(catalog: catalog)
        reading.functionKeys.formUnion(survey.functionKeys)
        let lowerer = Lowerer(functionKeys: reading.functionKeys, survey: survey)
        let prelowered = Prelowered(
            statements: Self.lower(lesson.math, roots: roots, lowerer: lowerer), names: reading.functionKeysRevision)
        reading.index = Self.index(lesson.math, lowered: prelowered.statements, prose: prose)
        let layouts = roots.map(Lowerer.relationLayout)
        ProseKinds.read(
            lesson.math, prose: prose, roots: roots, layouts: layouts, statements: prelowered.statements,
            lowerer: lowerer, into: &reading)
        // The trees are not needed past here (a formula lowered again builds its own): their memory
        // serves the checking instead.
        roots = []
        let leaders = FormulaGroups.leaders(lesson.math, layouts: layouts)
        let annotations = Annotation.find(in: lesson)
        // By the index of the span (`MathSpan.index` is its place in `lesson.math`).
        var verdicts = [Verdict?](repeating: nil, count: lesson.math.count)
        var formulas: [CheckedFormula] = []
        formulas.reserveCapacity(lesson.math.count)
        var section = 0
        // Each group's spans, by its leader: one pass, not a scan of the lesson per formula.
        var groupMembers = [[MathSpan]](repeating: [], count: lesson.math.count)
        for span in lesson.math { groupMembers[leaders[span.index]].append(span) }
        for span in lesson.math {
            let around = prose[span.index]
            if around.section != section {
                // A new section starts a new example: values stated before no longer hold.
                section = around.section
                reading.statedValues = [:]
                reading.section = section
            }
            var verdict: Verdict
            // The statements read from the span (none for a span of a group after its first).
            var statements: [Formula] = []
            let leader = leaders[span.index]
            if leader != span.index, let first = verdicts[leader] {
                let start = lesson.math[leader].range.start
                var shared = first
                shared.message = "part of the formula at \(start.line):\(start.column): \(first.message)"
                verdict = shared
            } else {
                let members = groupMembers[span.index]
                let annotation =
                    annotations[members.map(\.index).max() ?? span.index] ?? annotations[span.index]
                verdict = judge(
                    members, parses: parses, lowerer: lowerer, prelowered: prelowered,
                    annotation: annotation, prose: prose, reading: &reading, statements: &statements)
                if verdict.status == .mismatch,
                    let condition = Self.trailingCondition(
                        after: members.last ?? span, in: lesson, prose: prose, layouts: layouts)
                {
                    verdict = Verdict(unchecked: .holdsWhere(condition))
                }
            }
            verdicts[span.index] = verdict
            // Trees deeper than evaluation goes are not handed on: letting go of one recurses as
            // deep as it nests, on whichever thread does it.
            let read = statements.filter {
                $0.terms.allSatisfy { $0.height <= Evaluator.maximumDepth }
            }
            var kinds: [Symbol: SymbolKind] = [:]
            var domains: [Symbol: Domain] = [:]
            for symbol in read.flatMap({ $0.terms.flatMap(\.freeSymbols) }) {
                if let (kind, _) = reading.kind(of: symbol) { kinds[symbol] = kind }
                // The symbol's domain, and its vector's or matrix's for an entry (most lessons state none).
                guard !reading.domains.isEmpty else { continue }
                if let domain = reading.domains[symbol] { domains[symbol] = domain }
                let whole = symbol.withoutIndex
                if let domain = reading.domains[whole] { domains[whole] = domain }
            }
            var formula = CheckedFormula(
                span: span, parse: parses[span.index], group: leader, statements: read, kinds: kinds,
                // A size the prose states for a symbol ("of shape $(m, n)$") is a relation in words.
                statesRelation: layouts[span.index].count > 0 || reading.shapeStatements[span.index] != nil,
                verdict: verdict)
            formula.domains = domains
            if leader == span.index {
                let members = groupMembers[span.index].map(\.index)
                formula.code = (annotations[members.max() ?? span.index] ?? annotations[span.index])?.code
            }
            formulas.append(formula)
        }
        diagnostics.sort { $0.location < $1.location }
        return CheckedLesson(lesson: lesson, formulas: formulas, diagnostics: diagnostics)
    }

    /// Each span's statements as `lowerer` reads them, by the span's index (`nil` for a span too
    /// long to check).
    static func lower(_ spans: [MathSpan], roots: [TeXNode], lowerer: Lowerer) -> [Result<[Formula], LoweringFailure>?]
    {
        spans.map { span -> Result<[Formula], LoweringFailure>? in
            guard span.latex.utf8.count <= maximumFormulaBytes else { return nil }
            return Result { () throws(LoweringFailure) in try lowerer.lowerStatements(roots[span.index]) }
        }
    }

    /// The symbols every formula of the lesson uses, read span by span before checking.
    static func index(
        _ spans: [MathSpan], lowered: [Result<[Formula], LoweringFailure>?], prose: ProseContext
    ) -> LessonIndex {
        var index = LessonIndex()
        for span in spans {
            guard case .success(let statements)? = lowered[span.index] else { continue }
            for formula in statements {
                index.record(formula, line: span.range.start.line, section: prose[span.index].section)
            }
        }
        index.settle()
        return index
    }

    /// The verdict of one formula (one span, or a group of spans read together).
    private func judge(
        _ spans: [MathSpan], parses: [TeXParseResult], lowerer: Lowerer, prelowered: Prelowered,
        annotation: Annotation?, prose: ProseContext, reading: inout LessonReading, statements: inout [Formula]
    ) -> Verdict {
        if let annotation, annotation.skip { return Verdict(unchecked: .skipped) }
        let length = spans.reduce(0) { $0 + $1.latex.utf8.count }
        // Lowering and evaluation recurse over the expression; a formula this long is not prose.
        guard length <= Self.maximumFormulaBytes else { return Verdict(unchecked: .tooLong(bytes: length)) }
        for span in spans {
            // An unknown command is not a parse error of the formula: lowering names it (unchecked).
            if let error = parses[span.index].diagnostics.first(where: {
                $0.severity == .error && $0.id != .texUnknownCommand
            }) {
                return Verdict(.error, "the LaTeX does not parse: \(error.message)")
            }
        }
        // The tree, built only where the statements were not lowered before (or did not lower).
        lazy var root: TeXNode = {
            guard spans.count > 1 else { return parses[spans[0].index].root }
            let macros = parses[spans[0].index].macros
            return TeX.parse(spans.map(\.latex).joined(separator: " "), display: spans[0].isDisplay, macros: macros)
                .root
        }()
        if let annotation { annotation.apply(to: &reading) }
        let pending = reading.indexCondition
        reading.indexCondition = nil
        // Values stated just before (`When $t = 1$`) hold for this formula only, unless it states more
        // (another value, or a new value of one stated before: `S = 1` … `W = 10`, `S = 2`).
        let changes = reading.caseValueChanges
        defer {
            if reading.caseValueChanges == changes, !reading.caseValues.isEmpty { reading.caseValues = [:] }
        }
        let lowered: [Formula]
        do {
            if spans.count == 1, let early = prelowered.statements(of: spans[0], reading: reading) {
                lowered = try early.get()
            } else {
                lowered = try reading.lowerer(survey: lowerer.survey).lowerStatements(root)
            }
        } catch {
            // Nothing read: a formula with no relation states nothing to check.
            if case .row(let children) = root.kind, children.count == 1, case .symbol(let symbol) = children[0].kind {
                return Verdict(.mention, "names the symbol \(symbol.text)")
            }
            if Lowerer.relationLayout(root).count == 0 {
                return Verdict(.mention, "a formula with no relation (\(error.message))")
            }
            return Verdict(unchecked: .unreadable(error))
        }
        statements = lowered
        if lowered.count == 1, let condition = Self.indexCase(lowered[0], index: reading.index) {
            // `for $j \neq k$,` before a display: the case holds for the next formula only.
            reading.indexCondition = condition
            let printer = ExpressionPrinter()
            return Verdict(
                .definition,
                "states the case \(printer.print(condition.lhs)) \(condition.comparison.rawValue) "
                    + "\(printer.print(condition.rhs)) of the indices for the formula that follows")
        }
        reading.indexCondition = pending
        defer { reading.indexCondition = nil }
        let first = spans[0].index
        let around = prose[first]
        let before = prose.wordsBefore(first, count: 12)
        // The cues read the last ten of those words.
        let recent = Array(before.suffix(10))
        let words =
            before + prose.wordsAfter(spans[spans.count - 1].index, count: 12)
            + around.headingWords + around.introductionWords
        // "The sigmoid satisfies …": an identity of a function the engine or the lesson names.
        var context = FormulaContext(
            line: spans[0].range.start.line,
            conditionCue: ProseCues.announcesCondition(recent, identitySubjects: reading.functionKeys),
            words: words, engine: annotation?.engine)
        context.shapeStatement = reading.shapeStatements[first]
        context.section = around.section
        context.exampleCue = ProseCues.announcesExample(recent)
        context.consequenceCue = ProseCues.announcesConsequence(Array(before.suffix(3)))
        context.looseConditionCue = ProseCues.looselyAnnouncesCondition(recent, announced: context.conditionCue)
        var verdicts: [Verdict] = []
        for formula in lowered {
            // The reading moves into the judge and back, so what it writes is not a copy of every
            // dictionary of the lesson's reading (copy on write, with two owners).
            var judge = FormulaJudge(catalog: catalog, reading: Self.spareReading, context: context, samples: samples)
            swap(&judge.reading, &reading)
            verdicts.append(judge.verdict(formula))
            swap(&judge.reading, &reading)
        }
        return Self.combine(verdicts)
    }

    /// Each span's statements, lowered once before checking (for the index), with the revision of
    /// the lesson's function names they were read with.
    private struct Prelowered {
        /// By the span's index; `nil` for a span too long to check.
        var statements: [Result<[Formula], LoweringFailure>?]
        /// `LessonReading.functionKeysRevision` when they were lowered.
        var names: Int

        /// The statements of `span` as `reading`'s lowerer reads them, while its function names
        /// are still the ones they were read with; `nil` once they changed.
        func statements(of span: MathSpan, reading: LessonReading) -> Result<[Formula], LoweringFailure>? {
            reading.functionKeysRevision == names ? statements[span.index] : nil
        }
    }

    /// The condition a formula is said to hold under right after it, in the same sentence
    /// (`$\text{ELU}(x) = x$ for $x > 0$`, `… if $z \geq 0$`): a few words, the first a condition
    /// word, then a formula that compares (`where` only before an inequality: `where $z = Wx + b$`
    /// defines). Its LaTeX and line, or `nil`.
    static func trailingCondition(
        after span: MathSpan, in lesson: Lesson, prose: ProseContext, layouts: [Lowerer.RelationLayout]
    ) -> String? {
        let around = prose[span.index]
        guard let next = around.next, lesson.math.indices.contains(next), layouts.indices.contains(next) else {
            return nil
        }
        let words = around.afterWords
        guard (1...3).contains(words.count), let cue = words.first, Self.trailingConditionWords.contains(cue) else {
            return nil
        }
        let relations = layouts[next].relations
        let inequality = relations.contains { relation in
            switch relation {
            case .less, .lessOrEqual, .greater, .greaterOrEqual, .notEqual, .element, .other: true
            default: false
            }
        }
        guard inequality || cue != "where" && relations.contains(.equals) else { return nil }
        let condition = lesson.math[next]
        return
            "`\(condition.latex.trimmingCharacters(in: .whitespacesAndNewlines))` (line \(condition.range.start.line))"
    }

    /// Words that put a condition on the formula just before them.
    static let trailingConditionWords: Set<String> = ["for", "when", "whenever", "if", "where", "provided", "unless"]

    /// An empty reading, which holds the place of the lesson's while a judge has it (made once).
    private static let spareReading = LessonReading(
        catalog: Catalog(functions: [], losses: [], update: { value, _, _ in value }, updateName: ""))

    /// `j = k`, `j \neq k`: a case of two index letters the lesson's formulas use, or `nil`.
    static func indexCase(_ formula: Formula, index: LessonIndex) -> Condition? {
        guard formula.terms.count == 2, case .variable(let a) = formula.terms[0],
            case .variable(let b) = formula.terms[1],
            a != b
        else { return nil }
        for symbol in [a, b] {
            guard symbol.index == nil, symbol.label == nil, symbol.accents.isEmpty, symbol.name.count == 1,
                symbol.name.first!.isLowercase, index.indexLetters[symbol.name] != nil
            else { return nil }
        }
        switch formula.relations[0] {
        case .equals: return Condition(.variable(a), .equal, .variable(b))
        case .notEqual: return Condition(.variable(a), .notEqual, .variable(b))
        default: return nil
        }
    }

    /// One verdict for a span holding several statements: the most telling status wins
    /// (mismatch, then unchecked, verified, definition, mention), and every message is kept.
    static func combine(_ verdicts: [Verdict]) -> Verdict {
        guard verdicts.count > 1 else { return verdicts[0] }
        let order: [Verdict.Status] = [.error, .mismatch, .unchecked, .verified, .definition, .mention]
        let lead = verdicts.min { order.firstIndex(of: $0.status)! < order.firstIndex(of: $1.status)! }!
        var combined = lead
        combined.message = verdicts.enumerated().map {
            "(\($0.offset + 1)) \($0.element.status.rawValue): \($0.element.message)"
        }
        .joined(separator: "; ")
        return combined
    }
}
