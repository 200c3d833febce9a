import LitmusDiagnostics

extension DiagnosticID {
    /// A lesson file the preview could not read (it went away, or cannot be opened).
    static let previewUnreadable: DiagnosticID = "serve.unreadable"
}
