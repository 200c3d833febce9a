import Formulas
import Testing

@Suite struct SwiftSourceWriterTests {
    let writer = SwiftSourceWriter(functions: ["σ": "Activation.sigmoid.value", "σ'": "Activation.sigmoid.derivative"])

    func swift(_ latex: String) throws -> String {
        try writer.write(try lower(latex).terms.last!)
    }

    @Test(arguments: [
        (#"y = \frac{1}{1 + e^{-x}}"#, "1.0 / (1.0 + exp(-x))"),
        (
            #"y = 2(a^{(1)} - \hat{y}) \cdot \sigma'(W^{(2)}a^{(1)} + b^{(2)})"#,
            "2.0 * (a1 - yHat) * Activation.sigmoid.derivative(W2 * a1 + b2)"
        ),
        (#"y = \begin{cases} x & x \geq 0 \\ \alpha x & \text{otherwise} \end{cases}"#, "x >= 0.0 ? x : alpha * x"),
        (#"y = \sum_{n=1}^{3} x_n"#, "(1...3).reduce(0.0) { total, n in total + x[n - 1] }"),
    ])
    func writesSwift(_ latex: String, _ expected: String) throws {
        #expect(try swift(latex) == expected)
    }

    @Test func refusesWhatHasNoScalarForm() {
        #expect(throws: LoweringFailure.self) { try swift(#"y = \frac{\partial L}{\partial w}"#) }
        #expect(throws: LoweringFailure.self) { try swift(#"y = f(x)"#) }
    }
}
