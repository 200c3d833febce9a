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
        // What a course's generated tests link (`litmus init` makes packages that depend on it).
        .library(name: "LitmusRuntime", targets: ["LitmusRuntime"]),
        // `swift package litmus build|check|test|render|sync` in this package and in every package
        // that depends on it.
        .plugin(name: "LitmusPlugin", targets: ["LitmusPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The course file (`litmus.yml`); 5.0.1 rather than 6.x: the smaller of the two to build.
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        // The HTTP server of `litmus serve` (chosen over Hummingbird: no SwiftNIO to build).
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
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
        .target(name: "TeX", dependencies: ["LitmusDiagnostics"], exclude: ["README.md"]),
        .target(name: "NeuralCore", dependencies: ["COpenBLAS"]),
        .target(name: "Site", dependencies: ["CellRecords", "Checks", "LessonMarkdown", "TeX", "LitmusDiagnostics"]),
        // The record of a cell's run: written by the runtime, read by the runner, the CLI and the site.
        .target(name: "CellRecords"),
        .target(name: "LitmusRuntime", dependencies: ["NeuralCore", "CellRecords"]),
        .target(
            name: "Harness",
            dependencies: ["LessonMarkdown", "LitmusDiagnostics", "TeX", "Formulas", "Checks", "CellRecords"]),
        .target(name: "Formulas", dependencies: ["TeX", "LitmusDiagnostics"], exclude: ["README.md"]),
        .target(
            name: "Checks",
            dependencies: ["LessonMarkdown", "TeX", "Formulas", "NeuralCore", "LitmusDiagnostics"],
            exclude: ["README.md"]
        ),
        .target(
            name: "LitmusCLI",
            dependencies: [
                "LitmusDiagnostics", "LessonMarkdown", "TeX", "NeuralCore", "Formulas", "Checks", "Site", "Harness",
                "CellRecords", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),

        // Lesson-like formulas from a seed, shared by the benchmarks and the TeX tests.
        .target(name: "FormulaCorpus", dependencies: ["NeuralCore"]),

        // MARK: - Executables
        .executableTarget(name: "litmus", dependencies: ["LitmusCLI"]),
        .executableTarget(
            name: "LitmusBench",
            dependencies: [
                "LitmusDiagnostics", "LessonMarkdown", "TeX", "NeuralCore", "Site", "Harness", "Formulas", "Checks",
                "FormulaCorpus",
            ]
        ),

        // MARK: - Plugins
        // Runs the `litmus` tool SwiftPM builds for the package (no separate install).
        .plugin(
            name: "LitmusPlugin",
            capability: .command(
                intent: .custom(
                    verb: "litmus",
                    description: "Check, sync, test and render the package's lessons (litmus build|check|test|render|sync)"
                ),
                permissions: [
                    .writeToPackageDirectory(
                        reason: "Litmus writes the lessons' tests to generated/, the pages to site/ and run records to .litmus/"
                    )
                ]
            ),
            dependencies: ["litmus"]
        ),

        // MARK: - Tests (one target per module, plus the CLI end to end)
        // Golden-file comparison, shared by the TeX, site and harness tests.
        .target(name: "GoldenFiles", path: "Tests/Support/GoldenFiles"),
        // Position markers, and where the seed, the corpus and the fixtures are, for every test target.
        .target(name: "TestSupport", path: "Tests/Support/TestSupport"),
        .testTarget(name: "LitmusDiagnosticsTests", dependencies: ["LitmusDiagnostics"]),
        .testTarget(name: "LessonMarkdownTests", dependencies: ["LessonMarkdown", "LitmusDiagnostics", "TestSupport"]),
        .testTarget(
            name: "TeXTests",
            dependencies: ["TeX", "LitmusDiagnostics", "FormulaCorpus", "NeuralCore", "GoldenFiles", "TestSupport"],
            exclude: ["Golden"]),
        .testTarget(
            name: "NeuralCoreTests", dependencies: ["NeuralCore", "GoldenFiles"], exclude: ["Reproducibility/Golden"]),
        .testTarget(
            name: "SiteTests",
            dependencies: ["Site", "LessonMarkdown", "TeX", "LitmusDiagnostics", "GoldenFiles", "NeuralCore"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "LitmusRuntimeTests", dependencies: ["LitmusRuntime", "NeuralCore", "CellRecords"]),
        .testTarget(
            name: "HarnessTests",
            dependencies: [
                "Harness", "LessonMarkdown", "LitmusDiagnostics", "Checks", "GoldenFiles", "CellRecords", "TestSupport",
            ],
            exclude: ["Golden"]
        ),
        // The lessons' cells and formula checks, generated by `litmus sync` (never by hand). Cells
        // are compiled in the Swift 5 language mode, as a notebook's learner writes them.
        .testTarget(
            name: "NotebookTests", dependencies: ["NeuralCore", "LitmusRuntime"], path: "generated",
            exclude: ["README.md"], swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        .testTarget(name: "FormulasTests", dependencies: ["Formulas", "TeX", "LitmusDiagnostics"]),
        .testTarget(
            name: "ChecksTests",
            dependencies: [
                "Checks", "Formulas", "TeX", "NeuralCore", "LessonMarkdown", "LitmusDiagnostics", "TestSupport",
                "GoldenFiles",
            ],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(name: "LitmusCLITests", dependencies: ["LitmusCLI", "litmus", "Harness"]),
    ]
)
