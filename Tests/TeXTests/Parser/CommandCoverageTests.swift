import TeX
import Testing

/// The commands and environments real lesson collections use most: each reads without an error.
@Suite struct CommandCoverageTests {
    static let formulas: [String] = [
        "\\mathbf{x}", "\\partial f", "\\frac{a}{b}", "\\mathbb{R}", "\\textrm{loss}", "\\sum_{i=1}^{n} x_i",
        "\\begin{pmatrix} a \\end{pmatrix}", "x \\in S", "\\|x\\|", "A^\\top", "\\beta", "\\lambda", "\\text{if}",
        "\\left( x \\right)", "\\mathcal{L}", "\\log x", "\\eta", "\\epsilon", "a \\cdot b", "\\nabla f",
        "a \\times b", "x \\to y", "\\exp(x)", "\\boldsymbol{\\theta}", "a \\mid b", "\\theta", "\\sigma",
        "1, \\ldots, n", "\\ell", "\\mathrm{d}x", "\\hat{y}", "a \\quad b", "\\{ x \\}", "\\max(a, b)", "\\omega",
        "\\alpha", "a \\geq b", "a \\qquad b", "a \\leq b", "x \\mapsto y", "a \\rightarrow b", "\\vdots",
        "\\bar{x}", "\\mathsf{T}", "a \\cdots b", "\\xi", "\\pi", "a \\hspace{1em} b", "\\cos x", "a \\; b",
        "\\sqrt{x}", "a \\leftarrow b", "a \\approx b",
        "\\gamma \\delta \\zeta \\iota \\kappa \\mu \\nu \\rho \\tau \\upsilon \\phi \\varphi \\chi \\psi \\omicron",
        "\\Gamma \\Delta \\Theta \\Lambda \\Xi \\Pi \\Sigma \\Upsilon \\Phi \\Psi \\Omega \\varepsilon \\vartheta",
        "\\operatorname{softmax}(z)", "\\operatorname*{arg\\,max}_x f", "\\min_x f", "\\arg\\max",
        "\\lim_{n \\to \\infty}",
        "\\prod_i p_i", "\\int_0^1 f", "\\infty", "a \\odot b", "a \\otimes b", "f \\circ g", "f^\\prime", "\\dots",
        "\\ddots", "\\tilde{x}", "\\vec{v}", "\\dot{x}", "\\overline{x}", "\\underbrace{a+b}_{2}",
        "\\overbrace{a+b}^{2}", "\\sum_{\\substack{i \\\\ j}} x", "\\tfrac{1}{2}", "\\dfrac{1}{2}", "\\binom{n}{k}",
        "\\displaystyle \\sum x", "a \\, b \\! c \\: d", "a \\le b \\ge c \\ne d \\neq e", "a \\equiv b",
        "a \\propto b", "a \\sim b", "\\forall x \\exists y", "A \\subset B", "A \\cup B \\cap C",
        "\\langle x, y \\rangle", "\\lVert x \\rVert", "\\lfloor x \\rfloor \\lceil y \\rceil", "\\big( \\Big( \\bigg(",
        "\\sin x \\tan y \\ln z \\det A", "\\mathrm{d}", "{\\color{red} x}", "\\sum\\limits_i x",
        "\\begin{bmatrix} a & b \\end{bmatrix}", "\\begin{Bmatrix} a \\end{Bmatrix}",
        "\\begin{vmatrix} a \\end{vmatrix}", "\\begin{Vmatrix} a \\end{Vmatrix}", "\\begin{matrix} a \\end{matrix}",
        "\\begin{smallmatrix} a \\end{smallmatrix}", "\\begin{cases} a & b \\end{cases}",
        "\\begin{array}{cc} a & b \\end{array}", "\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}",
        "\\begin{align} a &= b \\end{align}", "\\begin{align*} a &= b \\end{align*}",
        "\\begin{equation} a \\end{equation}", "\\begin{equation*} a \\end{equation*}",
        "\\begin{gather} a \\\\ b \\end{gather}", "\\begin{split} a &= b \\end{split}",
        "\\tanh(x)", "\\sigma(x)", "\\frac{\\partial L}{\\partial W^{(2)}}", "\\mathbb{R}^{m \\times n}",
        "x \\in \\mathbb{R^5}", "\\text{ReLU}(x) = \\max(0, x)", "\\hat{y}_i", "x^{(i)}_j", "\\textcolor{blue}{x}",
        "\\mathbf{W}^{(l)} \\mathbf{x}^{(l-1)} + \\mathbf{b}^{(l)}", "\\Pr(x)", "\\sqrt[3]{8}", "a \\pm b",
    ]

    @Test(arguments: formulas)
    func readsWithoutError(_ latex: String) {
        let result = TeX.parse(latex, display: true)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(!result.mathML.contains("<merror>"))
    }
}
