import Foundation

/// The real lesson kept in the project's shared folder, beside the repository.
enum SeedLesson {
    /// `../shared/seeds/000_f9f7e15a051b9a5d.txt` relative to the package root; `nil` where the
    /// folder is absent, as on a user's clone.
    static func text() -> String? {
        // `#filePath` here is this file, Tests/TeXTests/Support/SeedLesson.swift.
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }  // Support/, TeXTests/, Tests/
        root.deleteLastPathComponent()  // the package root
        let seed = root.deletingLastPathComponent()
            .appendingPathComponent("shared/seeds/000_f9f7e15a051b9a5d.txt")
        return try? String(contentsOf: seed, encoding: .utf8)
    }
}
