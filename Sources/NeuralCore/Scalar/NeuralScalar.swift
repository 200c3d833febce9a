#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A floating-point scalar the engine computes with: `Float` for speed, `Double` for checking.
///
/// The elementary functions and `gemm` are requirements (not free functions) so that generic
/// engine code reaches the concrete type's own: `Float` uses the C library (`expf`, …) and
/// OpenBLAS `cblas_sgemm`; `Double` uses `Elementary` and `OrderedProduct`, written in Swift with a
/// fixed order of operations, so the same seed gives the same bits on every CPU and thread count.
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
    /// General matrix product `C ← α·op(A)·op(B) + β·C` on row-major buffers, with BLAS `?gemm`'s arguments.
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
    /// eˣ (`Elementary.exp`: the same bits on every CPU).
    public static func exp(_ x: Double) -> Double { Elementary.exp(x) }
    /// Natural logarithm (`Elementary.log`).
    public static func log(_ x: Double) -> Double { Elementary.log(x) }
    /// log(1 + x) (`Elementary.log1p`).
    public static func log1p(_ x: Double) -> Double { Elementary.log1p(x) }
    /// Hyperbolic tangent (`Elementary.tanh`).
    public static func tanh(_ x: Double) -> Double { Elementary.tanh(x) }
    /// The error function (`Elementary.erf`).
    public static func erf(_ x: Double) -> Double { Elementary.erf(x) }
    /// The fixed-order product `OrderedProduct.gemm` (never BLAS: its bits depend on the CPU's kernel).
    public static func gemm(
        _ transposeA: Bool, _ transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Double, a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        OrderedProduct.gemm(
            transposeA, transposeB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
            beta: beta, c: c, ldc: ldc)
    }
}
