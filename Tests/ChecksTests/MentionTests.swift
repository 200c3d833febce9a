import Checks
import Testing

/// A mention in the prose (`the target $y$`) is checked against the lesson's formulas: a symbol
/// they define or use is named (verified, with where); a misspelt or unknown one is not.
@Suite struct MentionTests {
    static let lesson = """
        The prediction 1️⃣$\\hat{y}$ is compared with the target 2️⃣$y$, and 3️⃣$\\hat{z}$ is nowhere.

        $$
        \\hat{y} = \\sigma(w x + b)
        $$

        $$
        L = (\\hat{y} - y)^{2}
        $$

        The weight 4️⃣$w$ moves at the rate 5️⃣$\\frac{\\partial L}{\\partial w}$; 6️⃣$\\frac{\\partial L}{\\partial v}$
        is no derivative of this lesson, and 7️⃣$0.01$ is only a number. The inputs 8️⃣$x, \\dots, w$ are listed.
        """

    @Test(arguments: [
        ("1️⃣", "defined at line 3"), ("2️⃣", "used in the formula at line 7"), ("4️⃣", "w"),
        ("5️⃣", "∂L/∂w"), ("8️⃣", "a list"),
    ])
    func mentionsOfTheLessonsSymbolsAreVerified(marker: String, fragment: String) throws {
        let marked = Marked(Self.lesson)
        let verdict = try #require(marked.verdict(marker, in: Lessons.check(marked.text)))
        #expect(verdict.status == .verified, "\(verdict.message)")
        #expect(verdict.message.contains(fragment), "\(verdict.message)")
    }

    @Test(arguments: ["3️⃣", "6️⃣", "7️⃣"])
    func unknownSymbolsAndBareNumbersStayUnchecked(marker: String) throws {
        let marked = Marked(Self.lesson)
        let verdict = try #require(marked.verdict(marker, in: Lessons.check(marked.text)))
        #expect(verdict.status == .unchecked, "\(verdict.message)")
    }

    static let layers = """
        Number the layers 1️⃣$l = 1, \\dots, L$. Layer 2️⃣$l$ computes $z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)}$ and
        $a^{(l)} = f(z^{(l)}) \\odot z^{(l)}$, where 3️⃣$\\odot$ multiplies entries; its entry 4️⃣$W^{(l)}_{ij}$ weighs input
        5️⃣$j$, and 6️⃣$\\frac{1}{4}$ is a constant. Nothing here uses 7️⃣$\\oslash$ or 8️⃣$m$.
        """

    @Test func indexRangesLayerLabelsAndOperatorsAreTheLessons() throws {
        let marked = Marked(Self.layers)
        let report = Lessons.check(marked.text)
        let range = try #require(marked.verdict("1️⃣", in: report))
        #expect(range.status == .definition && range.message.contains("1, …, L"), "\(range.message)")
        for marker in ["2️⃣", "3️⃣", "4️⃣", "5️⃣"] {
            let verdict = try #require(marked.verdict(marker, in: report))
            #expect(verdict.status == .verified, "\(marker): \(verdict.message)")
        }
        for marker in ["6️⃣", "7️⃣", "8️⃣"] {
            let verdict = try #require(marked.verdict(marker, in: report))
            #expect(verdict.status == .unchecked, "\(marker): \(verdict.message)")
        }
    }

    @Test func listsOfDataValuesAreUncheckedWithTheirReason() {
        let report = Lessons.check("The outputs $0, 1, 1, 0$ for the inputs $(0,0), (0,1), (1,0), (1,1)$.\n")
        for formula in report.formulas {
            #expect(formula.verdict.status == .unchecked)
            #expect(formula.verdict.message.contains("a list of data values"), "\(formula.verdict.message)")
        }
    }

    @Test func aShapeWrittenWithTimesNamesTheLessonsSizes() {
        let report = Lessons.check("$\\delta \\in \\mathbb{R}^{n_l}$ is $n_l \\times 1$, not $m \\times 1$.\n")
        #expect(report.formulas[1].verdict.status == .verified, "\(report.formulas[1].verdict.message)")
        #expect(report.formulas[1].verdict.message.contains("the shape n_l × 1"))
        #expect(report.formulas[2].verdict.status == .unchecked, "\(report.formulas[2].verdict.message)")
    }
}
