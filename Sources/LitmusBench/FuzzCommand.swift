import FormulaCorpus
import Foundation
import TeX

/// `litmus-bench fuzz [--count N] [--seed S]`: reads N hostile formulas (`TeXFuzzGenerator`) and
/// checks what the TeX reader makes of each: every range inside the input, MathML well formed with
/// every element of fixed arity complete, the same output when read again, and no input slower
/// than a bound. Prints one JSON line; exits 1 with the first failures printed when any is found.
/// Build it with `--sanitize=address` to run the same inputs under AddressSanitizer.
enum FuzzCommand {
    static func run(_ arguments: [String]) -> Int32 {
        let count = Int(value(of: "--count", in: arguments) ?? "") ?? 200_000
        let seed = UInt64(value(of: "--seed", in: arguments) ?? "") ?? 0xF022_0001
        var generator = TeXFuzzGenerator(seed: seed)
        var macros = MacroTable.standard
        var failures: [String] = []
        var slowest = 0.0
        var errors = 0
        let start = DispatchTime.now()
        for iteration in 0..<count {
            let (latex, display) = generator.next()
            let began = DispatchTime.now()
            let result = TeX.parse(latex, display: display, macros: macros)
            let mathML = result.mathML
            slowest = max(slowest, seconds(since: began))
            if result.hasErrors { errors += 1 }
            // Macros carry over to the next inputs, as in a lesson, a few inputs at a time.
            macros = iteration % 8 == 0 ? .standard : result.macros
            if let problem = problem(latex, result, mathML, iteration: iteration, macros: macros) {
                failures.append("#\(iteration) \(latex.debugDescription): \(problem)")
                if failures.count >= 20 { break }
            }
        }
        for failure in failures { FileHandle.standardError.write(Data((failure + "\n").utf8)) }
        print(
            jsonLine([
                ("benchmark", "\"fuzz\""), ("seed", "\(seed)"), ("formulas", "\(count)"),
                ("with_errors", "\(errors)"), ("failures", "\(failures.count)"),
                ("slowest_ms", format(slowest * 1000)), ("seconds", format(seconds(since: start))),
            ]))
        return failures.isEmpty ? 0 : 1
    }

    /// What is wrong with the reading of `latex`, if anything.
    private static func problem(
        _ latex: String, _ result: TeXParseResult, _ mathML: String, iteration: Int, macros: MacroTable
    ) -> String? {
        let lines = TeXFuzzGenerator.lineCount(latex)
        let root = result.root
        if root.range.end.line > lines { return "the tree ends past the input (\(root.range.end))" }
        var stack = [root]
        while let node = stack.popLast() {
            if node.range.start > node.range.end || node.range.end.line > lines {
                return "a node's range \(node.range) lies outside the input"
            }
            stack += node.children
        }
        for diagnostic in result.diagnostics {
            guard let range = diagnostic.range else { return "a diagnostic without a position" }
            if range.end.line > lines { return "\(diagnostic.id) at \(range) lies past the input" }
        }
        if let problem = MathMLStructure.problem(in: mathML) { return "MathML: \(problem)" }
        // Bytes, not `Character`s: a prepended mark (U+0600…) at the end of the LaTeX joins the `<`.
        if !Array(mathML.utf8).ends(with: closing) {
            return "MathML without its annotation"
        }
        if iteration % 32 == 0,
            TeX.parse(latex, display: result.display, macros: .standard).mathML
                != TeX.parse(latex, display: result.display, macros: .standard).mathML
        {
            return "two readings differ"
        }
        return nil
    }

    private static let closing = Array("</annotation></semantics></math>".utf8)
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
