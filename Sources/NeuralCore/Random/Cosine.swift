#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// cos(x) from the C library, for the Box–Muller transform.
@usableFromInline func cosine(_ x: Double) -> Double { cos(x) }
