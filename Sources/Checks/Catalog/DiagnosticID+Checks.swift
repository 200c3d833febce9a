import LitmusDiagnostics

// The catalog of Checks diagnostics: a formula that is false, or that could not be read.
extension DiagnosticID {
    /// A formula differs from its reference (engine function, derivative, shape, update rule).
    public static let checkMismatch: DiagnosticID = "check.mismatch"
    /// A formula whose LaTeX does not parse.
    public static let checkUnparsable: DiagnosticID = "check.unparsable"
}

extension DiagnosticID {
    /// A layer label written as a power (`x^{l-1}` where the lesson writes `x^{(l-1)}`).
    public static let checkLabelAsPower: DiagnosticID = "check.label-as-power"
}

extension DiagnosticID {
    /// A formula tied to a function of the lesson's cells, which the generated tests compare with it.
    public static let checkTiedFunction: DiagnosticID = "check.tied-function"
}
