import LitmusDiagnostics
import Testing

@testable import TeX

/// The flat nodes hold what `SyntaxNode`'s table of fields says.
@Suite struct SyntaxTreeTests {
    @Test func corpusIsLarge() {
        let counts = TestCorpus.allCases.map { $0.formulas.count }
        #expect(counts.allSatisfy { $0 > 0 } || SeedLesson.text() == nil)
        #expect(counts.reduce(0, +) > 5_000)
        #expect(TestCorpus.seed.formulas.count == (SeedLesson.text() == nil ? 0 : 64))
    }

    // MARK: - Fields

    /// The tree of `latex` and its root row's children.
    private func flat(_ latex: String) -> (tree: SyntaxTree, top: [SyntaxNode]) {
        let tree = TeX.parse(latex, display: false).tree
        return (tree, tree.list(tree[tree.root]).map { tree[$0] })
    }

    @Test func positionsAreByteOffsets() {
        let (tree, top) = flat("a +\n  \\beta")
        #expect(tree[tree.root].kind == .row)
        #expect(top.map(\.kind) == [.identifier, .symbol, .identifier])
        #expect(top.map(\.start) == [0, 2, 6])
        #expect(top.map(\.end) == [1, 3, 11])
        #expect(tree.string(top[2]) == "β")
    }

    @Test func symbolsKeepClassTextAndSpelling() {
        let (tree, top) = flat("a \\leq b")
        #expect(top[1].kind == .symbol)
        #expect(top[1].atomClass == .relation)
        #expect(tree.string(top[1]) == "≤")
        #expect(tree.sourceString(top[1]) == "\\leq")
    }

    @Test func largeOperatorsAndFunctionsKeepLimits() {
        let (tree, top) = flat("\\sum_{i} \\int x \\max_x \\log x")
        let sum = tree[top[0].first]
        #expect(top[0].kind == .scripts)
        #expect(sum.kind == .largeOperator && sum.b == 1 && sum.atomClass == .largeOperator)
        #expect(tree.string(sum) == "∑" && tree.sourceString(sum) == "\\sum")
        #expect(top[0].second >= 0 && top[0].third == -1 && top[0].fourth == 0)
        #expect(top[1].kind == .largeOperator && top[1].b == 0)
        let max = tree[top[3].first]
        #expect(max.kind == .function && max.b == 1 && tree.string(max) == "max")
        #expect(top[4].kind == .function && top[4].b == 0)
    }

    @Test func scriptsKeepPrimes() {
        let (tree, top) = flat("f''_i")
        #expect(top[0].kind == .scripts && top[0].fourth == 2 && top[0].third == -1)
        #expect(tree.string(tree[top[0].second]) == "i")
    }

    @Test func accentsAreIndexesIntoTheCommandTable() {
        let (tree, top) = flat("\\vec{v} \\underline{x}")
        #expect(top.map(\.kind) == [.accent, .accent])
        #expect(CommandTable.accents[Int(top[0].a)].name == "vec")
        #expect(CommandTable.accents[Int(top[1].a)].name == "underline")
        #expect(tree[top[0].first].kind == .group)
    }

    @Test func tablesHoldRowsOfCells() {
        let (tree, top) = flat("\\begin{array}{cl} a & b \\\\ c \\end{array}")
        let table = top[0]
        #expect(table.kind == .table)
        #expect(Int(table.a) == EnvironmentKind.index(named: "array"))
        #expect(tree.string(table) == "array")
        #expect(String(decoding: tree.text[Int(table.third)..<Int(table.third + table.fourth)], as: UTF8.self) == "cl")
        let rows = tree.list(table).map { tree[$0] }
        #expect(rows.map(\.kind) == [.tableRow, .tableRow])
        #expect(rows.map(\.second) == [2, 1])
        #expect(tree.list(rows[0]).map { tree[$0].kind } == [.row, .row])
        let unknown = flat("\\begin{foo} x \\end{foo}").top[0]
        #expect(unknown.kind == .table && unknown.a == 255 && unknown.third == -1)
    }

    @Test func fencesHoldSymbolNodes() {
        let (tree, top) = flat("\\left. x \\right) (y)")
        #expect(top[0].kind == .fenced && top[0].b == 1 && top[0].first == -1)
        let close = tree[top[0].second]
        #expect(close.kind == .symbol && tree.string(close) == ")" && close.atomClass == .closing)
        #expect(tree[top[0].third].kind == .row)
        #expect(top[1].kind == .fenced && top[1].b == 0 && tree.string(tree[top[1].first]) == "(")
    }

    @Test func spacesStoreTheirWidth() {
        let (_, top) = flat("a \\, b \\hspace{-1.5em} c")
        #expect(top[1].kind == .space && top[1].width == 3.0 / 18)
        #expect(top[3].kind == .space && top[3].width == -1.5)
    }

    @Test func codesOfSmallEnums() {
        let (tree, top) = flat("\\mathbb{R} \\text{if} \\dfrac12 \\underset{a}{b} \\Big( \\scriptstyle x")
        #expect(MathFont(code: top[0].a) == .doubleStruck)
        #expect(MathFont(code: top[1].a) == .roman && tree.string(top[1]) == "if")
        #expect(FractionKind(code: top[2].a) == .dfrac)
        #expect(OverUnderKind(code: top[3].a) == .underset && top[3].first == -1 && top[3].second >= 0)
        #expect(top[4].kind == .sizedDelimiter && top[4].a == 2 && tree.string(tree[top[4].first]) == "(")
        #expect(MathStyle(code: top[5].a) == .script)
    }

    @Test func everyEnumRoundTripsThroughItsCode() {
        for font in MathFont.allCases { #expect(MathFont(code: font.code) == font) }
        for atomClass in [
            AtomClass.ordinary, .largeOperator, .binary, .relation, .opening, .closing, .punctuation, .fence,
        ] {
            #expect(AtomClass(code: atomClass.code) == atomClass)
        }
        for style in [MathStyle.display, .text, .script, .scriptScript] {
            #expect(MathStyle(code: style.code) == style)
        }
        for kind in [FractionKind.frac, .tfrac, .dfrac, .binom] { #expect(FractionKind(code: kind.code) == kind) }
        for kind in [OverUnderKind.overbrace, .underbrace, .overset, .underset] {
            #expect(OverUnderKind(code: kind.code) == kind)
        }
    }
}
