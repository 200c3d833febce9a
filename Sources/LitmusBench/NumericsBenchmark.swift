import Foundation
import NeuralCore

/// `litmus-bench numerics`: the engine's `Double` numerics against the C library and OpenBLAS.
///
/// For each elementary function: the largest distance from glibc's result in ulps (counted as
/// representable doubles between the two), the largest error against a `Float80` reference
/// (glibc's `expl`, `logl`, …, 64-bit significands) in ulps of the exact result, and the time
/// per call of both. For the matrix product: `OrderedProduct` against OpenBLAS `dgemm` (one
/// thread and the default) on square and lesson-sized shapes, in GFLOP/s. Build it in release
/// and in debug (the lessons' cells run in a debug test build): `--samples N` (default 200,000).
enum NumericsBenchmark {
    static func run(_ arguments: [String]) -> Int32 {
        let samples = Int(value(of: "--samples", in: arguments) ?? "") ?? 200_000
        #if arch(x86_64)
            for function in ElementaryFunction.all where value(of: "--only", in: arguments) != "products" {
                report(function, samples: samples)
            }
        #endif
        let shapes = [(32, 2, 16), (32, 16, 3), (64, 64, 64), (128, 128, 128), (256, 256, 256), (512, 512, 512)]
        for (m, k, n) in shapes where value(of: "--only", in: arguments).map({ $0 == "products" }) ?? true {
            reportProduct(m: m, k: k, n: n)
        }
        return 0
    }

    #if arch(x86_64)
        /// A function under test: NeuralCore's, glibc's, a `Float80` reference, and its input ranges.
        struct ElementaryFunction {
            var name: String
            var engine: (Double) -> Double
            var glibc: (Double) -> Double
            var reference: (Double) -> Float80
            var ranges: [ClosedRange<Double>]

            static var all: [ElementaryFunction] {
                [
                    ElementaryFunction(
                        name: "exp", engine: Double.exp, glibc: { Foundation.exp($0) },
                        reference: { expl(Float80($0)) },
                        ranges: [-745.2...709.8, -1...1, -0x1p-20...0x1p-20]),
                    ElementaryFunction(
                        name: "expm1", engine: Elementary.expm1, glibc: { Foundation.expm1($0) },
                        reference: { expm1l(Float80($0)) }, ranges: [-40...709.7, -1...1, -0x1p-20...0x1p-20]),
                    ElementaryFunction(
                        name: "log", engine: Double.log, glibc: { Foundation.log($0) },
                        reference: { logl(Float80($0)) },
                        ranges: [0x1p-1074...0x1p-1000, 0...1e300, 0.5...2, 0.99...1.01]),
                    ElementaryFunction(
                        name: "log1p", engine: Double.log1p, glibc: { Foundation.log1p($0) },
                        reference: { log1pl(Float80($0)) }, ranges: [-1...1e10, -0.5...1, -0x1p-20...0x1p-20]),
                    ElementaryFunction(
                        name: "tanh", engine: Double.tanh, glibc: { Foundation.tanh($0) },
                        reference: { tanhl(Float80($0)) },
                        ranges: [-22...22, -1.5...1.5, -0x1p-20...0x1p-20]),
                    ElementaryFunction(
                        name: "erf", engine: Double.erf, glibc: { Foundation.erf($0) },
                        reference: { erfl(Float80($0)) },
                        ranges: [-7...7, -1...1, -0x1p-20...0x1p-20]),
                    ElementaryFunction(
                        name: "cos(turns)", engine: { Elementary.cos(turns: $0) },
                        glibc: { Foundation.cos(2 * Double.pi * $0) }, reference: cosineOfTurnsReference,
                        ranges: [0...1, -1000...1000]),
                ]
            }
        }

