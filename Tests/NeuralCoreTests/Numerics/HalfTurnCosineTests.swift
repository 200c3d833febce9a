import Foundation
import Testing

@testable import NeuralCore

@Suite struct HalfTurnCosineTests {
    /// On [−1, 1] the C library's cos(π·x) rounds π·x by at most half an ulp of π, so both agree to
    /// a few 10⁻¹⁶; beyond, the reduction is exact, so the period 2 holds to the last bit.
    @Test func agreesWithTheCLibraryCosineAndIsExactlyPeriodic() {
        var worst = 0.0
        for i in -1024...1024 {
            let x = Double(i) / 1024
            worst = Swift.max(worst, (cosineOfHalfTurns(x) - cos(Double.pi * x)).magnitude)
            for k in [-6.0, 2, 4, 100] { #expect(cosineOfHalfTurns(x + k) == cosineOfHalfTurns(x)) }
            #expect(cosineOfHalfTurns(-x) == cosineOfHalfTurns(x))
        }
        #expect(worst < 4e-16, "largest difference \(worst)")
    }

    @Test func exactWhereTheCosineIsPlusOrMinusOne() {
        for x in [0.0, 2, -2, 1000] { #expect(cosineOfHalfTurns(x) == 1) }
        for x in [1.0, -1, 3, 999] { #expect(cosineOfHalfTurns(x) == -1) }
        #expect(cosineOfHalfTurns(0.5).magnitude < 1e-16)
        #expect(cosineOfHalfTurns(.infinity).isNaN)
    }
}
