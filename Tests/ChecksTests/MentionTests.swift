import Checks
import Testing

/// A formula that states nothing to check — a bare symbol, a number, a list, a set — is a
/// `mention`, never `verified`; its message says what the reading makes of it.
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
        ("1️⃣", "defined at line 3"), ("2️⃣", "used in the formula at line 7"), ("4️⃣", "names w"),
        ("5️⃣", "∂L/∂w"), ("8️⃣", "a list"), ("3️⃣", "names ẑ"), ("6️⃣", "∂L/∂v"), ("7️⃣", "0.01"),
    ])
    func mentionsSayWhatTheyName(marker: String, fragment: String) throws {
        let marked = Marked(Self.lesson)
        let verdict = try #require(marked.verdict(marker, in: Lessons.check(marked.text)))
        #expect(verdict.status == .mention, "\(verdict.message)")
        #expect(verdict.message.contains(fragment), "\(verdict.message)")
    }

    @Test func noFormulaWithoutARelationIsVerified() {
        let report = Lessons.check(Marked(Self.lesson).text)
        for formula in report.formulas where !formula.statesRelation {
            #expect(formula.verdict.status == .mention, "\(formula.latex): \(formula.verdict.message)")
        }
        #expect(report.counts[.mention] == 8)
        // The one claim is the loss, checked against the engine's squared error.
        #expect(report.counts.claims == 1)
    }

    static let layers = """
        Number the layers 1️⃣$l = 1, \\dots, L$. Layer 2️⃣$l$ computes $z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)}$ and
        $a^{(l)} = f(z^{(l)}) \\odot z^{(l)}$, where 3️⃣$\\odot$ multiplies entries; its entry 4️⃣$W^{(l)}_{ij}$ weighs input
        5️⃣$j$, and 6️⃣$\\frac{1}{4}$ is a constant.
        """

    @Test func indexRangesAreDefinitionsAndTheRestMentions() throws {
        let marked = Marked(Self.layers)
        let report = Lessons.check(marked.text)
        let range = try #require(marked.verdict("1️⃣", in: report))
        #expect(range.status == .definition && range.message.contains("1, …, L"), "\(range.message)")
        for marker in ["2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣"] {
            let verdict = try #require(marked.verdict(marker, in: report))
            #expect(verdict.status == .mention, "\(marker): \(verdict.message)")
        }
        #expect(try #require(marked.verdict("2️⃣", in: report)).message.contains("a whole number"))
    }

    @Test func listsOfDataValuesAreMentions() {
        let report = Lessons.check("The outputs $0, 1, 1, 0$ for the inputs $(0,0), (0,1), (1,0), (1,1)$.\n")
        for formula in report.formulas {
            #expect(formula.verdict.status == .mention, "\(formula.verdict.message)")
        }
    }

    /// The prose's kind words and replacements are read: "the matrix $V$ … replacing $W$".
    @Test func theProseGivesKinds() throws {
        let marked = Marked(
            "Let $W \\in \\mathbb{R}^{2 \\times 3}$ and $b \\in \\mathbb{R}^{2}$. The output layer uses weights "
                + "1️⃣$V$ and biases 2️⃣$c$ replacing $W$ and $b$; the 3️⃣$M$ is a matrix.")
        let report = Lessons.check(marked.text)
        let v = try #require(marked.verdict("1️⃣", in: report))
        #expect(v.message.contains("in place of W") && v.message.contains("matrix"), "\(v.message)")
        let c = try #require(marked.verdict("2️⃣", in: report))
        #expect(c.message.contains("in place of b") && c.message.contains("vector"), "\(c.message)")
    }
}
