import NeuralCore
import Testing

/// How the rules relate: conventions that agree, forms that are the same method, decays that differ.
@Suite struct OptimizerConventionTests {
    @Test func classicalAndAccumulatedMomentumAgreeAtAConstantRateAndDifferUnderASchedule() {
        let classical = Momentum(learningRate: 0.1, momentum: 0.8)
        let accumulated = Momentum(learningRate: 0.1, momentum: 0.8, convention: .accumulated)
        let a = classical.trajectory(from: Quadratic.start, steps: 30, gradient: Quadratic.gradient)
        let b = accumulated.trajectory(from: Quadratic.start, steps: 30, gradient: Quadratic.gradient)
        #expect(isApproximatelyEqual(a[30], b[30], relativeTolerance: 1e-12, absoluteTolerance: 1e-14))

        // With η halved every 5 steps, the accumulated form rescales the whole velocity, the classical
        // form only the new gradient.
        let schedule = LearningRateSchedule.stepDecay(initial: 0.1, factor: 0.5, every: 5)
        let c = ScheduledOptimizer(classical, schedule: schedule)
            .trajectory(from: Quadratic.start, steps: 30, gradient: Quadratic.gradient)
        let d = ScheduledOptimizer(accumulated, schedule: schedule)
            .trajectory(from: Quadratic.start, steps: 30, gradient: Quadratic.gradient)
        #expect(!isApproximatelyEqual(c[30], d[30], relativeTolerance: 1e-6))
        // Each still matches its own rule with ηₜ = rate(at: t − 1).
        var v = [0.0, 0, 0], theta = Quadratic.start
        for t in 1...30 {
            let eta = schedule.rate(at: t - 1), g = Quadratic.gradient(theta)
            v = (0..<3).map { 0.8 * v[$0] - eta * g[$0] }
            theta = (0..<3).map { theta[$0] + v[$0] }
        }
        #expect(isApproximatelyEqual(c[30], theta, relativeTolerance: 1e-12, absoluteTolerance: 1e-14))
    }

    /// The in-place rule runs in Θ = θ + μv; the look-ahead rule in θ. Same method: Θₜ = θₜ + μvₜ.
    @Test func nesterovsTwoFormsAreTheSameMethod() {
        let nesterov = Nesterov(learningRate: 0.1, momentum: 0.8)
        let shifted = nesterov.trajectory(from: Quadratic.start, steps: 40, gradient: Quadratic.gradient)
        var theta = Quadratic.start, v = [0.0, 0, 0]
        for t in 1...40 {
            (theta, v) = nesterov.lookaheadStep(theta, velocity: v, gradient: Quadratic.gradient)
            let lookahead = (0..<3).map { theta[$0] + 0.8 * v[$0] }
            #expect(
                isApproximatelyEqual(shifted[t], lookahead, relativeTolerance: 1e-11, absoluteTolerance: 1e-13),
                "t = \(t)")
        }
        // And it differs from plain momentum with the same μ and η.
        let heavyBall = Momentum(learningRate: 0.1, momentum: 0.8)
            .trajectory(from: Quadratic.start, steps: 40, gradient: Quadratic.gradient)
        #expect(!isApproximatelyEqual(heavyBall[40], shifted[40], relativeTolerance: 1e-6))
    }

    @Test func coupledWeightDecayIsTheL2PenaltysGradient() {
        let penalty = L2Penalty(lambda: 0.3)
        let decayed = SGD(learningRate: 0.1, weightDecay: 0.3)
            .trajectory(from: Quadratic.start, steps: 20, gradient: Quadratic.gradient)
        let penalised = SGD(learningRate: 0.1).trajectory(from: Quadratic.start, steps: 20) { theta in
            zip(Quadratic.gradient(theta), penalty.gradient(theta)).map { $0 + $1 }
        }
        #expect(isApproximatelyEqual(decayed[20], penalised[20], relativeTolerance: 1e-14))
        #expect(SGD(learningRate: 0.1, weightDecay: 0.3).plainGradientStep == nil)
        #expect(SGD(learningRate: 0.1).plainGradientStep == 0.1)
    }

    @Test func adamWDecouplesItsDecayFromTheMoments() {
        let adamW = AdamW(learningRate: 0.05, weightDecay: 0.1)
        let withoutDecay = AdamW(learningRate: 0.05, weightDecay: 0)
            .trajectory(from: Quadratic.start, steps: 25, gradient: Quadratic.gradient)
        let adam = Adam(learningRate: 0.05).trajectory(from: Quadratic.start, steps: 25, gradient: Quadratic.gradient)
        #expect(isApproximatelyEqual(withoutDecay[25], adam[25], relativeTolerance: 1e-13))
        // Adam with the decay put into the gradient (an L2 penalty) is a different method.
        let coupled = Adam(learningRate: 0.05).trajectory(from: Quadratic.start, steps: 25) { theta in
            zip(Quadratic.gradient(theta), theta).map { $0 + 0.1 * $1 }
        }
        let decoupled = adamW.trajectory(from: Quadratic.start, steps: 25, gradient: Quadratic.gradient)
        #expect(!isApproximatelyEqual(coupled[25], decoupled[25], relativeTolerance: 1e-4))
    }

    @Test func adamsFirstStepIsTheLearningRateTimesTheSign() {
        // m̂₁ = g and v̂₁ = g², so θ₁ = θ₀ − η·g/(|g| + ε): the bias correction at t = 1.
        let first = Adam(learningRate: 0.01).step(
            [1, 1], gradients: [3, -0.5], state: OptimizerMoments(count: 2), at: 1)
        #expect(isApproximatelyEqual(first.parameters, [0.99, 1.01], relativeTolerance: 1e-8))
        #expect(isApproximatelyEqual(first.state.first, [0.3, -0.05], relativeTolerance: 1e-14))
        #expect(isApproximatelyEqual(first.state.second, [0.009, 0.00025], relativeTolerance: 1e-12))
        #expect(Adam().stateNames == ["m", "v"] && SGD(learningRate: 1).stateNames.isEmpty)
    }

    @Test func theScalarStepIsTheArrayStepAndTheInPlaceUpdate() {
        let optimizer = RMSProp(learningRate: 0.1)
        let scalar = optimizer.step(2.0, gradient: 0.5, at: 1)
        let array = optimizer.step([2.0], gradients: [0.5], state: OptimizerMoments(count: 1), at: 1)
        #expect(scalar.weight == array.parameters[0] && scalar.state == array.state)
        var w = [2.0], g = [0.5], first = [0.0], second = [0.0]
        w.withUnsafeMutableBufferPointer { wp in
            g.withUnsafeMutableBufferPointer { gp in
                optimizer.update(
                    wp, gradients: UnsafeBufferPointer(gp), state: OptimizerState(first: &first, second: &second),
                    step: 1)
            }
        }
        #expect(w[0] == scalar.weight && first == scalar.state.first)
        _ = g
    }
}
