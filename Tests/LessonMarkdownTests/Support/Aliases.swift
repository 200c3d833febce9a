import LitmusDiagnostics

/// Swift Testing has a `SourceLocation` of its own; in these tests the name means Litmus's.
typealias SourceLocation = LitmusDiagnostics.SourceLocation
