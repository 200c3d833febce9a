import Foundation

/// Where the tests find their lessons: the fixtures in the repository, and the seed lesson and
/// the corpus of published lessons in `../shared/` beside the package. CI has both; a user's clone
/// may not, and the tests that read them are then skipped (see `seedIsAvailable`, `corpusIsAvailable`).
public enum TestPaths {
    /// The package root (this file is `Tests/Support/TestSupport/TestPaths.swift`).
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }()

    /// `Tests/Fixtures/`.
    public static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")
    /// `Tests/Fixtures/traps/`: lessons with planted errors beside correct formulas.
    public static let traps = fixtures.appendingPathComponent("traps")
    /// `Tests/Fixtures/code-ties/`: lessons whose formulas are tied to their cells' functions
    /// (one of them on purpose wrong, so it runs only in a course of its own).
    public static let codeTies = fixtures.appendingPathComponent("code-ties")
    /// `../shared/`.
    public static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    /// The user's own lesson.
    public static let seed = shared.appendingPathComponent("seeds/000_f9f7e15a051b9a5d.txt")
    /// The published lessons Litmus is measured on (never copied into the repository).
    public static let corpus = shared.appendingPathComponent("corpus")

    public static var seedIsAvailable: Bool { FileManager.default.fileExists(atPath: seed.path) }
    public static var corpusIsAvailable: Bool { !corpusLessons.isEmpty }

    /// The seed's text, or `nil` where it is absent.
    public static var seedText: String? { try? String(contentsOf: seed, encoding: .utf8) }

    /// The corpus's lessons (Markdown and notebooks, not its `SOURCES.md`), by name.
    public static var corpusLessons: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { ($0.hasSuffix(".md") || $0.hasSuffix(".ipynb")) && $0 != "SOURCES.md" }.sorted()
            .map { corpus.appendingPathComponent($0) }
    }

    /// The trap lessons, by name.
    public static var trapLessons: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: traps.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().map { traps.appendingPathComponent($0) }
    }
}
