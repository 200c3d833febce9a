import LitmusDiagnostics
import NeuralCore
import TeX
import Testing

/// 200,000 seeded random inputs — raw bytes and LaTeX-token soup — never crash or hang the
/// parser and always give a tree whose ranges lie inside the input and balanced MathML.
@Suite(.timeLimit(.minutes(2))) struct FuzzTests {
    static let pieces: [String] = [
        "\\frac", "{", "}", "^", "_", "\\left(", "\\right)", "\\left.", "\\right|", "\\begin{pmatrix}",
        "\\end{pmatrix}", "\\begin{cases}", "\\end{cases}", "\\begin{array}{cc}", "\\end{array}", "&", "\\\\",
        "\\\\[2pt]", "x", "1", "23.5", "\\sqrt", "[", "]", "(", ")", "\\newcommand{\\a}{\\a}", "\\def\\b#1{#1#1}",
        "\\b", "\\a", "\\text{", "'", "\\hat", "\\sum", "\\limits", "\\color{red}", "\\displaystyle",
        "\\operatorname*{", "%", "\n", "ŷ", "σ", "\\hspace{", "#1", "#", "\\big(", "\\not", "\\substack{", "\\end",
        "\\begin", " ", "\\unknown", "max", "W{(2)}", "b^(l)", "\\mathbf", "\\mathbb{R^5}", "$", "\\", "\\right",
        "\\middle|", "\\overset", "\\underbrace", "\\binom", ":=", "-", "\\,", "~", "\\label{x}", "\\tag",
    ]

    static let bytes: [UInt8] =
        Array("\\{}^_&$#%~()[]'|:=-+ xyz0123456789\n".utf8) + [0xC3, 0xA9, 0xCF, 0x83, 0xFF, 0x00]

    @Test(arguments: [(0x5EED_0001 as UInt64, true), (0x5EED_0002, false)])
    func randomInputsNeverCrash(seed: UInt64, tokenSoup: Bool) {
        var random = SplitMix64(seed: seed)
        var macros = MacroTable.standard
        for iteration in 0..<100_000 {
            let latex: String
            if tokenSoup {
                let count = Int.random(in: 1...8, using: &random)
                latex = (0..<count).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            } else {
                let count = Int.random(in: 0...16, using: &random)
                let raw = (0..<count).map { _ in
                    Bool.random(using: &random)
                        ? Self.bytes.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
                }
                latex = String(decoding: raw, as: UTF8.self)
            }
            let result = TeX.parse(latex, display: iteration % 2 == 0, macros: macros)
            // Macros carry over to the next inputs, as in a lesson, for a few inputs at a time.
            macros = iteration % 8 == 0 ? .standard : result.macros
            let end = result.root.range.end
            let lines = Self.lineCount(latex)
            if end.line > lines || result.diagnostics.contains(where: { ($0.range?.end.line ?? 1) > lines }) {
                Issue.record("range past the end of \(latex.debugDescription)")
                return
            }
            if iteration % 16 == 0 {
                let mathML = result.mathML
                if !isBalancedXML(mathML) {
                    Issue.record("unbalanced MathML for \(latex.debugDescription): \(mathML)")
                    return
                }
            }
        }
    }

    /// 1 + the number of line ends (`\n`, `\r\n` or `\r`), as the lexer counts lines.
    static func lineCount(_ text: String) -> Int {
        let bytes = Array(text.utf8)
        var count = 1
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\r") {
                count += 1
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
            } else if bytes[index] == UInt8(ascii: "\n") {
                count += 1
            }
            index += 1
        }
        return count
    }
}
