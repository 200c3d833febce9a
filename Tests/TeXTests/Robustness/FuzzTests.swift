import FormulaCorpus
import LitmusDiagnostics
import TeX
import Testing

/// Seeded hostile inputs — LaTeX-token soup, raw bytes, mutated lesson formulas, deep
/// nesting — never crash or hang the parser and always give a tree whose ranges lie inside the
/// input and well-formed MathML, every element of fixed arity complete.
@Suite(.timeLimit(.minutes(5))) struct FuzzTests {
    /// `TeXFuzzGenerator`'s inputs, two seeds of 20,000 each; `litmus-bench fuzz --seed S` reads
    /// 200,000 (and more) of the same inputs outside the test suite, under AddressSanitizer too.
    @Test(arguments: [0x5EED_0001 as UInt64, 0x5EED_0002])
    func randomInputsNeverCrash(seed: UInt64) {
        var generator = TeXFuzzGenerator(seed: seed)
        var macros = MacroTable.standard
        for iteration in 0..<20_000 {
            let (latex, display) = generator.next()
            let result = TeX.parse(latex, display: display, macros: macros)
            // Macros carry over to the next inputs, as in a lesson, for a few inputs at a time.
            macros = iteration % 8 == 0 ? .standard : result.macros
            let end = result.root.range.end
            let lines = TeXFuzzGenerator.lineCount(latex)
            if end.line > lines || result.diagnostics.contains(where: { ($0.range?.end.line ?? 1) > lines }) {
                Issue.record("range past the end of \(latex.debugDescription)")
                return
            }
            if iteration % 4 == 0, let problem = MathMLStructure.problem(in: result.mathML) {
                Issue.record("\(problem) in the MathML of \(latex.debugDescription): \(result.mathML)")
                return
            }
        }
    }
}
