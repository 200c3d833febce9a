import NeuralCore
import Testing

@Suite struct SeededGeneratorTests {
    @Test func sameSeedSameNumbersDifferentSeedDifferentNumbers() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let first = (0..<8).map { _ in a.next() }
        #expect(first == (0..<8).map { _ in b.next() })
        #expect(first != (0..<8).map { _ in c.next() })
    }

    @Test func uniformAndNormalHaveTheRightMoments() {
        var rng = SeededGenerator(seed: 7)
        let n = 20_000
        let uniform = (0..<n).map { _ in rng.nextUniform() }
        #expect(uniform.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(uniform.reduce(0, +) / Double(n) - 0.5) < 0.01)
        let normal = (0..<n).map { _ in rng.nextNormal() }
        let mean = normal.reduce(0, +) / Double(n)
        let variance = normal.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)
        #expect(abs(mean) < 0.03)
        #expect(abs(variance - 1) < 0.05)
    }
}
