import Checks
import Formulas
import LessonMarkdown

/// A formula of a lesson tied to a function its cells declare, so that the generated tests
/// compare the two (docs and code kept in sync both ways).
///
/// A formula that defines a function — `\text{softsign}(x) = \frac{x}{1 + |x|}`, the entries
/// `\text{softmax}(z)_i = …`, the derivative `\text{softsign}'(x) = …` — is tied to the top-level
/// `func` of the lesson's Swift cells whose name is the formula's, case and punctuation aside
/// (`softsign` and `\text{softsign}`, `leakyRelu` and `\text{Leaky ReLU}`; `sigmoid` and `\sigma`,
/// `kl` and `D_{KL}`, which the catalog names alike); a derivative to `<name>Derivative` or `<name>Prime`. An
/// annotation after any formula names the function instead (`<!-- litmus: code=forward -->`
/// after `a = \sigma(Wx + b)`). Where several cells declare the name, the first declaration after
/// the formula wins, else the last before it (the code a lesson writes under its formula).
///
/// The tie is found from the checked lesson's readings and a scan of the cells
/// (`SwiftCellScanner`), nothing compiled; `comparison` is its test (`TieComparison`), or
/// `notCompared` says why there is none.
public struct CodeTie: Sendable, Equatable {
    /// Where the formula stands, and its LaTeX.
    public var line: Int
    public var column: Int
    public var latex: String
    /// The formula's index in the lesson (`MathSpan.index`).
    public var formulaIndex: Int
    /// The function's Swift name (`softsign(_:)`), or the name an annotation gave when no cell
    /// declares it.
    public var function: String
    /// The fence line of the cell that declares it; nil when none does.
    public var cellLine: Int?
    /// The cell's position among the lesson's runnable Swift cells (the generated test compares
    /// right after it, where the function is in scope).
    public var cellIndex: Int?
    /// Whether an annotation made the tie (rather than the names).
    public var byAnnotation: Bool
    /// The generated comparison; nil when there is none.
    public var comparison: TieComparison?
    /// Why there is no comparison.
    public var notCompared: String?

    /// The tie as `litmus check` reports it.
    public var report: TiedFunction {
        TiedFunction(name: function, line: cellLine, notCompared: notCompared)
    }

    /// The ties of a checked lesson, in the order of its formulas.
    public static func find(in checked: CheckedLesson, catalog: Catalog = .neuralCore) -> [CodeTie] {
        let cells = runnableCells(checked.lesson)
        let scans = cells.map { SwiftCellScanner($0.source) }
        var declared: [Declared] = []
        for (index, (cell, scan)) in zip(cells, scans).enumerated() where !cell.options.contains("throws") {
            for declaration in scan.declarations where declaration.kind == .function {
                guard let signature = declaration.signature, Self.isIdentifier(declaration.name) else { continue }
                declared.append(
                    Declared(
                        name: declaration.name, signature: signature, cellIndex: index,
                        cellLine: cell.range?.start.line ?? 1))
            }
        }
        let prefix = FreshNames(avoiding: CellLayout(cells: cells.map { ($0.source, 1) }).identifiers).prefix
        var ties: [CodeTie] = []
        for formula in checked.formulas where formula.group == formula.span.index {
            guard formula.status != .error, formula.verdict.reason != .skipped,
                let statement = formula.statements.first, statement.terms.count >= 2,
                statement.relations.first == .equals || statement.relations.first == .defines
            else { continue }
            let definition = Definition(statement.terms[0])
            let candidates: [Declared]
            if let named = formula.code {
                candidates = declared.filter { $0.name == named || $0.signature.swiftName($0.name) == named }
                if candidates.isEmpty {
                    ties.append(
                        CodeTie(
                            line: formula.span.range.start.line, column: formula.span.range.start.column,
                            latex: formula.span.latex, formulaIndex: formula.span.index, function: named,
                            byAnnotation: true,
                            notCompared: "no Swift cell of the lesson declares a function named \(named)"))
                    continue
                }
            } else if let definition, let key = definition.functionKey {
                let wanted = Self.names(for: key, derivative: definition.isDerivative, catalog: catalog)
                candidates = declared.filter { wanted.contains(FunctionName.normalise($0.name)) }
            } else {
                continue
            }
            let formulaLine = formula.span.range.start.line
            guard
                let chosen = candidates.first(where: { $0.cellLine > formulaLine })
                    ?? candidates.last(where: { $0.cellLine <= formulaLine })
            else { continue }
            var tie = CodeTie(
                line: formulaLine, column: formula.span.range.start.column, latex: formula.span.latex,
                formulaIndex: formula.span.index, function: chosen.signature.swiftName(chosen.name),
                cellLine: chosen.cellLine, cellIndex: chosen.cellIndex, byAnnotation: formula.code != nil)
            do {
                tie.comparison = try TieComparison(
                    formula: formula, statement: statement, definition: definition, function: chosen.name,
                    signature: chosen.signature, catalog: catalog, prefix: prefix)
            } catch {
                tie.notCompared = error.reason
            }
            ties.append(tie)
        }
        return ties
    }

    /// The lesson's cells the generated file runs, in order (as `TestFileGenerator` lists them),
    /// without those marked `throws`, whose declarations live inside a closure.
    static func runnableCells(_ lesson: Lesson) -> [Lesson.CodeCell] {
        lesson.codeCells.filter { $0.language == "swift" && !$0.options.contains("norun") }
    }

    /// The normalised Swift names that implement the function `key` (or its derivative): the
    /// key itself and every name the catalog gives the same engine function.
    static func names(for key: String, derivative: Bool, catalog: Catalog) -> Set<String> {
        var keys: Set<String> = [key]
        let spellings = catalog.functions.map(\.keys) + catalog.losses.map(\.keys) + catalog.reductions.map(\.keys)
        for names in spellings where names.contains(key) { keys.formUnion(names) }
        guard derivative else { return keys }
        return Set(keys.flatMap { [$0 + "derivative", $0 + "prime"] })
    }

    private static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// A function declared at the top level of a runnable cell.
    struct Declared {
        var name: String
        var signature: FunctionSignature
        var cellIndex: Int
        var cellLine: Int
    }

    /// What the left side of a formula defines.
    struct Definition: Equatable {
        /// The function's normalised name, when it defines one (`softsign`).
        var functionKey: String?
        /// Whether it defines a first derivative (`f'(x)`, `\frac{d}{dx} f(x)`).
        var isDerivative: Bool
        /// The function's parameters, in order; empty for a symbol (`a = …`).
        var parameters: [Symbol]
        /// The index of an entrywise definition (`i` of `\text{softmax}(z)_i`).
        var entryIndex: String?

        /// Reads the left side `term`; nil when it defines no function (a symbol, a derivative
        /// of a quantity).
        init?(_ term: Expression) {
            var inner = term
            entryIndex = nil
            isDerivative = false
            if case .component(let vector, let index) = term {
                inner = vector
                entryIndex = index
            }
            if case .derivative(.call(let name, 0, let arguments), let variable) = inner,
                arguments == [.variable(variable)], entryIndex == nil
            {
                inner = .call(name, derivative: 1, arguments)
            }
            guard case .call(let name, let order, let arguments) = inner, order <= 1, !arguments.isEmpty else {
                return nil
            }
            var parameters: [Symbol] = []
            for argument in arguments {
                guard case .variable(let symbol) = argument, symbol.index == nil, !parameters.contains(symbol) else {
                    return nil
                }
                parameters.append(symbol)
            }
            functionKey = name.key
            isDerivative = order == 1
            self.parameters = parameters
        }
    }
}
