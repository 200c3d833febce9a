import NeuralCore
import Testing

@Suite struct TrainingTests {
    static let xorInputs = Matrix<Double>([[0, 0], [0, 1], [1, 0], [1, 1]])
    static let xorTargets = Matrix<Double>([[0], [1], [1], [0]])

    static func xorNetwork(seed: UInt64) -> (Network<Double>, SeededGenerator) {
        var rng = SeededGenerator(seed: seed)
        let net = Network<Double>(layers: [
            Dense(2, 2, activation: .sigmoid, init: .xavier, rng: &rng),
            Dense(2, 1, activation: .sigmoid, init: .xavier, rng: &rng),
        ])
        return (net, rng)
    }

    /// A 2-2-1 sigmoid network has a well-known local minimum (loss ≈ 0.125, one input pattern
    /// unresolved) that about a third of initialisations fall into; seed 1 is one that does not.
    @Test func xorWithATwoTwoOneSigmoidNetworkReachesLowLoss() {
        var (net, rng) = TrainingTests.xorNetwork(seed: 1)
        let history = net.train(
            inputs: TrainingTests.xorInputs, targets: TrainingTests.xorTargets, loss: .meanSquaredError,
            optimizer: SGD(learningRate: 2), epochs: 3000, batchSize: 4, rng: &rng)
        #expect(history.count == 3000)
        let finalLoss = net.loss(
            inputs: TrainingTests.xorInputs, targets: TrainingTests.xorTargets, loss: .meanSquaredError)
        #expect(finalLoss < 0.01, "XOR loss \(finalLoss)")
        #expect(history.last!.loss < 0.01)
        #expect(history.last!.accuracy == 1)
        #expect(history.first!.loss > history.last!.loss)
    }

    @Test func trainingIsDeterministicUnderASeed() {
        func run(_ seed: UInt64) -> (Network<Double>, TrainingHistory) {
            var (net, rng) = TrainingTests.xorNetwork(seed: seed)
            let history = net.train(
                inputs: TrainingTests.xorInputs, targets: TrainingTests.xorTargets, loss: .binaryCrossEntropy,
                optimizer: Adam(learningRate: 0.05), epochs: 50, batchSize: 2, rng: &rng)
            return (net, history)
        }
        let (a, historyA) = run(7), (b, historyB) = run(7), (c, historyC) = run(8)
        #expect(a == b)
        #expect(historyA == historyB)
        #expect(a != c)
        #expect(historyA != historyC)
    }

    /// Labels from a random teacher network 12-16-10 (tanh hidden layer): the argmax of its output,
    /// keeping samples whose top two teacher logits differ by at least 0.3 (a margin, so the
    /// classes are learnable from a few thousand samples). A student 12-64-10 (ReLU, softmax
    /// cross-entropy on logits, Adam) learns from 3000 samples and is tested on 1000 others.
    @Test func tenClassTeacherProblemReachesNinetyFivePercentTestAccuracy() {
        var rng = SeededGenerator(seed: 2024)
        let teacher = Network<Double>(layers: [
            Dense(12, 16, activation: .tanh, init: .xavierNormal, rng: &rng),
            Dense(16, 10, activation: .identity, init: .xavierNormal, rng: &rng),
        ])
        func dataset(_ count: Int) -> (Matrix<Float>, Matrix<Float>) {
            var xs: [Double] = [], labels: [Int] = []
            while labels.count < count {
                let x = (0..<12).map { _ in rng.nextNormal() }
                let logits = teacher.predict(column: x)
                let ranked = logits.sorted(by: >)
                guard ranked[0] - ranked[1] >= 0.3 else { continue }
                xs += x
                labels.append(logits.firstIndex(of: ranked[0])!)
            }
            let y = Matrix<Float>(rows: count, columns: 10) { i, j in labels[i] == j ? 1 : 0 }
            return (Matrix(rows: count, columns: 12, elements: xs.map(Float.init)), y)
        }
        let (trainX, trainY) = dataset(3000)
        let (testX, testY) = dataset(1000)
        #expect(testY.columnSums().elements.filter { $0 > 0 }.count >= 8, "the teacher uses most classes")
        var student = Network<Float>(layers: [
            Dense(12, 64, activation: .relu, init: .he, rng: &rng),
            Dense(64, 10, activation: .identity, init: .xavier, rng: &rng),
        ])
        let history = student.train(
            inputs: trainX, targets: trainY, loss: .softmaxCrossEntropy, optimizer: Adam(learningRate: 0.005),
            epochs: 15, batchSize: 32, rng: &rng)
        let accuracy = student.accuracy(inputs: testX, targets: testY)
        #expect(accuracy >= 0.95, "test accuracy \(accuracy); last epoch \(history.last!)")
        #expect(history.last!.loss < history.first!.loss)
    }
}
