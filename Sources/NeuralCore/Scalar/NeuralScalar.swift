#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A floating-point scalar the engine computes with: `Float` for speed, `Double` for checking.
///
/// The elementary functions are requirements (not free functions) so generic engine code calls
/// the C library's `expf`/`exp` for the concrete type; `gemm` routes to `cblas_sgemm`/`cblas_dgemm`.
public protocol NeuralScalar: BinaryFloatingPoint, Sendable, CustomStringConvertible
where Self.RawSignificand: FixedWidthInteger {
    /// eˣ.
    static func exp(_ x: Self) -> Self
    /// Natural logarithm.
    static func log(_ x: Self) -> Self
    /// log(1 + x), accurate for small x.
    static func log1p(_ x: Self) -> Self
    /// Hyperbolic tangent.
    static func tanh(_ x: Self) -> Self
    /// The error function erf(x) = 2/√π ∫₀ˣ e^{−t²} dt.
    static func erf(_ x: Self) -> Self
    /// General matrix product `C ← α·op(A)·op(B) + β·C` on row-major buffers (BLAS `?gemm`).
    static func gemm(
        _ transposeA: Bool, _ transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Self, a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int,
        beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int
    )
}

extension Float: NeuralScalar {
    /// eˣ (`expf`).
    @inlinable public static func exp(_ x: Float) -> Float { expf(x) }
    /// Natural logarithm (`logf`).
    @inlinable public static func log(_ x: Float) -> Float { logf(x) }
    /// log(1 + x) (`log1pf`).
    @inlinable public static func log1p(_ x: Float) -> Float { log1pf(x) }
    /// Hyperbolic tangent (`tanhf`).
    @inlinable public static func tanh(_ x: Float) -> Float { tanhf(x) }
    /// The error function (`erff`).
    @inlinable public static func erf(_ x: Float) -> Float { erff(x) }
    /// Row-major `cblas_sgemm`.
    public static func gemm(
        _ transposeA: Bool, _ transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        BLAS.sgemm(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }
}

extension Double: NeuralScalar {
    /// eˣ (`exp`).
    @inlinable public static func exp(_ x: Double) -> Double { cExp(x) }
    /// Natural logarithm (`log`).
    @inlinable public static func log(_ x: Double) -> Double { cLog(x) }
    /// log(1 + x) (`log1p`).
    @inlinable public static func log1p(_ x: Double) -> Double { cLog1p(x) }
    /// Hyperbolic tangent (`tanh`).
    @inlinable public static func tanh(_ x: Double) -> Double { cTanh(x) }
    /// The error function (`erf`).
    @inlinable public static func erf(_ x: Double) -> Double { cErf(x) }
    /// Row-major `cblas_dgemm`.
    public static func gemm(
        _ transposeA: Bool, _ transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Double, a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        BLAS.dgemm(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }
}

// The C functions for `Double` share their names with the static requirements above, so they
// are reached through these file-level shims.
@usableFromInline func cExp(_ x: Double) -> Double { exp(x) }
@usableFromInline func cLog(_ x: Double) -> Double { log(x) }
@usableFromInline func cLog1p(_ x: Double) -> Double { log1p(x) }
@usableFromInline func cTanh(_ x: Double) -> Double { tanh(x) }
@usableFromInline func cErf(_ x: Double) -> Double { erf(x) }
