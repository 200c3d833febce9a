import Foundation

/// A Swift package of its own that holds fixture lessons, depends on this repository for
/// NeuralCore and LitmusRuntime, and has the `NotebookTests` target `litmus test` builds — so
/// lessons that trap, hang or do not compile can be run without stopping this test suite.
/// It lives under `.build/` and is kept between runs, so only the first run builds it from scratch.
struct FixtureCourse {
    let root: URL

    /// The course `name`, with the lessons of the repository's folder `lessons` (for example
    /// `Tests/Fixtures/cells-course`) in `notebooks/`, replacing what was there.
    init(name: String, lessons: String) throws {
        let repository = LitmusProcess.packageRoot
        root = repository.appendingPathComponent(".build/fixture-courses/\(name)")
        let manager = FileManager.default
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        let package = """
            // swift-tools-version: 6.0
            // Made by Litmus's tests: a course that depends on the Litmus checkout beside it.
            import PackageDescription

            let package = Package(
                name: "\(name.replacingOccurrences(of: "-", with: ""))",
                dependencies: [.package(path: "\(repository.path)")],
                targets: [
                    // The course's library: cells marked `export` go here when litmus.yml names it.
                    .target(
                        name: "CourseCode",
                        dependencies: [.product(name: "NeuralCore", package: "\(repository.lastPathComponent)")]),
                    .testTarget(
                        name: "NotebookTests",
                        dependencies: [
                            .product(name: "NeuralCore", package: "\(repository.lastPathComponent)"),
                            .product(name: "LitmusRuntime", package: "\(repository.lastPathComponent)"),
                        ],
                        path: "generated", swiftSettings: [.swiftLanguageMode(.v5)])
                ]
            )

            """
        let manifest = root.appendingPathComponent("Package.swift")
        if (try? String(contentsOf: manifest, encoding: .utf8)) != package {
            try Data(package.utf8).write(to: manifest)
        }
        let library = root.appendingPathComponent("Sources/CourseCode")
        try? manager.removeItem(at: library)
        try manager.createDirectory(at: library, withIntermediateDirectories: true)
        try Data("// The course's own code, beside the cells it exports.\npublic let courseName = \"fixture\"\n".utf8)
            .write(to: library.appendingPathComponent("Own.swift"))
        let notebooks = root.appendingPathComponent("notebooks")
        try? manager.removeItem(at: notebooks)
        try manager.createDirectory(at: notebooks, withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appendingPathComponent("generated"), withIntermediateDirectories: true)
        let source = repository.appendingPathComponent(lessons)
        for file in try manager.contentsOfDirectory(atPath: source.path)
        where file.hasSuffix(".md") || file.hasSuffix(".ipynb") || file == "litmus.yml" {
            try manager.copyItem(at: source.appendingPathComponent(file), to: notebooks.appendingPathComponent(file))
        }
        try? manager.removeItem(at: root.appendingPathComponent(".litmus"))
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }
}
