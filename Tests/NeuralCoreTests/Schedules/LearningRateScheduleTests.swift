import Foundation
import NeuralCore
import Testing

/// A schedule against its formula written out with Foundation's `pow` and `cos`, t = 0, 1, 2, …
struct ScheduleCase: Sendable, CustomTestStringConvertible {
    let schedule: LearningRateSchedule
    let formula: @Sendable (Int) -> Double
    var testDescription: String { schedule.name }
}

@Suite struct LearningRateScheduleTests {
    static let cases: [ScheduleCase] = [
        ScheduleCase(schedule: .constant(0.05)) { _ in 0.05 },
        ScheduleCase(schedule: .stepDecay(initial: 0.1, factor: 0.5, every: 7)) { t in
            0.1 * pow(0.5, Double(t / 7))
        },
        ScheduleCase(schedule: .exponentialDecay(initial: 0.2, factor: 0.9, every: 1)) { t in 0.2 * pow(0.9, Double(t))
        },
        ScheduleCase(schedule: .exponentialDecay(initial: 0.2, factor: 0.5, every: 4)) { t in
            0.2 * pow(0.5, Double(t) / 4)
        },
        ScheduleCase(schedule: .inverseTimeDecay(initial: 0.3, rate: 0.5, every: 2)) { t in
            0.3 / (1 + 0.5 * Double(t) / 2)
        },
        ScheduleCase(schedule: .cosineAnnealing(initial: 0.1, minimum: 0.001, period: 25)) { t in
            0.001 + 0.5 * (0.1 - 0.001) * (1 + cos(Double.pi * Double(min(t, 25)) / 25))
        },
        ScheduleCase(schedule: .cosineWarmRestarts(initial: 0.1, minimum: 0, period: 5, multiplier: 2)) { t in
            // Periods 5, 10, 20, 40: restarts at 5, 15, 35.
            let (start, length) = t < 5 ? (0, 5) : t < 15 ? (5, 10) : t < 35 ? (15, 20) : (35, 40)
            return 0.05 * (1 + cos(Double.pi * Double(t - start) / Double(length)))
        },
        ScheduleCase(schedule: .cosineWarmRestarts(initial: 0.1, minimum: 0.01, period: 6, multiplier: 1)) { t in
            0.01 + 0.045 * (1 + cos(Double.pi * Double(t % 6) / 6))
        },
        ScheduleCase(
            schedule: .linearWarmup(steps: 5, start: 0, then: .stepDecay(initial: 0.1, factor: 0.1, every: 10))
        ) {
            t in t < 5 ? 0.1 * Double(t) / 5 : 0.1 * pow(0.1, Double((t - 5) / 10))
        },
        ScheduleCase(schedule: .linearWarmup(steps: 4, start: 0.25, then: .constant(0.2))) { t in
            t < 4 ? 0.2 * (0.25 + 0.75 * Double(t) / 4) : 0.2
        },
    ]

    @Test(arguments: cases)
    func ratesFollowTheFormulaFromStepZero(_ row: ScheduleCase) {
        for t in 0..<60 {
            #expect(
                isApproximatelyEqual(
                    row.schedule.rate(at: t), row.formula(t), relativeTolerance: 1e-13, absoluteTolerance: 1e-16),
                "\(row.schedule.name) at t = \(t): \(row.schedule.rate(at: t)) vs \(row.formula(t))")
        }
        #expect(row.schedule.rates(count: 10) == (0..<10).map { row.schedule.rate(at: $0) })
    }

    @Test func firstStepAndBoundariesAreWhereTheConventionPutsThem() {
        let step = LearningRateSchedule.stepDecay(initial: 1, factor: 0.5, every: 3)
        // Zero-based: steps 0, 1, 2 use η₀; the first decay is at t = 3, not 2 or 4.
        #expect(step.rates(count: 7) == [1, 1, 1, 0.5, 0.5, 0.5, 0.25])
        let cosine = LearningRateSchedule.cosineAnnealing(initial: 1, minimum: 0.2, period: 10)
        #expect(cosine.rate(at: 0) == 1 && cosine.rate(at: 10) == 0.2 && cosine.rate(at: 15) == 0.2)
        #expect(isApproximatelyEqual(cosine.rate(at: 5), 0.6, relativeTolerance: 1e-15))
        let restarts = LearningRateSchedule.cosineWarmRestarts(initial: 1, minimum: 0, period: 4, multiplier: 3)
        #expect(restarts.rate(at: 4) == 1 && restarts.rate(at: 16) == 1 && restarts.rate(at: 3) < 0.2)
        #expect(
            LearningRateSchedule.linearWarmup(steps: 4, start: 0, then: .constant(0.4)).rates(count: 6) == [
                0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.4,
            ])
        #expect(
            LearningRateSchedule.inverseTimeDecay(initial: 1, rate: 1, every: 1).rates(count: 4) == [
                1, 0.5, 1.0 / 3, 0.25,
            ])
    }

    @Test func scheduledTrainingUsesRateAtStepMinusOne() {
        let schedule = LearningRateSchedule.exponentialDecay(initial: 0.3, factor: 0.8, every: 1)
        let path = ScheduledOptimizer(SGD(learningRate: 99), schedule: schedule)
            .trajectory(from: Quadratic.start, steps: 15, gradient: Quadratic.gradient)
        var theta = Quadratic.start
        for t in 1...15 {
            let g = Quadratic.gradient(theta), eta = 0.3 * pow(0.8, Double(t - 1))
            theta = (0..<3).map { theta[$0] - eta * g[$0] }
            #expect(isApproximatelyEqual(path[t], theta, relativeTolerance: 1e-13, absoluteTolerance: 1e-15))
        }
    }

    @Test func schedulesInATrainingLoop() {
        // The network's loop counts steps from 1; the scheduled SGD must not be folded into gemm.
        var rng = SeededGenerator(seed: 81)
        let x = Matrix<Double>(rows: 16, columns: 2) { _, _ in rng.nextNormal() }
        let y = Matrix<Double>(rows: 16, columns: 1) { i, _ in x[i, 0] - 2 * x[i, 1] }
        var net = Network<Double>(layers: [Dense(2, 1, activation: .identity, rng: &rng)])
        let scheduled = ScheduledOptimizer(
            SGD(learningRate: 0.1), schedule: .cosineAnnealing(initial: 0.1, minimum: 0, period: 40))
        #expect(scheduled.plainGradientStep == nil)
        let history = net.train(
            inputs: x, targets: y, loss: .meanSquaredError, optimizer: scheduled, epochs: 40, batchSize: 16, rng: &rng)
        #expect(history.last!.loss < 0.01 * history.first!.loss)
    }

    @Test func schedulesAreFoundByName() {
        #expect(
            LearningRateSchedule(named: "StepLR", parameters: ["initial": 0.5, "factor": 0.2, "every": 4])
                == .stepDecay(initial: 0.5, factor: 0.2, every: 4))
        #expect(
            LearningRateSchedule(named: "1/t decay", parameters: ["rate": 0.1])
                == .inverseTimeDecay(initial: 0.1, rate: 0.1, every: 1))
        #expect(LearningRateSchedule(named: "cosine annealing")?.name == "cosine annealing")
        #expect(LearningRateSchedule(named: "SGDR")?.name == "cosine annealing with warm restarts")
        #expect(LearningRateSchedule(named: "one cycle") == nil)
        for row in Self.cases {
            #expect(LearningRateSchedule(named: row.schedule.name)?.name == row.schedule.name)
        }
    }
}
