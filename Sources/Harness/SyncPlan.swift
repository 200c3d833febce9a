import Foundation
import LessonMarkdown

/// What bringing `generated/` in line with the lessons takes: the files to write, to delete and
/// to leave alone, decided from contents alone (the caller reads and writes the disk).
///
/// Safety first: a file that lacks the generator's header was not written by Litmus, and it is
/// never overwritten or deleted — a lesson that would need its name is refused instead.
public struct SyncPlan: Equatable, Sendable {
    /// Files whose contents must be written (new or stale), by name, with their new contents.
    public var writes: [String: String] = [:]
    /// Generated files whose lesson is gone.
    public var deletions: [String] = []
    /// Names a lesson needs that are taken by a file Litmus did not write.
    public var refusals: [String] = []
    /// Files already up to date (left untouched, so their modification time is kept).
    public var unchanged: [String] = []

    /// Plans the sync of `existing` (name → contents of the `.swift` files in `generated/`)
    /// towards `expected` (name → generated contents). A generated file that is not expected
    /// is deleted only when `isGone` says its lesson (named in its header) is gone — so syncing
    /// one folder never removes the tests of lessons elsewhere.
    public init(expected: [String: String], existing: [String: String], isGone: (String) -> Bool = { _ in true }) {
        for name in expected.keys.sorted() {
            let contents = expected[name]!
            if let current = existing[name] {
                if current == contents {
                    unchanged.append(name)
                } else if current.hasPrefix(TestFileGenerator.headerPrefix) {
                    writes[name] = contents
                } else {
                    refusals.append(name)
                }
            } else {
                writes[name] = contents
            }
        }
        for name in existing.keys.sorted() where expected[name] == nil {
            if let lesson = TestFileGenerator.lessonPath(inHeaderOf: existing[name]!), isGone(lesson) {
                deletions.append(name)
            }
        }
    }

    /// Whether `generated/` already matches.
    public var isInSync: Bool { writes.isEmpty && deletions.isEmpty && refusals.isEmpty }
}

/// The generated files for a set of lessons: names made unique in a stable order.
public enum GeneratedFiles {
    /// The test type (and file stem) of each lesson path: `typeName(for:)`, with a number added
    /// when two lessons would share a name (in sorted order, so the choice is stable).
    public static func typeNames(for paths: [String]) -> [String: String] {
        var used: [String: Int] = [:]
        var names: [String: String] = [:]
        for path in paths.sorted() {
            var name = TestFileGenerator.typeName(for: path)
            let count = used[name, default: 0]
            used[name] = count + 1
            if count > 0 { name = String(name.dropLast("Tests".count)) + "\(count + 1)Tests" }
            names[path] = name
        }
        return names
    }

    /// `lessons` are (path relative to the package, lesson, the formulas verified and compiled
    /// for it); returns file name → contents.
    public static func files(for lessons: [(path: String, lesson: Lesson, formulas: [CompiledFormula])]) -> [String:
        String]
    {
        let names = typeNames(for: lessons.map(\.path))
        var files: [String: String] = [:]
        for (path, lesson, formulas) in lessons {
            let name = names[path]!
            files[name + ".swift"] = TestFileGenerator.generate(
                lesson, lessonPath: path, typeName: name, formulas: formulas)
        }
        return files
    }

    /// A `swift test --filter` pattern that selects exactly these lessons' suites.
    public static func testFilter(for paths: [String]) -> String {
        let names = typeNames(for: paths).values.sorted().map { NSRegularExpression.escapedPattern(for: $0) }
        return "NotebookTests\\.(" + names.joined(separator: "|") + ")\\b"
    }
}
