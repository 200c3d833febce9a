import NeuralCore
import Testing

@Suite struct TapeTests {
    /// A scalar expression, micrograd-style, with hand-derived partial derivatives:
    /// f = x·y + tanh(x) + exp(y)/x at x = 2, y = −3.
    @Test func scalarExpressionGradientsMatchHandDerivation() {
        let tape = Tape()
        let x = tape.variable(2.0), y = tape.variable(-3.0)
        let f = x * y + x.tanh() + y.exp() / x
        let xv = 2.0, yv = -3.0
        #expect(
            isApproximatelyEqual(f.scalar, xv * yv + Double.tanh(xv) + Double.exp(yv) / xv, relativeTolerance: 1e-15))
        let gradients = tape.gradients(of: f)
        let t = Double.tanh(xv)
        // ∂f/∂x = y + (1 − tanh²x) − eʸ/x²; ∂f/∂y = x + eʸ/x.
        #expect(
            isApproximatelyEqual(
                gradients[x].elements[0], yv + (1 - t * t) - Double.exp(yv) / (xv * xv), relativeTolerance: 1e-14))
        #expect(isApproximatelyEqual(gradients[y].elements[0], xv + Double.exp(yv) / xv, relativeTolerance: 1e-14))
    }

    /// A variable used twice accumulates both contributions: d(x·x + x)/dx = 2x + 1.
    @Test func reusedVariablesAccumulate() {
        let tape = Tape()
        let x = tape.variable(1.5)
        let gradients = tape.gradients(of: x * x + x)
        #expect(gradients[x].elements == [4])
    }

    /// Matrix product, broadcast and sum on the tape against central differences.
    @Test func tensorOperationsAgreeWithFiniteDifferences() {
        var rng = SeededGenerator(seed: 9)
        let a0 = Matrix<Double>(rows: 3, columns: 4) { _, _ in rng.nextNormal() }
        let w0 = Matrix<Double>(rows: 2, columns: 4) { _, _ in rng.nextNormal() }
        let b0 = Matrix<Double>(row: [0.3, -0.2])
        func f(_ w: Matrix<Double>) -> Variable {
            let tape = Tape()
            let z = tape.constant(a0).matmul(tape.variable(w).transposed()) + tape.variable(b0).broadcastRow(to: 3)
            return (z.tanh() * z).sum()
        }
        let tape = Tape()
        let w = tape.variable(w0)
        let z = tape.constant(a0).matmul(w.transposed()) + tape.variable(b0).broadcastRow(to: 3)
        let analytic = tape.gradients(of: (z.tanh() * z).sum())[w].elements
        let check = GradientCheck.check(
            { f(Matrix(rows: 2, columns: 4, elements: $0)).scalar }, gradient: analytic, at: w0.elements)
        #expect(check.passed, "tape vs finite differences: \(check)")
    }
}
