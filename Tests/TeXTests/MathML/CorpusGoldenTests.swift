import Foundation
import LitmusDiagnostics
import Testing

@testable import TeX

/// The MathML and the diagnostics of every formula of the test corpus, in golden files: the
/// writer's and the linter's output on corner cases, the other tests' formulas, generated
/// lesson-like formulas, token soup and raw bytes. `LITMUS_RECORD=1 swift test --filter
/// TeXTests` re-records them; review every changed line.
@Suite struct CorpusGoldenTests {
    /// The corpus parts recorded, and how many formulas of each (token soup and raw bytes are
    /// sampled: their purpose is to reach odd shapes, which a few hundred do).
    static let parts: [(part: TestCorpus, count: Int)] = [
        (.cornerCases, .max), (.testFormulas, .max), (.generated, 50), (.tokenSoup, 150), (.rawBytes, 200),
    ]

    @Test(arguments: parts.map(\.part))
    func corpusPart(_ part: TestCorpus) throws {
        let count = Self.parts.first { $0.part == part }!.count
        var text = ""
        for formula in part.formulas.prefix(count) where formula.latex.utf8.count <= 400 {
            let result = formula.parse()
            text += "\(formula.display ? "display" : "inline") \(formula.latex.debugDescription)\n"
            text += result.mathML + "\n"
            for diagnostic in result.diagnostics {
                text +=
                    "  \(diagnostic.severity.rawValue) \(diagnostic.id.rawValue) @\(diagnostic.range?.description ?? "-")\n"
            }
            // The other mode differs in the root element and `movablelimits` only: recorded once.
            let other = TeX.parse(formula.latex, display: !formula.display, macros: formula.macros).mathML
            if other.contains("movablelimits") { text += other + "\n" }
        }
        try mathMLGoldens.check(text, named: "corpus-\(part.rawValue).txt")
    }
}
