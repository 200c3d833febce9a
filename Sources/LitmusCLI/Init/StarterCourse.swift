/// The files of a starter course (`litmus init`): a Swift package whose `NotebookTests` target
/// holds the lessons' generated tests, a first lesson, a course file, a `.gitignore`, a README
/// and a GitHub Actions workflow that runs the cells on a matrix.
struct StarterCourse {
    /// How the course's package names Litmus.
    enum Dependency: Equatable {
        /// A checkout on this machine (an absolute path).
        case path(String)
        /// A Git repository and the version to start from.
        case url(String, version: String)

        /// The identity SwiftPM gives the package: the last path component, without `.git`.
        var identity: String {
            let location: String
            switch self {
            case .path(let path): location = path
            case .url(let url, _): location = url
            }
            var last = location.split(separator: "/").last.map(String.init) ?? "litmus"
            if last.hasSuffix(".git") { last.removeLast(4) }
            return last
        }

        var declaration: String {
            switch self {
            case .path(let path): ".package(path: \(Self.literal(path)))"
            case .url(let url, let version): ".package(url: \(Self.literal(url)), from: \(Self.literal(version)))"
            }
        }

        /// Where the course finds Litmus, for people.
        var summary: String {
            switch self {
            case .path(let path): "the Litmus checkout at \(path)"
            case .url(let url, let version): "Litmus \(version) from \(url)"
            }
        }

        /// A Swift string literal of `text`.
        static func literal(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
    }

    /// The package's name (a Swift identifier-like word).
    var name: String
    /// The course's title, shown on every page.
    var title: String
    var dependency: Dependency

    /// The path of the first lesson, relative to the package.
    static let lessonPath = "notebooks/01-first-lesson.md"

    /// The files to write, by path relative to the course's folder (generated tests apart).
    var files: [(path: String, contents: String)] {
        [
            ("Package.swift", packageManifest),
            (Self.lessonPath, Self.firstLesson),
            ("litmus.yml", courseFile),
            (".gitignore", Self.gitignore),
            ("README.md", readme),
            (".github/workflows/lessons.yml", Self.workflow),
        ]
    }

    var packageManifest: String {
        let note =
            if case .path = dependency {
                """
                        // A Litmus checkout on this machine; for CI, name a release instead:
                        // .package(url: "https://github.com/OWNER/litmus", from: "VERSION")

                """
            } else { "" }
        return """
            // swift-tools-version: 6.0
            // A course written with Litmus: the lessons are in notebooks/, and their cells and
            // verified formulas run as the tests in generated/ (written by `litmus sync`, never by hand).
            import PackageDescription

            let package = Package(
                name: \(Dependency.literal(name)),
                dependencies: [
            \(note)        \(dependency.declaration)
                ],
                targets: [
                    // The lessons' tests. Cells compile in the Swift 5 language mode, as a
                    // notebook's learner writes them.
                    .testTarget(
                        name: "NotebookTests",
                        dependencies: [
                            .product(name: "NeuralCore", package: \(Dependency.literal(dependency.identity))),
                            .product(name: "LitmusRuntime", package: \(Dependency.literal(dependency.identity))),
                        ],
                        path: "generated",
                        swiftSettings: [.swiftLanguageMode(.v5)]
                    )
                ]
            )

            """
    }

    var courseFile: String {
        """
        # The course: its title, the order of its lessons (paths relative to this file) and the
        # lessons left out of the site.
        title: \(Self.yamlScalar(title))
        lessons:
          - \(Self.lessonPath)
        exclude:
          - notebooks/drafts/**

        """
    }

    /// A YAML scalar: plain when it is safe, else double-quoted.
    static func yamlScalar(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "_" || $0 == "." }
        if plain, let first = text.first, first.isLetter || first.isNumber { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            + "\""
    }

    static let gitignore = """
        .build/
        .swiftpm/
        site/
        .litmus/

        """

    var readme: String {
        """
        # \(title)

        A course written with Litmus: every formula in `notebooks/` is checked
        against a neural-network engine, every Swift cell runs as a test, and the lessons render to
        HTML.

        ```sh
        swift run litmus serve      # preview at http://127.0.0.1:8000/ — save a lesson, see the page
        swift run litmus build      # check, run the cells, render site/
        swift package litmus check  # the same commands as a package plugin
        ```

        After changing a lesson, `swift run litmus sync` brings `generated/` in line (`build` and
        `test` do it too); commit both. `.github/workflows/lessons.yml` runs the cells on GitHub
        Actions, in four parallel parts, and keeps their JUnit reports.

        """
    }

    /// The first lesson: formulas Litmus verifies, a Swift cell, and the output it must print.
    static let firstLesson = #"""
        # A first lesson: one neuron

        This lesson is yours to rewrite. Run `swift run litmus serve`, open the page it names,
        and save this file: the page follows each save.

        A neuron weighs its inputs $x_i$ with weights $w_i$, adds a bias $b$, and passes the sum

        $$
        z = \sum_{i=1}^{n} w_i x_i + b
        $$

        through an activation function. The sigmoid is a common one: it squashes any number to
        between zero and one,

        $$
        \sigma(z) = \frac{1}{1 + e^{-z}},
        $$

        and its slope is made of its own value,

        $$
        \sigma'(z) = \sigma(z)\,(1 - \sigma(z)).
        $$

        Litmus checks both against its engine, NeuralCore. Turn the minus sign in the slope into a
        plus and the page marks the formula as a mismatch, with a counterexample.

        A Swift cell runs as a test, and the block after it is what it must print (numbers are
        compared to the digits written):

        ```swift
        let inputs: [Double] = [1.0, 2.0]
        let weights: [Double] = [0.5, -0.25]
        let bias = 0.25
        let z = zip(weights, inputs).map { $0 * $1 }.reduce(bias, +)
        print(z)
        print(Activation.sigmoid.value(z))
        ```

        ```output
        0.25
        0.562
        ```

        """#

    /// Runs the lessons' cells on GitHub Actions in four parallel parts, each keeping its JUnit
    /// report.
    static let workflow = """
        # The lessons' cells on GitHub Actions: `litmus test --shard i/4` deals the lessons out by
        # sorted path, so each runs in exactly one of the four jobs; each job keeps its JUnit report.
        name: lessons

        on: [push, pull_request]

        jobs:
          cells:
            runs-on: ubuntu-latest
            container: swift:6.3-bookworm
            strategy:
              fail-fast: false
              matrix:
                shard: [1, 2, 3, 4]
            steps:
              - uses: actions/checkout@v4
              - name: System libraries
                run: |
                  apt-get update -qq
                  apt-get install -y -qq pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libopenblas-dev
              - name: Formulas and generated tests are in line with the lessons
                run: |
                  swift run litmus check
                  swift run litmus sync --check
              - name: Cells, part ${{ matrix.shard }} of 4
                run: swift run litmus test --shard ${{ matrix.shard }}/4 --junit junit-${{ matrix.shard }}.xml
              - name: JUnit report
                if: always()
                uses: actions/upload-artifact@v4
                with:
                  name: junit-${{ matrix.shard }}
                  path: junit-${{ matrix.shard }}.xml

        """
}
