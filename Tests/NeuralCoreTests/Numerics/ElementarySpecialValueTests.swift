import Foundation
import Testing

@testable import NeuralCore

/// `Elementary` at the inputs where implementations go wrong: ±0, ±∞, NaN, subnormals, and the
/// edges of overflow and underflow — the same value as glibc (the sign of a zero included).
@Suite struct ElementarySpecialValueTests {
    static let subnormal = Double.leastNonzeroMagnitude, normal = Double.leastNormalMagnitude
    static let largest = Double.greatestFiniteMagnitude

    static let edges: [Double] = [
        0, -0.0, .infinity, -.infinity, .nan, subnormal, -subnormal, 0x1p-1060, normal, normal.nextDown, -normal,
        1, -1, largest, -largest, 0x1p-54, 0x1p-28, 0.5, 0.25, 6.25, 20, 40, -40,
    ]

    static let cases: [(String, @Sendable (Double) -> Double, @Sendable (Double) -> Double, [Double])] = [
        (
            "exp", Elementary.exp, { Foundation.exp($0) },
            // ln of the largest finite result and beyond; the results around the smallest subnormal.
            [
                0x1.62e42fefa39efp+9, 0x1.62e42fefa39efp+9.nextUp, 710, -0x1.74910d52d3052p+9,
                (-0x1.74910d52d3052p+9).nextUp, -744.44, -745.2, -708.39, -708.4,
            ]
        ),
        ("expm1", Elementary.expm1, { Foundation.expm1($0) }, [0x1.62e42fefa39efp+9, 709.8, -37.5, -38, 0x1p-54]),
        ("log", Elementary.log, { Foundation.log($0) }, [2, 0x1.6a09e667f3bcdp+0, 0x1.6a09e667f3bcdp+0.nextUp]),
        ("log1p", Elementary.log1p, { Foundation.log1p($0) }, [-1.0.nextUp, -2, 0x1.a827999fcef34p-2, 1e300]),
        ("tanh", Elementary.tanh, { Foundation.tanh($0) }, [19, 19.1, 22, 0.999, 1.001]),
        ("erf", Elementary.erf, { Foundation.erf($0) }, [0.499, 0.75, 5.9, 5.95, 6.3]),
    ]

    @Test(arguments: 0..<cases.count)
    func edgeValuesMatchGlibc(_ index: Int) {
        let (name, engine, glibc, own) = Self.cases[index]
        for x in Self.edges + own {
            let value = engine(x), expected = glibc(x)
            if expected.isNaN || expected.isInfinite || expected == 0 || x.isInfinite {
                // Exact: NaN stays NaN, infinities and zeros (with their sign) are exact.
                #expect(
                    value.bitPattern == expected.bitPattern || (value.isNaN && expected.isNaN),
                    "\(name)(\(x)) = \(value), glibc \(expected)")
            } else {
                #expect(ulpsApart(value, expected) <= 1, "\(name)(\(x)) = \(value), glibc \(expected)")
            }
        }
    }

    @Test func exactValues() {
        #expect(Elementary.exp(0) == 1 && Elementary.exp(-0.0) == 1)
        #expect(Elementary.exp(-.infinity) == 0 && Elementary.exp(.infinity) == .infinity)
        #expect(Elementary.log(1) == 0 && Elementary.log(0) == -.infinity && Elementary.log(-0.0) == -.infinity)
        #expect(Elementary.log(-1).isNaN && Elementary.log1p(-2).isNaN && Elementary.log1p(-1) == -.infinity)
        #expect(Elementary.log1p(-0.0).sign == .minus && Elementary.expm1(-0.0).sign == .minus)
        #expect(Elementary.expm1(-.infinity) == -1 && Elementary.expm1(.infinity) == .infinity)
        #expect(Elementary.tanh(-0.0).sign == .minus && Elementary.tanh(-.infinity) == -1)
        #expect(Elementary.erf(-0.0).sign == .minus && Elementary.erf(.infinity) == 1 && Elementary.erf(-50) == -1)
        for f in [Elementary.exp, Elementary.expm1, Elementary.log, Elementary.log1p, Elementary.tanh, Elementary.erf] {
            #expect(f(.nan).isNaN)
        }
    }

    @Test func cosineOfTurnsIsEvenAndExactlyPeriodic() {
        for i in -2048...2048 {
            let t = Double(i) / 2048
            for k in [-3.0, 1, 2, 50] { #expect(Elementary.cos(turns: t + k) == Elementary.cos(turns: t)) }
            #expect(Elementary.cos(turns: -t) == Elementary.cos(turns: t))
        }
    }

    @Test func cosineOfTurnsAtTheQuarterTurnsAndBeyond() {
        #expect(Elementary.cos(turns: 0) == 1 && Elementary.cos(turns: 0.5) == -1 && Elementary.cos(turns: -3) == 1)
        #expect(Elementary.cos(turns: 0.25) == 0 && Elementary.cos(turns: 0.75) == 0)
        #expect(Elementary.cos(turns: 0x1p60) == 1 && Elementary.cos(turns: 0x1p51 + 0.5) == -1)
        #expect(Elementary.cos(turns: .infinity).isNaN && Elementary.cos(turns: .nan).isNaN)
        #expect(abs(Elementary.cos(turns: 1.0 / 6) - 0.5) <= 0x1p-53)
    }
}
