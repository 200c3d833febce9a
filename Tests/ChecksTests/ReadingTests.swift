import Checks
import Testing

/// How spans are put together and read: groups, several statements, notations.
@Suite struct ReadingTests {
    @Test func spansOfAGroupJoinOnlyWhereARelationContinues() {
        // `$W$ $x =$ $z$` is one formula; `$b$ $L = …$` are two.
        let report = Lessons.check(
            """
            $z = 2 y$

            Then $2$ $y =$ $z$ and $b$ $L = (y - t)^2$.
            """)
        let statuses = report.formulas.map(\.verdict.status)
        #expect(statuses == [.definition, .verified, .verified, .verified, .mention, .verified])
        #expect(report.formulas[2].group == report.formulas[1].index)
        #expect(report.formulas[5].group == report.formulas[5].index)
    }

    @Test func severalStatementsInOneSpan() {
        let report = Lessons.check("$$ z = w x + b, \\qquad a = \\sigma(z). $$\n")
        #expect(report.formulas[0].verdict.status == .definition)
        #expect(report.formulas[0].verdict.message.contains("(2) definition: defines a = σ(z)"))
    }

    @Test(arguments: [
        #"\text{softmax}(z)_k = \frac{e^{z_k}}{\sum_{j} e^{z_j}}"#,
        #"\operatorname{softmax}(z_i) = \frac{\exp(z_i)}{\sum_j \exp(z_j)}"#,
        #"\sigma'(z) = \sigma(z)\,\bigl(1 - \sigma(z)\bigr)"#,
        #"\frac{d\sigma}{dx} = \sigma(x)(1 - \sigma(x))"#,
        #"\tanh'(x) = 1 - \tanh^{2}(x)"#,
        #"\tanh(x) = 2\sigma(2x) - 1"#,
        #"\sigma(x) = (1+\exp(-x))^{-1}"#,
        #"\sigma(x) = \frac{e^x}{1+e^x}"#,
        #"\text{sigmoid}(x) = \frac{1}{1 + \exp(-x)}"#,
        #"\operatorname{ReLU}(x) = \max(0, x)"#,
        #"\text{ReLU}(x) = \frac{x + |x|}{2}"#,
        #"\text{Leaky ReLU}(x) = \begin{cases} x & \text{if } x \geq 0 \\ 0.01 x & \text{if } x < 0 \end{cases}"#,
        #"\text{softmax}(x) = \frac{\exp(x)}{\sum_j \exp(x_j)}"#,
        #"\mathrm{ReLU}(x) = \max\{0, x\}"#,
        #"\text{LeakyReLU}(z) = \max(0.01 z, z)"#,
        #"\text{ReLU}'(x) = \begin{cases} 1 & x > 0 \\ 0 & \text{otherwise} \end{cases}"#,
    ])
    func engineFunctionsInManySpellingsAreVerified(_ latex: String) {
        let report = Lessons.check("$\(latex)$\n")
        #expect(report.formulas[0].verdict.status == .verified, "\(report.formulas[0].verdict.message)")
    }

    @Test func aValueInProseBindsTheNextFormulaButDefinesNothing() {
        let report = Lessons.check("At $z = 0$ the slope is largest.\n\n$a = z + 1$\n\n$a - z = 1$\n")
        #expect(report.formulas[0].verdict.status == .definition)
        #expect(report.formulas[0].verdict.message.contains("for the formula that follows"))
        #expect(report.formulas[1].verdict.message.hasPrefix("defines a = z + 1"))
        #expect(report.formulas[2].verdict.status == .verified)
        #expect(!report.formulas[2].verdict.message.contains("z = 0"), "\(report.formulas[2].verdict.message)")
    }

    @Test func aWorkedExampleHoldsForTheValuesTheLessonStates() {
        let text =
            "One sample $x = 2$ with $\\eta = 0.05$.\n\nSome prose $y = 3 x$.\n\nThe factor $1 - 2 \\eta x^{2} = 0.6$.\n"
        let report = Lessons.check(text)
        let factor = report.formulas[3].verdict
        #expect(factor.status == .verified, "\(factor.message)")
        #expect(factor.message.contains("x = 2 (line 1)") && factor.message.contains("η = 0.05 (line 1)"))
        // A wrong factor stays a mismatch, with or without the example's values.
        let wrong = Lessons.check(text.replacingOccurrences(of: "0.6", with: "0.5"))
        #expect(wrong.formulas[3].verdict.status == .mismatch)
    }

    @Test func aValueOutsideTheLessonsConstraintIsAMismatch() {
        let report = Lessons.check("$t \\in \\{0, 1\\}$ and $t = 2$\n")
        #expect(report.formulas[1].verdict.status == .mismatch)
    }

    @Test func aLessonFunctionAndItsDerivative() {
        let report = Lessons.check("$f(x) = x^3 + 2x$\n\n$f'(x) = 3x^2 + 2$\n\n$f'(x) = 3x^2$\n")
        #expect(report.formulas.map(\.verdict.status) == [.definition, .verified, .mismatch])
    }

    @Test func aConstraintShapesTheSamples() {
        // With t ∈ {0, 1}, t² = t holds at every sample; without it, it does not.
        let constrained = Lessons.check("$t \\in \\{0, 1\\}$\n\n$t^2 = t$\n")
        #expect(constrained.formulas.map(\.verdict.status) == [.definition, .verified])
        // Without it, the equation holds only for some t: an equation to solve, never a mismatch.
        let free = Lessons.check("$t^2 = t$\n")
        #expect(free.formulas[0].verdict.status == .definition)
        #expect(free.formulas[0].verdict.message.contains("condition on t"))
        // Where the lesson speaks of labels, the reading that holds is named.
        let labels = Lessons.check("For a binary label $t$,\n\n$$t^2 = t$$\n")
        #expect(labels.formulas[1].verdict.status == .unchecked)
        #expect(labels.formulas[1].verdict.message.contains("t ∈ {0, 1}"))
    }
}

@Suite struct HonestyTests {
    /// A derivative the lesson's definitions do not connect is never taken as 0.
    @Test func unrelatedDerivativesAreUnchecked() {
        let report = Lessons.check(
            "$L = y^2$\n\n$\\frac{\\partial L}{\\partial z} = 0$\n\n$\\delta = \\frac{\\partial L}{\\partial z}$\n\n$2\\delta = 0$\n"
        )
        #expect(report.formulas.map(\.verdict.status) == [.definition, .unchecked, .definition, .unchecked])
    }

    @Test(arguments: [
        #"\sigma - f = 0.5"#,  // σ names a function, used as a value
        #"y = 2 \text{if } x"#,  // prose inside the formula
        #"\sum_{j} b = 4 b"#,  // a sum whose range nothing gives
        #"y \text{ReLU} = 2"#,  // a function without its argument
    ])
    func guessesAreRefused(_ latex: String) {
        let report = Lessons.check("$\(latex)$\n")
        #expect(report.formulas[0].verdict.status == .unchecked, "\(report.formulas[0].verdict.message)")
    }

    /// A redefinition in a later section is a definition, not a contradiction.
    @Test func redefinitionIsNotAMismatch() {
        let report = Lessons.check("$y = \\sigma(z)$\n\n$y = \\text{softmax}(z)$\n")
        #expect(report.formulas.map(\.verdict.status) == [.definition, .definition])
        #expect(report.formulas[1].verdict.message.contains("redefines y"))
    }
}
