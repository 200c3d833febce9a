import NeuralCore
import Testing

/// Shape errors are programmer errors: they stop the process with a message naming both shapes.
@Suite struct PreconditionTests {
    @Test func productWithMismatchedInnerDimensionsStopsAndPrintsBothShapes() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Matrix<Double>(rows: 2, columns: 3) * Matrix<Double>(rows: 2, columns: 3)
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("(2, 3)·(2, 3)"), "stderr: \(message)")
    }

    @Test func elementwiseSumOfDifferentShapesStops() async {
        await #expect(processExitsWith: .failure) {
            _ = Matrix<Float>(rows: 2, columns: 3) + Matrix<Float>(rows: 3, columns: 2)
        }
    }

    @Test func wrongElementCountStops() async {
        await #expect(processExitsWith: .failure) {
            _ = Matrix<Double>(rows: 2, columns: 2, elements: [1, 2, 3])
        }
    }

    @Test func networkWithMismatchedLayersStops() async {
        await #expect(processExitsWith: .failure) {
            var rng = SeededGenerator(seed: 1)
            _ = Network<Double>(layers: [
                Dense(2, 3, activation: .relu, rng: &rng), Dense(4, 1, activation: .sigmoid, rng: &rng),
            ])
        }
    }

    @Test func inputsOfTheWrongWidthStopAndPrintBothShapes() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            var rng = SeededGenerator(seed: 1)
            let net = Network<Double>(layers: [Dense(2, 3, activation: .relu, rng: &rng)])
            _ = net.predict(Matrix(rows: 5, columns: 4))
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("(5, 4)") && message.contains("(3, 2)"), "stderr: \(message)")
    }

    @Test func lossOnMismatchedVectorsStops() async {
        await #expect(processExitsWith: .failure) {
            _ = Loss.meanSquaredError.value(prediction: [1.0, 2], target: [1.0])
        }
    }

    @Test func softmaxHasNoScalarValue() async {
        await #expect(processExitsWith: .failure) {
            _ = Activation.softmax.value(1.0)
        }
    }
}
