import TeX
import Testing

/// `\newcommand`, `\def` and `\DeclareMathOperator` define macros for the rest of a lesson.
@Suite struct MacroTests {
    @Test func newcommandHoldsForLaterFormulas() {
        let first = TeX.parse("\\newcommand{\\RR}{\\mathbb{R}} x \\in \\RR", display: false)
        #expect(first.diagnostics.isEmpty)
        #expect(first.macros["RR"]?.body == "\\mathbb{R}")
        let second = TeX.parse("W \\in \\RR^{m}", display: false, macros: first.macros)
        #expect(second.diagnostics.isEmpty)
        #expect(
            TeXTreeDumper().dump(second.root)
                == "row@1:1[id(W)@1:1 rel(∈)@1:3 sup@1:7(doubleStruck@1:7({id(R)@1:7}@1:7); ^{id(m)@1:12}@1:11)]")
        let without = TeX.parse("W \\in \\RR^{m}", display: false)
        #expect(without.diagnostics.map(\.id) == [.texUnknownCommand])
        // KaTeX's own `\\R` needs no definition.
        #expect(TeX.parse("W \\in \\R^{m}", display: false).diagnostics.isEmpty)
    }

    @Test func anOptionalFirstArgumentTakesItsDefault() {
        let definition = "\\newcommand{\\E}[2][x]{\\mathbb{E}_{#1}[#2]}"
        let result = TeX.parse(definition + " \\E{f} = \\E[z]{g}", display: false)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.macros["E"]?.defaultArgument == "x")
        let dump = TeXTreeDumper().dump(result.root)
        #expect(dump.contains("_{id(x)"), "\(dump)")
        #expect(dump.contains("_{id(z)"), "\(dump)")
    }

    @Test func argumentsAreSubstituted() {
        let result = TeX.parse("\\newcommand{\\norm}[1]{\\left\\lVert #1 \\right\\rVert} \\norm{x}", display: false)
        #expect(result.diagnostics.isEmpty)
        #expect(TeXTreeDumper().dump(result.root) == "row@1:1[left‖@1:52[id(x)@1:58]‖]")
    }

    @Test func defWithParameters() {
        let result = TeX.parse("\\def\\pair#1#2{(#1, #2)} \\pair a b", display: false)
        #expect(result.diagnostics.isEmpty)
        #expect(result.macros["pair"]?.parameterCount == 2)
        #expect(
            TeXTreeDumper().dump(result.root)
                == "row@1:1[paren(@1:25[id(a)@1:31 punct(,)@1:25 id(b)@1:33])]")
    }

    @Test func declareMathOperator() {
        let result = TeX.parse("\\DeclareMathOperator*{\\argmax}{arg\\,max} \\argmax_x f", display: false)
        #expect(result.diagnostics.isEmpty)
        #expect(
            TeXTreeDumper().dump(result.root) == "row@1:1[sub@1:42(fn(arg max limits)@1:42; _id(x)@1:50) id(f)@1:52]")
    }

    @Test func endlessExpansionStops() {
        let result = TeX.parse("\\def\\a{\\a\\a} \\a", display: false)
        #expect(result.diagnostics.contains { $0.id == .texMacroExpansionLimit })
    }
}
