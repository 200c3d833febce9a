import Foundation
import Testing

@testable import NeuralCore

/// `Elementary`'s functions against the C library and, on x86-64, against `Float80` references
/// (glibc's `expl`, `logl`, …, 11 more bits than `Double`), on seeded inputs over each function's
/// whole range and the stretches where it is delicate (near 0, near the reduction boundaries).
@Suite struct ElementaryAccuracyTests {
    /// One function under test.
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var engine: @Sendable (Double) -> Double
        var glibc: @Sendable (Double) -> Double
        /// The most ulps the result may be from glibc's: 1, or 2 where glibc itself errs by ~2 ulps.
        var ulpsFromGlibc: UInt64
        var inputs: [Inputs]
        var description: String { name }
    }

    /// How one share of the inputs is drawn.
    enum Inputs: Sendable {
        /// Uniform in the range.
        case uniform(ClosedRange<Double>)
        /// Uniform over the bit patterns from the smallest subnormal up to `upTo` (so every binade
        /// gets its share), of either sign when `signed`.
        case magnitudes(upTo: Double, signed: Bool = true)
    }

    static let cases: [Case] = [
        Case(
            name: "exp", engine: Elementary.exp, glibc: { Foundation.exp($0) }, ulpsFromGlibc: 1,
            inputs: [
                .uniform(-745.2...709.8), .uniform(-709.5...(-700)), .uniform(-1...1), .magnitudes(upTo: 746),
            ]),
        Case(
            name: "expm1", engine: Elementary.expm1, glibc: { Foundation.expm1($0) }, ulpsFromGlibc: 1,
            inputs: [.uniform(-45...709.8), .uniform(-2...2), .uniform(-0.4...0.4), .magnitudes(upTo: 50)]),
        Case(
            name: "log", engine: Elementary.log, glibc: { Foundation.log($0) }, ulpsFromGlibc: 1,
            inputs: [
                .uniform(0...1e300), .uniform(0.5...2), .uniform(0.999...1.001),
                .magnitudes(upTo: .greatestFiniteMagnitude, signed: false),
            ]),
        Case(
            name: "log1p", engine: Elementary.log1p, glibc: { Foundation.log1p($0) }, ulpsFromGlibc: 1,
            inputs: [
                .uniform(-1...1e12), .uniform(-0.35...0.45), .uniform(-0.999...(-0.2)), .magnitudes(upTo: 0.999),
                .magnitudes(upTo: .greatestFiniteMagnitude, signed: false),
            ]),
        Case(
            name: "tanh", engine: Elementary.tanh, glibc: { Foundation.tanh($0) }, ulpsFromGlibc: 2,
            inputs: [.uniform(-25...25), .uniform(-1.2...1.2), .magnitudes(upTo: 30)]),
        Case(
            name: "erf", engine: Elementary.erf, glibc: { Foundation.erf($0) }, ulpsFromGlibc: 1,
            inputs: [.uniform(-7...7), .uniform(-1...1), .magnitudes(upTo: 8)]),
    ]

    static let samples = 60_000

    @Test(arguments: cases)
    func withinAnUlpOfGlibc(_ function: Case) {
        var worst: (ulps: UInt64, x: Double) = (0, 0)
        for x in Self.inputs(function.inputs) {
            let apart = ulpsApart(function.engine(x), function.glibc(x))
            if apart > worst.ulps { worst = (apart, x) }
        }
        #expect(
            worst.ulps <= function.ulpsFromGlibc,
            "\(function.name)(\(worst.x)) = \(function.engine(worst.x)), glibc \(function.glibc(worst.x))")
    }

    #if arch(x86_64)
        static let references: [String: @Sendable (Double) -> Float80] = [
            "exp": { expl(Float80($0)) }, "expm1": { expm1l(Float80($0)) }, "log": { logl(Float80($0)) },
            "log1p": { log1pl(Float80($0)) }, "tanh": { tanhl(Float80($0)) }, "erf": { erfl(Float80($0)) },
        ]

        @Test(arguments: cases)
        func withinAnUlpOfTheExactValue(_ function: Case) throws {
            let reference = try #require(Self.references[function.name])
            var worst: (error: Double, x: Double) = (0, 0)
            for x in Self.inputs(function.inputs) {
                let error = Self.error(function.engine(x), reference(x))
                if error > worst.error { worst = (error, x) }
            }
            #expect(worst.error < 1, "\(function.name)(\(worst.x)) is \(worst.error) ulps off")
        }

        @Test func cosineOfTurnsWithinAnUlpOfTheExactValue() {
            var rng = SeededGenerator(seed: 41)
            var worst: (error: Double, t: Double) = (0, 0)
            for i in 0..<Self.samples {
                // Box–Muller's u in [0, 1), and whole turns further out.
                let t = i % 2 == 0 ? rng.nextUniform() : -1000 + 2000 * rng.nextUniform()
                let error = Self.error(Elementary.cos(turns: t), Self.cosineOfTurns(t))
                if error > worst.error { worst = (error, t) }
                // glibc's cos(2πt) takes 2πt rounded (by up to ½ ulp(2π·1000) ≈ 4.5·10⁻¹³, plus
                // 2·1000·|π − Double.pi| ≈ 2.5·10⁻¹³), and |cos′| ≤ 1: compare absolutely.
                #expect(abs(Elementary.cos(turns: t) - Foundation.cos(2 * Double.pi * t)) < 1e-12)
            }
            #expect(worst.error < 1, "cos(turns: \(worst.t)) is \(worst.error) ulps off")
        }

        /// cos 2πt in `Float80`, reduced exactly first (to f in [−½, ½], by the quarter-turn q).
        static func cosineOfTurns(_ t: Double) -> Float80 {
            let u = t - t.rounded()
            let q = (4 * u).rounded()
            let angle = Float80.pi / 2 * Float80(4 * u - q)
            switch Int(q) & 3 {
            case 0: return cosl(angle)
            case 1: return -sinl(angle)
            case 2: return -cosl(angle)
            default: return sinl(angle)
            }
        }

        /// |computed − exact| in ulps of the exact value rounded to `Double`.
        static func error(_ computed: Double, _ exact: Float80) -> Double {
            if computed.isNaN || exact.isNaN { return computed.isNaN && exact.isNaN ? 0 : .infinity }
            if computed.isInfinite || exact.isInfinite { return Double(exact) == computed ? 0 : .infinity }
            let unit = max(Double(exact).ulp, Double.leastNonzeroMagnitude)
            return Double(abs(Float80(computed) - exact) / Float80(unit))
        }
    #endif

    @Test func powerOfAWholeExponentWithinAnUlpOfGlibc() {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<20_000 {
            let x = 2 * rng.nextUniform(), n = Int(rng.next() % 5000)
            let power = Elementary.power(x, n), glibc = Foundation.pow(x, Double(n))
            #expect(ulpsApart(power, glibc) <= 1, "power(\(x), \(n)) = \(power), glibc \(glibc)")
        }
        #expect(Elementary.power(0.999, 0) == 1)
        #expect(Elementary.power(3, 33) == 5_559_060_566_555_523)  // 3³³ < 2⁵³: exact
        #expect(Elementary.power(-2, 5) == -32)
    }

    /// `samples` inputs, drawn from each share in turn, from a fixed seed.
    static func inputs(_ shares: [Inputs]) -> [Double] {
        var rng = SeededGenerator(seed: 40)
        return (0..<samples).map { i in
            switch shares[i % shares.count] {
            case .uniform(let range):
                return range.lowerBound + (range.upperBound - range.lowerBound) * rng.nextUniform()
            case .magnitudes(let limit, let signed):
                let magnitude = Double(bitPattern: 1 + rng.next() % limit.bitPattern)
                return signed && rng.next() & 1 == 1 ? -magnitude : magnitude
            }
        }
    }
}
