import FormulaCorpus
import NeuralCore
import TeX
import Testing

/// The formulas the MathML and lint goldens are recorded on, in parts: the formulas of the other TeX tests
/// (goldens, dumps, command coverage, lints, diagnostics, macros, deep nesting), the seed
/// lesson, generated lesson-like formulas, seeded token soup and raw bytes, and corner cases
/// of the writer's and linter's byte-level shortcuts.
enum TestCorpus: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case testFormulas, seed, generated, tokenSoup, rawBytes, cornerCases

    var testDescription: String { rawValue }

    /// One formula: its LaTeX, whether it is display math, the macros before it, and where it
    /// comes from (for failure messages).
    struct Formula: CustomStringConvertible, Sendable {
        var latex: String
        var display: Bool
        var macros: MacroTable = .standard
        var origin: String

        var description: String { "\(origin): \(latex.debugDescription)" }

        /// Parses the formula.
        func parse() -> TeXParseResult {
            TeX.parse(latex, display: display, macros: macros)
        }
    }

    /// The part's formulas.
    var formulas: [Formula] {
        switch self {
        case .testFormulas: Self.testFormulas()
        case .seed: Self.seedFormulas()
        case .generated:
            Self.generatedFormulas(count: 400)
        case .tokenSoup: Self.tokenSoup(count: 3_000)
        case .rawBytes: Self.rawBytes(count: 3_000)
        case .cornerCases:
            Self.cornerFormulas.map { Formula(latex: $0, display: false, origin: "corner case") }
        }
    }

    // MARK: - Parts

    private static func testFormulas() -> [Formula] {
        var formulas: [Formula] = []
        func add(_ latex: String, display: Bool = false, _ origin: String) {
            formulas.append(Formula(latex: latex, display: display, origin: origin))
        }
        for golden in MathMLGoldenTests.formulas { add(golden.latex, display: golden.display, "golden \(golden.name)") }
        for dump in TreeDumpTests.cases { add(dump.latex, "dump") }
        for latex in CommandCoverageTests.formulas { add(latex, display: true, "coverage") }
        for lint in LintTests.cases { add(MarkedSource(lint.marked).text, "lint") }
        for latex in LintTests.clean { add(latex, "clean lint") }
        for error in ParserDiagnosticTests.cases { add(MarkedSource(error.marked).text, "diagnostic") }
        for latex in macroFormulas { add(latex, "macro") }
        for input in DeepNestingTests.inputs { add(input.latex, display: true, "deep \(input.name)") }
        return formulas
    }

    /// `MacroTests`' formulas, the second one after the first's `\newcommand`.
    private static let macroFormulas = [
        "\\newcommand{\\R}{\\mathbb{R}} x \\in \\R",
        "\\newcommand{\\norm}[1]{\\left\\lVert #1 \\right\\rVert} \\norm{x}",
        "\\def\\pair#1#2{(#1, #2)} \\pair a b", "\\DeclareMathOperator*{\\argmax}{arg\\,max} \\argmax_x f",
        "\\def\\a{\\a\\a} \\a", "\\newcommand{\\R}{\\mathbb{R}} W \\in \\R^{m}",
    ]

    /// The seed lesson's spans in order, each with the macros of the spans before it, as the
    /// site renders them.
    private static func seedFormulas() -> [Formula] {
        guard let text = SeedLesson.text() else { return [] }
        var macros = MacroTable.standard
        return MathSpan.find(in: text).map { span in
            let formula = Formula(
                latex: span.latex, display: span.display, macros: macros, origin: "seed \(span.start)")
            macros = formula.parse().macros
            return formula
        }
    }

    /// Lesson-like formulas, as the benchmarks generate them.
    private static func generatedFormulas(count: Int) -> [Formula] {
        var generator = TeXFormulaGenerator(seed: 0x5EED_F1A7)
        return generator.formulas(count).enumerated().map {
            Formula(latex: $0.element.latex, display: $0.element.display, origin: "generated #\($0.offset)")
        }
    }

    /// LaTeX pieces, 1 to 8 at a time.
    private static func tokenSoup(count: Int) -> [Formula] {
        var random = SplitMix64(seed: 0xF1A7_0001)
        return (0..<count).map { index in
            let pieces = Int.random(in: 1...8, using: &random)
            let latex = (0..<pieces).map { _ in Self.soupPieces.randomElement(using: &random)! }.joined()
            return Formula(latex: latex, display: index % 2 == 0, origin: "token soup #\(index)")
        }
    }

    /// Up to 16 bytes, half from `soupBytes`, half any byte, decoded as UTF-8
    /// (so with replacement characters, combining marks and stray controls).
    private static func rawBytes(count: Int) -> [Formula] {
        var random = SplitMix64(seed: 0xF1A7_0002)
        return (0..<count).map { index in
            let length = Int.random(in: 0...16, using: &random)
            let raw = (0..<length).map { _ in
                Bool.random(using: &random)
                    ? Self.soupBytes.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
            }
            return Formula(
                latex: String(decoding: raw, as: UTF8.self), display: index % 2 == 0, origin: "raw #\(index)")
        }
    }

    /// Formulas that reach each kind of node and each shortcut of the flat writer and linter,
    /// with the `String`-based cases that the shortcuts must agree with.
    static let cornerFormulas: [String] = [
        // Scripts, primes and limits.
        "f'''", "f'^2", "f'_i^2", "f''_{ij}", "\\max_{x} f", "\\operatorname*{arg\\,max}_x f", "\\lim_{n \\to 0} a_n",
        "\\log_2 x", "\\sum\\nolimits_i x", "\\sum^n x", "\\int_a^b", "\\prod_{i}^{n}", "x^{y^{z}}", "^2", "_i x",
        "\\overbrace{a+b}^{n}", "\\underbrace{a+b}_{n}", "\\overbrace{a}", "\\overset{!}{=}", "\\underset{x}{\\min}",
        "\\stackrel{def}{=}", "\\sin^2 x", "\\operatorname{ReLU}^2(x)",
        // Prefix signs.
        "-x", "a = -b", "(+1)", "\\sum -x", "a, -b", "a - - b", "[-1, +1]", "x \\cdot -y", "\\left( -x \\right)",
        // Fractions, roots, accents.
        "\\frac{a}{b}", "\\tfrac12", "\\dfrac{1}{x}", "\\binom{n}{k}", "\\frac{}{}", "\\sqrt{x}", "\\sqrt[n]{x+1}",
        "\\sqrt{}", "\\hat{y}", "\\widehat{xy}", "\\underline{x}", "\\overline{AB}", "\\vec{v}", "\\ddot x",
        "\\check{c}\\breve{b}\\mathring{a}\\acute{e}\\grave{e}\\tilde{n}\\widetilde{xy}\\overleftarrow{AB}",
        // Fences and sized delimiters.
        "\\left( x \\right)", "\\left. x \\right|", "\\left\\{ x \\right.", "\\left( a \\middle| b \\right)", "(a",
        "a)", "\\big( \\Big] \\bigg\\{ \\Bigg| \\bigl( \\bigr)", "\\left\\langle x \\right\\rangle", "|x|", "\\|x\\|",
        // Spaces and widths.
        "a\\,b\\:c\\;d\\!e\\ f\\quad g\\qquad h\\enspace i", "a \\hspace{1.5em} b", "a \\hspace{-0.05em} b",
        "a \\hspace{0.33333em} b", "a \\kern 3mu b", "a \\mkern18mu b", "a \\hspace{12pt} b", "a~b",
        // Styles, colours, text.
        "\\displaystyle x \\textstyle y \\scriptstyle z \\scriptscriptstyle w", "{\\color{red} x}",
        "\\textcolor{blue}{x+y}", "\\color{\"&<>} x", "\\text{a<b & \"c\"}", "\\text{ if }", "\\text{}",
        "\\textbf{bold text} \\textit{it} \\textsf{sans} \\texttt{mono} \\textrm{rm} \\emph{em} \\mbox{box}",
        "\\text{a \u{301}b}", "\\text{a\u{301} b}", "\\text{\u{600} x}", "\\text{x \u{200D}y}", "\\text{é à}",
        "\\text{tab\there}", "\\text{\u{1}\u{7F}}", "\\text{a\r\nb}",
        // Fonts.
        "\\mathbf{W}x", "\\mathbf{x1}", "\\mathbb{R}^n", "\\mathbb{R^5}", "\\mathcal{L}", "\\mathcal{h}",
        "\\mathit{h}", "\\mathscr{E}", "\\mathfrak{g}", "\\mathsf{T}", "\\mathtt{x0}", "\\boldsymbol{\\theta}",
        "\\bm{\\Sigma}", "\\mathbf{\\theta}", "\\mathbf{θ}", "\\mathbf{é}", "\\mathbf{12.5}", "\\mathrm{d}x",
        "\\mathrm{\\Delta}", "\\mathrm{σ\u{301}}", "\\mathrm{ab}", "\\mathrm{é}", "\\mathnormal{x}", "\\Gamma \\Omega",
        "\\mathit{\\Gamma}", "\\mathbf{\\Gamma}", "Ω", "\u{391}", "\u{3A2}",
        // Letter-like symbols and others.
        "\\partial \\nabla \\infty \\emptyset \\top \\bot \\ell \\hbar \\aleph", "\\prime", "\\to \\mapsto",
        // Tables.
        "\\begin{array}{rcl} a & b & c & d \\\\ e \\end{array}", "\\begin{array}{|c|l|} a & b \\end{array}",
        "\\begin{array}{} a & b \\end{array}", "\\begin{array}{l\u{301}c} a & b & c \\end{array}",
        "\\begin{array}{é r} a & b \\end{array}", "\\begin{array}{cc} \\end{array}",
        "\\begin{align} a &= b & c &= d \\\\ e &= f \\end{align}", "\\begin{aligned} x \\end{aligned}",
        "\\begin{alignat}{2} a &= b \\end{alignat}", "\\begin{cases} a & b \\\\ c \\end{cases}",
        "\\begin{dcases} a \\end{dcases}", "\\begin{rcases} a \\end{rcases}",
        "\\begin{smallmatrix} a & b \\end{smallmatrix}",
        "\\begin{foo} a & b \\end{foo}", "\\begin{pmatrix} \\end{pmatrix}",
        "\\begin{matrix} a \\\\ \\\\ b \\end{matrix}",
        "\\begin{Vmatrix} a \\end{Vmatrix}", "\\sum_{\\substack{i < n \\\\ j}} x",
        "\\begin{gather*} a \\\\ b \\end{gather*}",
        // Errors and unknowns.
        "\\foo", "x^", "#1", "}", "{", "\\frac{1}", "a & b", "a \\\\ b", "\\end{x}", "\\left", "\\begin{pmatrix} a",
        "\\relu(x)", "\\text{", "x^a^b",
        // Lines.
        "a +\n  \\oops", "a +\r\n b", "x\ry", "\\frac{a}\n{b}\n", "% comment\nx",
        // Lints.
        "max(0,z)", "W{(2)}", "W{ (2)}", "W {(2)}", "\\text{Relu}", "\\operatorname{RELU}(x)", "RelU", "Relu(x)",
        "LeakyRelu(x)", "leakyrelu", "leakyreluu", "softmax(z)", "xsoftmax(z)", "argmax(x)", "ELU(x)", "elu(x)",
        "Elu", "relu_i(x)", "r_ie_lu", "m_ax(x)", "ma x(x)", "ln(x)", "x_max(y)", "\\text{ReLÜ}", "\\text{RELU}",
        "\\text{Réla}", "\\operatorname{gelu}", "\\mathrm{ReLU}", "b^(l)", "{relu}", "\\frac{relu}{max(x)}",
        "\\sqrt[relu]{Relu}", "\\overset{Relu}{selu}", "\\left( Gelu \\right)",
        "\\begin{cases} Relu & sELU \\end{cases}",
        "m{(2)}", "ma{(2)}", "W_1{(2)}", "max\\left( x \\right)", "max(x)^2", "max^2(x)", "tanh(z)_i",
    ]

    // MARK: - Soup

    /// The pieces of the token soup (the goldens of `corpus-tokenSoup.txt` are read from them).
    static let soupPieces: [String] = [
        "\\frac", "{", "}", "^", "_", "\\left(", "\\right)", "\\left.", "\\right|", "\\begin{pmatrix}",
        "\\end{pmatrix}", "\\begin{cases}", "\\end{cases}", "\\begin{array}{cc}", "\\end{array}", "&", "\\\\",
        "\\\\[2pt]", "x", "1", "23.5", "\\sqrt", "[", "]", "(", ")", "\\newcommand{\\a}{\\a}", "\\def\\b#1{#1#1}",
        "\\b", "\\a", "\\text{", "'", "\\hat", "\\sum", "\\limits", "\\color{red}", "\\displaystyle",
        "\\operatorname*{", "%", "\n", "ŷ", "σ", "\\hspace{", "#1", "#", "\\big(", "\\not", "\\substack{", "\\end",
        "\\begin", " ", "\\unknown", "max", "W{(2)}", "b^(l)", "\\mathbf", "\\mathbb{R^5}", "$", "\\", "\\right",
        "\\middle|", "\\overset", "\\underbrace", "\\binom", ":=", "-", "\\,", "~", "\\label{x}", "\\tag",
    ]

    /// The bytes raw inputs are half made of.
    static let soupBytes: [UInt8] =
        Array("\\{}^_&$#%~()[]'|:=-+ xyz0123456789\n".utf8) + [0xC3, 0xA9, 0xCF, 0x83, 0xFF, 0x00]

}