        /// cos 2πt in `Float80`: the exact reduction to f in [−½, ½] (as `Elementary` does it), then
        /// `cosl`/`sinl` of (π/2)·f, whose rounding (2⁻⁶⁴) is far below a `Double` ulp.
        static func cosineOfTurnsReference(_ t: Double) -> Float80 {
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

        static func report(_ function: ElementaryFunction, samples: Int) {
            var rng = SeededGenerator(seed: 31)
            let inputs = (0..<samples).map { i -> Double in
                let range = function.ranges[i % function.ranges.count]
                return range.lowerBound + (range.upperBound - range.lowerBound) * rng.nextUniform()
            }
            var maxApart: UInt64 = 0, differing = 0, maxError = 0.0, maxGlibcError = 0.0, worst = 0.0
            var maxDifference = 0.0
            for x in inputs {
                let mine = function.engine(x), theirs = function.glibc(x), exact = function.reference(x)
                let apart = ulpsApart(mine, theirs)
                maxApart = max(maxApart, apart)
                if apart != 0 { differing += 1 }
                if mine.isFinite && theirs.isFinite { maxDifference = max(maxDifference, abs(mine - theirs)) }
                if error(mine, exact) > maxError { worst = x }
                maxError = max(maxError, error(mine, exact))
                maxGlibcError = max(maxGlibcError, error(theirs, exact))
            }
            let engineSeconds = timePerCall(inputs, function.engine)
            let glibcSeconds = timePerCall(inputs, function.glibc)
            print(
                jsonLine([
                    ("benchmark", "\"numerics\""), ("function", "\"\(function.name)\""), ("samples", "\(samples)"),
                    ("max_ulps_from_glibc", "\(maxApart)"), ("differing_from_glibc", "\(differing)"),
                    ("max_difference_from_glibc", format(maxDifference)),
                    ("max_error_ulps", format(maxError)), ("worst_input", "\"\(worst)\""),
                    ("glibc_max_error_ulps", format(maxGlibcError)),
                    ("engine_ns", format(engineSeconds * 1e9)), ("glibc_ns", format(glibcSeconds * 1e9)),
                ]))
        }

        /// |computed − exact| in ulps of the exact value rounded to `Double` (the smallest subnormal
        /// below the normal range).
        static func error(_ computed: Double, _ exact: Float80) -> Double {
            if computed.isNaN && exact.isNaN { return 0 }
            if computed.isInfinite || exact.isInfinite {
                return Float80(computed) == exact || Double(exact) == computed ? 0 : .infinity
            }
            let unit = Swift.max(Double(exact).ulp, Double.leastNonzeroMagnitude)
            return Double(abs(Float80(computed) - exact) / Float80(unit))
        }
    #endif

    /// Representable doubles between a and b (0 when equal; two NaNs count as equal).
    static func ulpsApart(_ a: Double, _ b: Double) -> UInt64 {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN ? 0 : .max }
        // Bit patterns mapped onto a line ordered like the values (negatives mirrored below zero).
        func line(_ x: Double) -> Int64 {
            let bits = Int64(bitPattern: x.bitPattern)
            return bits < 0 ? Int64.min &- bits &- 1 : bits
        }
        return (line(a) &- line(b)).magnitude
    }

    static func timePerCall(_ inputs: [Double], _ f: (Double) -> Double) -> Double {
        var best = Double.infinity, sink = 0.0
        for _ in 0..<3 {
            let start = DispatchTime.now()
            for x in inputs { sink += f(x) }
            best = min(best, seconds(since: start) / Double(inputs.count))
        }
        if sink == 42 { print("") }
        return best
    }

    static func reportProduct(m: Int, k: Int, n: Int) {
        var rng = SeededGenerator(seed: 32)
        let a = [Double]((0..<(m * k)).map { _ in rng.nextUniform() - 0.5 })
        let b = [Double]((0..<(k * n)).map { _ in rng.nextUniform() - 0.5 })
        var c = [Double](repeating: 0, count: m * n)
        let flops = 2 * Double(m * n * k)
        // Enough repetitions for about 0.2 s of the slowest kernel.
        let repetitions = max(1, Int(2e8 / flops))
        func gflops(_ body: () -> Void) -> Double {
            var best = Double.infinity
            for _ in 0..<3 {
                let start = DispatchTime.now()
                for _ in 0..<repetitions { body() }
                best = min(best, seconds(since: start) / Double(repetitions))
            }
            return flops / best / 1e9
        }
        var figures: [(String, String)] = []
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    let ordered = gflops {
                        Double.gemm(
                            false, false, m: m, n: n, k: k, alpha: 1, a: pa.baseAddress!, lda: k, b: pb.baseAddress!,
                            ldb: n, beta: 0, c: pc.baseAddress!, ldc: n)
                    }
                    let orderedTransposedB = gflops {
                        Double.gemm(
                            false, true, m: m, n: n, k: k, alpha: 1, a: pa.baseAddress!, lda: k, b: pb.baseAddress!,
                            ldb: k, beta: 0, c: pc.baseAddress!, ldc: n)
                    }
                    let threads = BLAS.threadCount
                    var dgemm: [Double] = []
                    for count in [1, threads] {
                        BLAS.setThreadCount(count)
                        dgemm.append(
                            gflops {
                                BLAS.dgemm(
                                    false, false, m, n, k, 1, pa.baseAddress!, k, pb.baseAddress!, n, 0,
                                    pc.baseAddress!, n)
                            })
                    }
                    BLAS.setThreadCount(threads)
                    figures = [
                        ("ordered_gflops", format(ordered)),
                        ("ordered_transposed_b_gflops", format(orderedTransposedB)),
                        ("dgemm_1_thread_gflops", format(dgemm[0])),
                        ("dgemm_\(threads)_threads_gflops", format(dgemm[1])),
                    ]
                }
            }
        }
        print(
            jsonLine(
                [
                    ("benchmark", "\"numerics\""), ("product", "\"\(m)x\(k)x\(n)\""),
                    ("blas", "\"\(BLAS.configuration)\""),
                ]
                    + figures))
    }
}
