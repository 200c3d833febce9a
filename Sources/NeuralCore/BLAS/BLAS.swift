import COpenBLAS

/// The one place that touches OpenBLAS: row-major `?gemm` with transposes handed to BLAS.
///
/// Transposed operands are never materialised: `transposeA` asks BLAS to read `A` as `Aᵀ`.
package enum BLAS {
    /// `C ← α·op(A)·op(B) + β·C` in `Float`; `op(A)` is (m, k), `op(B)` is (k, n), `C` is (m, n).
    package static func sgemm(
        _ transposeA: Bool, _ transposeB: Bool, _ m: Int, _ n: Int, _ k: Int,
        _ alpha: Float, _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
        _ beta: Float, _ c: UnsafeMutablePointer<Float>, _ ldc: Int
    ) {
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }

    /// `C ← α·op(A)·op(B) + β·C` in `Double`; `op(A)` is (m, k), `op(B)` is (k, n), `C` is (m, n).
    package static func dgemm(
        _ transposeA: Bool, _ transposeB: Bool, _ m: Int, _ n: Int, _ k: Int,
        _ alpha: Double, _ a: UnsafePointer<Double>, _ lda: Int, _ b: UnsafePointer<Double>, _ ldb: Int,
        _ beta: Double, _ c: UnsafeMutablePointer<Double>, _ ldc: Int
    ) {
        cblas_dgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }

    /// Number of threads OpenBLAS uses.
    package static var threadCount: Int { Int(openblas_get_num_threads()) }

    /// Sets the number of threads OpenBLAS uses.
    package static func setThreadCount(_ count: Int) { openblas_set_num_threads(Int32(count)) }

    /// The OpenBLAS build description (version, target core).
    package static var configuration: String { String(cString: openblas_get_config()) }
}
