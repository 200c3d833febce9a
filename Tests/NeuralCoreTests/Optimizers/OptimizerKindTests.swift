import NeuralCore
import Testing

@Suite struct OptimizerKindTests {
    @Test(arguments: OptimizerKind.allCases)
    func everyKindIsFoundByNameAndBuildsFromNamedValues(_ kind: OptimizerKind) {
        #expect(OptimizerKind(named: kind.name) == kind)
        #expect(!kind.updateRule.isEmpty && kind.hyperparameters.first?.name == "learningRate")
        let optimizer = kind.make(["learningRate": 0.03])
        #expect(optimizer.learningRate == 0.03)
        // The built optimizer descends on the quadratic with its defaults otherwise.
        let path = kind.make(["learningRate": kind == .adadelta ? 1 : 0.05])
            .trajectory(from: Quadratic.start, steps: 200, gradient: Quadratic.gradient)
        #expect(Quadratic.value(path[200]) < Quadratic.value(Quadratic.start), "\(kind.name)")
    }

    @Test func namedValuesReachTheRightFields() {
        let adam = OptimizerKind.adam.make(["beta1": 0.8, "epsilon": 1e-6]) as! Adam
        #expect(adam.beta1 == 0.8 && adam.beta2 == 0.999 && adam.epsilon == 1e-6)
        let momentum = OptimizerKind.averagedMomentum.make(["momentum": 0.95]) as! Momentum
        #expect(momentum.convention == .exponentialAverage && momentum.momentum == 0.95)
        #expect(OptimizerKind(named: "SGD with momentum") == .momentum)
        #expect(OptimizerKind(named: "NAG") == .nesterov)
        #expect(OptimizerKind(named: "Lion") == nil)
    }

    @Test func anUnknownHyperparameterStops() async {
        await #expect(processExitsWith: .failure) {
            _ = OptimizerKind.sgd.make(["beta1": 0.9])
        }
    }
}
