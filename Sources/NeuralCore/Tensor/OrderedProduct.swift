/// The `Double` matrix product C ← α·op(A)·op(B) + β·C with one fixed order of operations, so that
/// its bits are the same on every CPU, with any number of threads: the engine's `Double` `gemm`.
///
/// Every entry is Sᵢⱼ = (…((0 + aᵢ₀b₀ⱼ) + aᵢ₁b₁ⱼ) + …) + aᵢ,ₖ₋₁bₖ₋₁,ⱼ — the textbook sum in
/// increasing k, exactly what `Matrix.naiveProduct` computes — then Cᵢⱼ ← α·Sᵢⱼ + β·Cᵢⱼ (C is not
/// read when β = 0, as in BLAS). An optimised BLAS may reorder, split across threads or fuse
/// multiply-adds (OpenBLAS's Haswell, SkylakeX and Prescott kernels all round differently); this
/// kernel only changes the order in which *independent* entries are worked on.
///
/// Loop order i-k-j: for a block of four rows of C and a strip of columns, each row k of op(B) is
/// read once and added, scaled by aᵢₖ, into four accumulator rows. The innermost loop runs along
/// j, where the entries are independent, so the compiler vectorises it without reassociating any
/// sum; a transposed B is first copied into rows so that loop reads memory in order. No fused
/// multiply-add either: not every x86-64 CPU has one, and it rounds differently.
/// Cost: 2mnk flops; op(B) is read ⌈m/4⌉ times, op(A) and C once; extra memory: the accumulators
/// (4 × min(n, 128)), and k·n for a transposed B.
package enum OrderedProduct {
    /// Rows of C accumulated together: each row of op(B) loaded once serves this many.
    static let rowBlock = 4
    /// Columns of C per strip: the accumulators (rowBlock × columnBlock, 4 KB) stay in the L1 cache
    /// and the strip of op(B) they read (k × columnBlock) in L2 for k up to a few hundred.
    static let columnBlock = 128

    /// C ← α·op(A)·op(B) + β·C on row-major buffers, as BLAS `dgemm` with the same arguments:
    /// op(A) is (m, k), op(B) is (k, n), C is (m, n); lda, ldb, ldc are the stored row lengths.
    package static func gemm(
        _ transposeA: Bool, _ transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Double, a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        guard m > 0 && n > 0 else { return }
        guard transposeB else {
            accumulate(
                transposeA, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
            return
        }
        // op(B) = Bᵀ: copy it into k rows of n so the innermost loop reads it in order.
        withUnsafeTemporaryAllocation(of: Double.self, capacity: Swift.max(k * n, 1)) { packed in
            let rows = packed.baseAddress!
            var j = 0
            while j < n {
                let column = b + j * ldb
                var p = 0
                while p < k {
                    rows[p * n + j] = column[p]
                    p += 1
                }
                j += 1
            }
            accumulate(
                transposeA, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: rows, ldb: n, beta: beta, c: c, ldc: ldc)
        }
    }

    /// The i-k-j loops over an op(B) stored as rows (stride ldb).
    private static func accumulate(
        _ transposeA: Bool, m: Int, n: Int, k: Int,
        alpha: Double, a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        // op(A)ᵢₚ lives at a + i·rowStep + p·columnStep.
        let rowStep = transposeA ? 1 : lda, columnStep = transposeA ? lda : 1
        // Accumulator rows as long as the widest strip: small products keep them on the stack.
        let stride = Swift.min(columnBlock, n)
        withUnsafeTemporaryAllocation(of: Double.self, capacity: rowBlock * stride) { buffer in
            let sums = buffer.baseAddress!
            var j0 = 0
            while j0 < n {
                let width = Swift.min(columnBlock, n - j0)
                var i0 = 0
                while i0 < m {
                    let height = Swift.min(rowBlock, m - i0)
                    clear(sums, stride, height: height, width: width)
                    let rowA = a + i0 * rowStep
                    var p = 0
                    while p < k {
                        let rowB = b + p * ldb + j0
                        let entry = rowA + p * columnStep
                        if height == 4 {
                            addScaledRow4(
                                rowB, width, sums, stride, entry[0], entry[rowStep], entry[2 * rowStep],
                                entry[3 * rowStep])
                        } else {
                            var r = 0
                            while r < height {
                                addScaledRow(rowB, width, sums + r * stride, entry[r * rowStep])
                                r += 1
                            }
                        }
                        p += 1
                    }
                    store(
                        sums, stride, height: height, width: width, alpha: alpha, beta: beta, c: c + i0 * ldc + j0,
                        ldc: ldc)
                    i0 += rowBlock
                }
                j0 += columnBlock
            }
        }
    }

    /// sᵣ[j] ← sᵣ[j] + aᵣ·b[j] for the four accumulator rows r (each a separate, in-order sum).
    @inline(__always)
    private static func addScaledRow4(
        _ b: UnsafePointer<Double>, _ width: Int, _ sums: UnsafeMutablePointer<Double>, _ stride: Int,
        _ a0: Double, _ a1: Double, _ a2: Double, _ a3: Double
    ) {
        let s0 = sums, s1 = sums + stride, s2 = sums + 2 * stride, s3 = sums + 3 * stride
        var j = 0
        while j < width {
            let bj = b[j]
            s0[j] += a0 * bj
            s1[j] += a1 * bj
            s2[j] += a2 * bj
            s3[j] += a3 * bj
            j += 1
        }
    }

    /// s[j] ← s[j] + a·b[j].
    @inline(__always)
    private static func addScaledRow(
        _ b: UnsafePointer<Double>, _ width: Int, _ s: UnsafeMutablePointer<Double>, _ a: Double
    ) {
        var j = 0
        while j < width {
            s[j] += a * b[j]
            j += 1
        }
    }

    /// Sets the accumulators of a (height, width) block to 0.
    @inline(__always)
    private static func clear(_ sums: UnsafeMutablePointer<Double>, _ stride: Int, height: Int, width: Int) {
        var r = 0
        while r < height {
            let s = sums + r * stride
            var j = 0
            while j < width {
                s[j] = 0
                j += 1
            }
            r += 1
        }
    }

    /// C ← α·S + β·C for a (height, width) block; C is only read when β ≠ 0.
    @inline(__always)
    private static func store(
        _ sums: UnsafeMutablePointer<Double>, _ stride: Int, height: Int, width: Int, alpha: Double, beta: Double,
        c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        var r = 0
        while r < height {
            let s = sums + r * stride, row = c + r * ldc
            var j = 0
            if beta == 0 {
                while j < width {
                    row[j] = alpha * s[j]
                    j += 1
                }
            } else {
                while j < width {
                    row[j] = alpha * s[j] + beta * row[j]
                    j += 1
                }
            }
            r += 1
        }
    }
}
