import TeX
import Testing

/// Representative formulas of the seed, written as MathML and compared with golden files;
/// `LITMUS_RECORD=1 swift test --filter TeXTests` re-records them.
@Suite struct MathMLGoldenTests {
    static let formulas: [(name: String, latex: String, display: Bool)] = [
        ("sigmoid", "\\sigma(x) = \\frac{1}{1 + e^{-x}}", false),
        ("softmax", "\\sigma(x_i) = \\frac{e^{x_i}}{\\sum_{j} e^{x_j}}", false),
        ("softmax-display", "\\sigma(x_i) = \\frac{e^{x_i}}{\\sum_{j} e^{x_j}}", true),
        (
            "pmatrix-6x5",
            """
             W = 
            \\begin{pmatrix}
            w_{11} & w_{12} & w_{13} & w_{14} & w_{15} \\\\
            w_{21} & w_{22} & w_{23} & w_{24} & w_{25} \\\\
            w_{31} & w_{32} & w_{33} & w_{34} & w_{35} \\\\
            w_{41} & w_{42} & w_{43} & w_{44} & w_{45} \\\\
            w_{51} & w_{52} & w_{53} & w_{54} & w_{55} \\\\
            w_{61} & w_{62} & w_{63} & w_{64} & w_{65} \\\\
            \\end{pmatrix}

            """, false
        ),
        (
            "leaky-relu-cases",
            " \\text{Leaky ReLU}(x) = \\begin{cases} x & \\text{if } x \\geq 0 \\\\ \\alpha x & \\text{if } x < 0 \\end {cases} ",
            false
        ),
        (
            "chain-rule",
            """
            \\frac{\\partial L}{\\partial W^{(2)}} = \\frac{\\partial L}{\\partial y} \\cdot \\frac{\\partial y}{\\partial W^{(2)}} \
            = 2(y - \\hat{y}) \\cdot \\sigma'(W^{(2)}a^{(1)} + b^{(2)}) \\cdot a^{(1)}
            """, true
        ),
        ("real-matrix-space", "W \\in \\mathbb{R}^{m \\times n}", false),
        ("update-rule", "W^{(1)} \\rightarrow W^{(1)} -\\eta \\frac{\\partial L}{\\partial W^{(1)}} ", true),
    ]

    @Test(arguments: formulas)
    func golden(name: String, latex: String, display: Bool) throws {
        let result = TeX.parse(latex, display: display)
        #expect(result.diagnostics.isEmpty)
        try mathMLGoldens.check(result.mathML, named: "\(name).mathml")
    }
}
