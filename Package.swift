// swift-tools-version: 6.0
// Litmus: checks the formulas of deep-learning lessons against a neural-network engine,
// runs their Swift cells as tests and renders them to HTML. The module map is in DESIGN.md;
// the README's first command installs the system libraries named by the `providers` below.
import PackageDescription

let package = Package(
    name: "Litmus",
    products: [
        .executable(name: "litmus", targets: ["litmus"]),
        .executable(name: "litmus-bench", targets: ["LitmusBench"]),
        .library(name: "NeuralCore", targets: ["NeuralCore"]),
        .library(name: "TeX", targets: ["TeX"]),
        .library(name: "LessonMarkdown", targets: ["LessonMarkdown"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // MARK: - System libraries (Debian packages)
        .systemLibrary(
            name: "CCMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),

        // MARK: - Libraries
        .target(name: "LitmusDiagnostics"),
        .target(name: "LessonMarkdown", dependencies: ["CCMarkGFM", "LitmusDiagnostics"]),
        .target(name: "TeX", dependencies: ["LitmusDiagnostics"]),
        .target(name: "NeuralCore", dependencies: ["COpenBLAS"]),
        .target(name: "Formulas", dependencies: ["TeX", "LitmusDiagnostics"]),
        .target(
            name: "Checks",
            dependencies: ["LessonMarkdown", "TeX", "Formulas", "NeuralCore", "LitmusDiagnostics"]
        ),
        .target(
            name: "LitmusCLI",
            dependencies: [
                "LitmusDiagnostics", "LessonMarkdown", "TeX", "NeuralCore", "Formulas", "Checks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Executables
        .executableTarget(name: "litmus", dependencies: ["LitmusCLI"]),
        .executableTarget(
            name: "LitmusBench",
            dependencies: ["LitmusDiagnostics", "LessonMarkdown", "TeX", "NeuralCore", "Formulas", "Checks"]
        ),

        // MARK: - Tests (one target per module, plus the CLI end to end)
        .testTarget(name: "LitmusDiagnosticsTests", dependencies: ["LitmusDiagnostics"]),
        .testTarget(name: "LessonMarkdownTests", dependencies: ["LessonMarkdown", "LitmusDiagnostics"]),
        .testTarget(name: "TeXTests", dependencies: ["TeX", "LitmusDiagnostics"], exclude: ["Golden"]),
        .testTarget(name: "NeuralCoreTests", dependencies: ["NeuralCore"]),
        .testTarget(name: "FormulasTests", dependencies: ["Formulas", "TeX", "LitmusDiagnostics"]),
        .testTarget(
            name: "ChecksTests",
            dependencies: ["Checks", "Formulas", "TeX", "NeuralCore", "LessonMarkdown", "LitmusDiagnostics"]
        ),
        .testTarget(name: "LitmusCLITests", dependencies: ["LitmusCLI", "litmus"]),
    ]
)
