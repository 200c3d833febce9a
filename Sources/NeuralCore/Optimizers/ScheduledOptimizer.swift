/// An optimizer whose learning rate follows a schedule: at update t (1-based, as the training loop
/// counts) the base optimizer runs with η = `schedule.rate(at: t − 1)`, so the first update uses the
/// schedule's η₀.
public struct ScheduledOptimizer<Base: Optimizer>: Optimizer {
    /// The optimizer whose learning rate is replaced at every step.
    public var base: Base
    /// The learning rate at each step.
    public var schedule: LearningRateSchedule

    /// `base` with its learning rate taken from `schedule`.
    public init(_ base: Base, schedule: LearningRateSchedule) {
        self.base = base
        self.schedule = schedule
    }

    /// The base optimizer's learning rate (overridden at every step by the schedule).
    public var learningRate: Double {
        get { base.learningRate }
        set { base.learningRate = newValue }
    }

    /// The base optimizer's state names.
    public var stateNames: [String] { base.stateNames }

    /// The base update with η = schedule.rate(at: step − 1).
    public func update<T: NeuralScalar>(
        _ parameters: UnsafeMutableBufferPointer<T>, gradients: UnsafeBufferPointer<T>,
        state: OptimizerState<T>, step: Int
    ) {
        var scheduled = base
        scheduled.learningRate = schedule.rate(at: step - 1)
        scheduled.update(parameters, gradients: gradients, state: state, step: step)
    }
}
