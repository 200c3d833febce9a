import Foundation
import NeuralCore

/// `litmus-bench repro`: one JSON line with a digest of the bits of every section of
/// `ReproBattery`, the OpenBLAS core and thread count in use, and two witnesses that are *not*
/// NeuralCore: raw `cblas_dgemm` and the C library's `exp`, `log`, `log1p`, `tanh`, `erf` and `cos`.
///
/// Run it under different `OPENBLAS_CORETYPE`, `OPENBLAS_NUM_THREADS` and `GLIBC_TUNABLES`
/// settings: the sections must not change, while the witnesses show that the settings did change
/// the kernels (which is why NeuralCore's `Double` path must not use them).
enum ReproBenchmark {
    static func run(_ arguments: [String]) -> Int32 {
        let sections = ReproBattery.run().map { ($0.name, "\"\($0.digest.hex)\"") }
        let witnesses = [("dgemm", "\"\(dgemmWitness().hex)\""), ("libm", "\"\(libmWitness().hex)\"")]
        print(
            jsonLine([
                ("benchmark", "\"repro\""), ("blas", "\"\(BLAS.configuration)\""), ("threads", "\(BLAS.threadCount)"),
                ("sections", "{" + sections.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"),
                ("witnesses", "{" + witnesses.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"),
            ]))
        return 0
    }

    /// Raw OpenBLAS `dgemm` on a few shapes: its bits depend on the core's kernel.
    static func dgemmWitness() -> BitDigest {
        var digest = BitDigest()
        var rng = SeededGenerator(seed: 21)
        for (m, k, n) in [(16, 16, 16), (33, 17, 29), (64, 48, 56), (120, 130, 110)] {
            let a = ReproBattery.uniform(m, k, &rng), b = ReproBattery.uniform(k, n, &rng)
            var c = [Double](repeating: 0, count: m * n)
            a.elements.withUnsafeBufferPointer { pa in
                b.elements.withUnsafeBufferPointer { pb in
                    c.withUnsafeMutableBufferPointer { pc in
                        BLAS.dgemm(
                            false, false, m, n, k, 1, pa.baseAddress!, k, pb.baseAddress!, n, 0, pc.baseAddress!, n)
                    }
                }
            }
            digest.add(c)
        }
        return digest
    }

    /// The C library's functions on seeded inputs: their bits depend on the variant the CPU selects.
    static func libmWitness() -> BitDigest {
        var digest = BitDigest()
        var rng = SeededGenerator(seed: 22)
        for _ in 0..<100_000 {
            digest.add(Foundation.exp(-20 + 40 * rng.nextUniform()))
            digest.add(Foundation.log(0.01 + 100 * rng.nextUniform()))
            digest.add(Foundation.log1p(-0.9 + 10 * rng.nextUniform()))
            digest.add(Foundation.tanh(-5 + 10 * rng.nextUniform()))
            digest.add(Foundation.erf(-4 + 8 * rng.nextUniform()))
            digest.add(Foundation.cos(2 * Double.pi * rng.nextUniform()))
        }
        return digest
    }
}
