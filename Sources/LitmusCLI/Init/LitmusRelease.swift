import Foundation

/// Where a course made by `litmus init` finds Litmus.
enum LitmusRelease {
    /// The Git repository a course names when it is given no other and this `litmus` was not
    /// built from a checkout.
    static let url = "https://github.com/litmus-lessons/litmus"

    /// The checkout this `litmus` was built from (`swift run litmus` in a clone): the nearest
    /// folder above the executable whose `Package.swift` is Litmus's.
    static func checkout() -> URL? {
        guard var folder = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() else {
            return nil
        }
        while folder.path != "/" {
            let manifest = folder.appendingPathComponent("Package.swift")
            if let text = try? String(contentsOf: manifest, encoding: .utf8), text.contains("name: \"Litmus\""),
                FileManager.default.fileExists(atPath: folder.appendingPathComponent("Sources/LitmusCLI").path)
            {
                return folder
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
}
