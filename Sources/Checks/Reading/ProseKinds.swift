import Formulas
import LessonMarkdown
import TeX

/// What the lesson's words say about the kinds of its symbols, read before checking: "the
/// matrix $V$", "$\mathbf{W}^{(l)}$ : weights matrix of shape $(n_l, n_{l-1})$", "$V$ and
/// $b'$ replacing $W$ and $b$". General cues, never a particular sentence.
enum ProseKinds {
    /// Reads the words around `spans` into `reading`, given each span's tree, relation layout and
    /// statements as `lowerer` reads them (`nil` where not read), by the span's index.
    static func read(
        _ spans: [MathSpan], prose: ProseContext, roots: [TeXNode], layouts: [Lowerer.RelationLayout],
        statements: [Result<[Formula], LoweringFailure>?], lowerer: Lowerer, into reading: inout LessonReading
    ) {
        var mentions: [Int: Expression] = [:]
        for span in spans where span.latex.utf8.count <= 2_000 && layouts[span.index].count == 0 {
            let formula: Formula?
            if Lowerer.displayStatements(roots[span.index]) == nil {
                // With no relation and no rows of a display, a span's statements are the one
                // formula it lowers to: read before, not again.
                if case .success(let read)? = statements[span.index], read.count == 1 {
                    formula = read[0]
                } else {
                    formula = nil
                }
            } else {
                formula = try? lowerer.lower(roots[span.index])
            }
            guard let formula, formula.relations.isEmpty else { continue }
            mentions[span.index] = formula.terms[0]
        }
        for span in spans {
            guard case .variable(let symbol)? = mentions[span.index] else { continue }
            let around = prose[span.index]
            let between = around.afterWords
            // "the matrix $V$", "$W$ : weights matrix of …"
            let kindWord =
                ProseCues.kindWord(prose.wordsBefore(span.index))
                ?? (between.count <= 6 ? ProseCues.kindWord(Array(between.prefix(4))) : nil)
            // A capital is a matrix by convention: "the vector $W$" is not enough to make it one.
            if let kindWord, kindWord != .vector || symbol.name.first?.isUppercase == false {
                note(symbol, kindWord, section: around.section, into: &reading)
            }
            // "where $\hat{y}$ is the true label", "the target $t$": the data a loss compares with.
            let roleWords: Set<String> = ["label", "labels", "target", "targets", "truth"]
            if between.prefix(5).contains(where: roleWords.contains)
                || prose.wordsBefore(span.index).suffix(2).contains(where: roleWords.contains)
            {
                reading.targets.insert(symbol)
            }
            // "$W$ : a matrix of shape $(m, n)$"
            if let next = around.next, between.count <= 8, between.contains(where: ProseCues.shapeWords.contains),
                let sizes = mentions[next], let shape = shape(of: sizes)
            {
                reading.proseKinds[around.section, default: [:]][symbol] = .array(shape)
                reading.shapeStatements[next] = (symbol, shape)
            }
        }
        // "$V$ and $b'$ replacing $W$ and $b$": each stands in place of its partner.
        for span in spans {
            let around = prose[span.index]
            guard let next = around.next,
                around.afterWords.contains(where: ProseCues.replacementWords.contains)
            else { continue }
            var before: [Symbol] = []
            var cursor: Int? = span.index
            while let index = cursor, case .variable(let symbol)? = mentions[index] {
                before.insert(symbol, at: 0)
                cursor = prose[index].previous
                if let previous = cursor, prose[previous].afterWords.count > 3 { break }
            }
            var after: [Symbol] = []
            cursor = next
            while let index = cursor, case .variable(let symbol)? = mentions[index], after.count < before.count {
                after.append(symbol)
                cursor = prose[index].next
            }
            for (symbol, partner) in zip(before, after)
            where symbol != partner && reading.replacements[partner] != symbol {
                reading.replacements[symbol] = partner
            }
        }
    }

    private static func note(
        _ symbol: Symbol, _ word: ProseCues.KindWord, section: Int, into reading: inout LessonReading
    ) {
        let kind: SymbolKind
        switch word {
        case .matrix: kind = .array(LessonReading.matrixShape(symbol))
        case .vector: kind = .array(.vector(.named("?\(symbol)")))
        case .scalar: kind = .scalar
        }
        if reading.proseKinds[section]?[symbol] == nil { reading.proseKinds[section, default: [:]][symbol] = kind }
    }

    /// The shape a size mention gives: `(m, n)`, `m \times n`, `(n, 1)`, or one size `n`.
    static func shape(of expression: Expression) -> Shape? {
        func dimension(_ e: Expression) -> Dimension? {
            if case .number(let value) = e, let size = Int(exactly: value), size >= 1 { return .number(size) }
            if case .variable(let symbol) = e { return .named(symbol.description) }
            if e.freeSymbols.count >= 1, !e.contains(where: { if case .call = $0 { true } else { false } }) {
                return .named(ExpressionPrinter().print(e))
            }
            return nil
        }
        switch expression {
        case .tuple(let entries) where entries.count == 2:
            guard let rows = dimension(entries[0]), let columns = dimension(entries[1]) else { return nil }
            return Shape(rows, columns)
        case .multiply(let a, let b):
            guard let rows = dimension(a), let columns = dimension(b) else { return nil }
            return Shape(rows, columns)
        default:
            return nil
        }
    }
}
