import Formulas
import TeX
import Testing

/// Functions a lesson names itself (`H`, `D_{KL}`), their `\|` separated arguments, the gradient
/// `\nabla_{\theta} L`, and lists of mentions.
@Suite struct NamedFunctionLoweringTests {
    func printed(_ latex: String, keys: Set<String>) throws -> String {
        try Lowerer(functionKeys: keys).lower(TeX.parse(latex, display: false).root).terms
            .map { ExpressionPrinter().print($0) }.joined(separator: " | ")
    }

    @Test(arguments: [
        (#"H(t, p) = H(t) + D_{KL}(t \| p)"#, "H(t, p) | H(t) + D_{KL}(t, p)"),
        (#"D_{KL}(t \| p) = \sum_{k} t_k \log \frac{t_k}{p_k}"#, "D_{KL}(t, p) | Σ_k t_k·log(t_k/p_k)"),
    ])
    func namesTheLessonDefinesAreCalls(_ latex: String, _ expected: String) throws {
        #expect(try printed(latex, keys: ["h", "dkl"]) == expected)
    }

    @Test func unknownNamesStayProducts() throws {
        #expect(try printed(#"H(p)"#, keys: []) == "H·p")
        #expect(try printed(#"D_{KL}(p)"#, keys: []) == "D_{KL}·p")
    }

    @Test func theGradientIsADerivative() throws {
        #expect(try printed(#"\nabla_{\theta} L"#, keys: []) == "∂L/∂θ")
    }

    @Test func aListOfMentionsDropsItsDots() throws {
        let entries = Lowerer().lowerList(TeX.parse(#"z_1, \dots, z_K"#, display: false).root)
        #expect(entries == [.variable(Symbol("z", index: "1")), .variable(Symbol("z", index: "K"))])
        #expect(Lowerer().lowerList(TeX.parse(#"l = 1, \dots, L"#, display: false).root) == nil)
    }
}

@Suite struct FunctionNameTests {
    @Test func spellingsMeetInOneKey() {
        // The ASCII fast path and Unicode's lowercasing give the same keys.
        for (written, key) in [
            ("relu", "relu"), ("Leaky ReLU", "leakyrelu"), ("\\mathrm{leaky\\_relu}", "mathrmleakyrelu"),
            ("LeakyReLU", "leakyrelu"), ("soft-max~2.", "softmax2"), ("σ", "σ"), ("Σ_max", "σmax"),
            ("ÉLU", "élu"), ("", ""), ("a\r\nb", "a\r\nb"),
        ] {
            #expect(FunctionName.normalise(written) == key, "\(written)")
            #expect(
                FunctionName.normalise(written)
                    == String(written.lowercased().filter { !" -_\\{}~,.".contains($0) }))
        }
    }
}
