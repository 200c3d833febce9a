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

    /// A letter applied to one name, or to several, is a function; a letter the lesson gives a
    /// value multiplies what follows, and so does any letter before an expression.
    @Test func namesAppliedToArgumentsAreCalls() throws {
        #expect(try printed(#"H(p)"#, keys: []) == "H(p)")
        #expect(try printed(#"\ell(z, t)"#, keys: []) == "ℓ(z, t)")
        #expect(try printed(#"E[X - E[X]]"#, keys: []) == "E(X − E(X))")
        #expect(try printed(#"x(y + z)"#, keys: []) == "x·(y + z)")
        #expect(try printed(#"D_{KL}(p)"#, keys: []) == "D_{KL}·p")
        #expect(try printed(#"p(1 - p)"#, keys: []) == "p·(1 − p)")
    }

    @Test func wordsAreNamesNotProductsOfLetters() throws {
        #expect(try printed(#"\text{model}(x)"#, keys: []) == "model(x)")
        #expect(try printed(#"\textrm{Var}[X]"#, keys: []) == "Var(X)")
        #expect(try printed(#"s[1] + x[i]"#, keys: []) == "s_1 + x_i")
        #expect(try printed(#"E[X]^2"#, keys: []) == "E(X)^2")
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
            ("ÉLU", "élu"), ("", ""), ("a\r\nb", "a\r\nb"), ("F", "F"), ("_F_", "F"), ("Σ", "Σ"), ("x", "x"),
        ] {
            #expect(FunctionName.normalise(written) == key, "\(written)")
            let kept = written.filter { !" -_\\{}~,.".contains($0) }
            #expect(FunctionName.normalise(written) == (kept.count == 1 ? String(kept) : kept.lowercased()))
        }
    }
}
