// MARK: - The pure, inspectable form of an update

extension Optimizer {
    /// One update as a pure function: the parameters and state after step `t` (1-based, as in
    /// Adam's bias correction 1 − βᵗ) from `parameters`, their `gradients` and the state before it.
    /// The same kernel as the in-place `update`, run on copies.
    public func step<T: NeuralScalar>(
        _ parameters: [T], gradients: [T], state: OptimizerMoments<T>, at t: Int
    ) -> (parameters: [T], state: OptimizerMoments<T>) {
        precondition(
            parameters.count == gradients.count && state.first.count == parameters.count,
            "step: \(parameters.count) parameters, \(gradients.count) gradients, state of \(state.first.count)")
        precondition(t >= 1, "step: steps count from 1, got \(t)")
        var w = parameters, first = state.first, second = state.second
        w.withUnsafeMutableBufferPointer { wp in
            gradients.withUnsafeBufferPointer { gp in
                first.withUnsafeMutableBufferPointer { f in
                    second.withUnsafeMutableBufferPointer { s in
                        guard let fBase = f.baseAddress, let sBase = s.baseAddress else { return }
                        update(wp, gradients: gp, state: OptimizerState(first: fBase, second: sBase), step: t)
                    }
                }
            }
        }
        return (w, OptimizerMoments(first: first, second: second))
    }

    /// One update of a single scalar parameter w with gradient g: the weight and state after step `t`.
    public func step(
        _ w: Double, gradient g: Double, state: OptimizerMoments<Double> = OptimizerMoments(count: 1), at t: Int
    ) -> (weight: Double, state: OptimizerMoments<Double>) {
        let next = step([w], gradients: [g], state: state, at: t)
        return (next.parameters[0], next.state)
    }

    /// θ₀, θ₁, …, θ_steps: `steps` updates from `start`, the gradient evaluated at each iterate
    /// (steps 1, 2, … in the bias corrections), with the state starting at zero.
    public func trajectory<T: NeuralScalar>(from start: [T], steps: Int, gradient: ([T]) -> [T]) -> [[T]] {
        precondition(steps >= 0, "trajectory: \(steps) steps")
        var iterates = [start], state = OptimizerMoments<T>(count: start.count)
        for t in stride(from: 1, through: steps, by: 1) {
            let next = step(iterates[t - 1], gradients: gradient(iterates[t - 1]), state: state, at: t)
            iterates.append(next.parameters)
            state = next.state
        }
        return iterates
    }
}
