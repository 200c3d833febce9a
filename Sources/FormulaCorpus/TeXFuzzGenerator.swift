import NeuralCore

/// Generates hostile LaTeX from a seed, for the fuzz runs of the TeX reader (`litmus-bench fuzz`
/// and `FuzzTests`): soup of LaTeX pieces, raw bytes (invalid UTF-8 decoded with replacement
/// characters, control characters, combining marks), lesson-like formulas with bytes deleted,
/// inserted, duplicated or swapped, and deep nesting.
public struct TeXFuzzGenerator {
    private var random: SplitMix64
    private var lessonLike: TeXFormulaGenerator
    private var produced = 0

    /// A generator whose inputs depend only on `seed`.
    public init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        lessonLike = TeXFormulaGenerator(seed: seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    /// LaTeX pieces that reach every construct of the reader, with the unfinished and stray ones.
    public static let pieces: [String] = [
        "\\frac", "{", "}", "^", "_", "\\left(", "\\right)", "\\left.", "\\right|", "\\begin{pmatrix}",
        "\\end{pmatrix}", "\\begin{cases}", "\\end{cases}", "\\begin{array}{cc}", "\\end{array}", "&", "\\\\",
        "\\\\[2pt]", "x", "1", "23.5", "\\sqrt", "[", "]", "(", ")", "\\newcommand{\\a}{\\a}", "\\def\\b#1{#1#1}",
        "\\b", "\\a", "\\text{", "'", "\\hat", "\\sum", "\\limits", "\\color{red}", "\\displaystyle",
        "\\operatorname*{", "%", "\n", "ŷ", "σ", "\\hspace{", "#1", "#", "\\big(", "\\not", "\\substack{", "\\end",
        "\\begin", " ", "\\unknown", "max", "W{(2)}", "b^(l)", "\\mathbf", "\\mathbb{R^5}", "$", "\\", "\\right",
        "\\middle|", "\\overset", "\\underbrace", "\\binom", ":=", "-", "\\,", "~", "\\label{x}", "\\tag",
        // The constructs read since: infix fractions, dividers, labels, enclosures, sizes, macros with
        // an optional argument, operators and classes.
        "\\over", "\\choose", "\\atop", "\\above 1pt", "\\brace", "|", "\\mid", "\\|", "\\tag*{1}", "\\nonumber",
        "\\eqref{x}", "\\ref{", "\\boxed", "\\cancel{", "\\phantom", "\\smash[b]", "\\small", "\\Large", "\\rm",
        "\\xrightarrow[", "\\xleftarrow", "\\mathop{", "\\mathrel", "\\mathbin{\\star}",
        "\\newcommand{\\c}[2][0]{#1#2}",
        "\\c", "\\c[", "\\lessapprox", "\\R", "\\argmax", "\\pmod", "\\{", "\\}", "\\langle", "\\vert",
        "\\DeclareMathOperator*{\\d}{d}", "\\d",
    ]

    /// Bytes LaTeX gives meaning to, and a few that are not UTF-8.
    public static let bytes: [UInt8] =
        Array("\\{}^_&$#%~()[]'|:=-+ xyz0123456789\n\r".utf8) + [0xC3, 0xA9, 0xCF, 0x83, 0xCC, 0x81, 0xFF, 0x00, 0x01]

    /// The next input, and whether to read it as display math.
    public mutating func next() -> (latex: String, display: Bool) {
        produced += 1
        let display = random.next() % 2 == 0
        switch random.next() % 16 {
        case 0..<6: return (soup(), display)
        case 6..<10: return (rawBytes(), display)
        case 10..<15: return (mutated(), display)
        default: return (nested(), display)
        }
    }

    private mutating func below(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }

    private mutating func soup() -> String {
        (0..<(1 + below(12))).map { _ in Self.pieces[below(Self.pieces.count)] }.joined()
    }

    private mutating func rawBytes() -> String {
        let raw = (0..<below(25)).map { _ in
            random.next() % 2 == 0 ? Self.bytes[below(Self.bytes.count)] : UInt8(truncatingIfNeeded: random.next())
        }
        return String(decoding: raw, as: UTF8.self)
    }

    /// A lesson-like formula with 1 to 3 edits of its bytes.
    private mutating func mutated() -> String {
        var bytes = Array(lessonLike.formulas(1)[0].latex.utf8)
        for _ in 0..<(1 + below(3)) {
            guard !bytes.isEmpty else { break }
            let at = below(bytes.count)
            let length = min(1 + below(6), bytes.count - at)
            switch below(4) {
            case 0: bytes.removeSubrange(at..<(at + length))
            case 1: bytes.insert(contentsOf: Array(Self.pieces[below(Self.pieces.count)].utf8), at: at)
            case 2: bytes.insert(contentsOf: bytes[at..<(at + length)], at: at)
            default: bytes.swapAt(at, below(bytes.count))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A construct opened hundreds of times, past the reader's depth limit or just inside it.
    private mutating func nested() -> String {
        let openers = ["{", "\\left(", "\\frac{", "\\sqrt{", "\\begin{cases}", "x^{", "{a \\over ", "\\boxed{", "("]
        let opener = openers[below(openers.count)]
        let depth = [10, 255, 256, 300][below(4)]
        return String(repeating: opener, count: depth) + "x"
            + (below(2) == 0 ? "" : String(repeating: "}", count: depth))
    }

    /// 1 + the number of line ends (`\n`, `\r\n` or `\r`), as the lexer counts lines: a
    /// reading's ranges must end on one of them.
    public static func lineCount(_ text: String) -> Int {
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
