import Foundation
import LitmusDiagnostics

/// Writes diagnostics to standard error in the compiler's format, and as GitHub Actions
/// annotations when running there.
struct DiagnosticPrinter {
    var githubActions = ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true"

    func print(_ diagnostics: [Diagnostic], path: String, lines: SourceLines?) {
        let formatter = DiagnosticFormatter(path: path, lines: lines)
        var text = ""
        for diagnostic in diagnostics {
            text += formatter.format(diagnostic)
            if githubActions { text += formatter.githubAnnotation(diagnostic) }
        }
        Self.writeStandardError(text)
    }

    static func writeStandardError(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
