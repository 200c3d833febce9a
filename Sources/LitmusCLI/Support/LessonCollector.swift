import Foundation

/// Expands the paths a user names into lesson files: files as given, directories searched
/// recursively for `.md`, `.markdown`, `.qmd` (Quarto) and `.ipynb`, in a stable sorted order.
enum LessonCollector {
    /// A path as lessons are named everywhere (headers, diagnostics): no `./`, no trailing or
    /// doubled `/`.
    static func normalized(_ path: String) -> String {
        var parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        if parts.isEmpty { parts = ["."] }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }

    static let lessonExtensions: Set<String> = ["md", "markdown", "qmd", "ipynb"]

    static func collect(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths.map(normalized) {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw LitmusCLIError.missingFile(path)
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let base = path
            guard let enumerator = FileManager.default.enumerator(atPath: base) else {
                throw LitmusCLIError.unreadable(path, reason: "cannot list the directory")
            }
            var found: [String] = []
            for case let relative as String in enumerator {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") { continue }
                if lessonExtensions.contains((relative as NSString).pathExtension.lowercased()) {
                    found.append(base + "/" + relative)
                }
            }
            files += found.sorted()
        }
        return files
    }
}
