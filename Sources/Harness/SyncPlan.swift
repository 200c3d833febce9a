import Checks
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
    /// Generated files whose lesson is gone (renamed, moved or deleted).
    public var deletions: [String] = []
    /// Names a lesson needs that are taken by a file Litmus did not write.
    public var refusals: [String] = []
    /// Files already up to date (left untouched, so their modification time is kept).
    public var unchanged: [String] = []

    /// Plans the sync of `existing` (name → contents of the `.swift` files in `generated/`)
    /// towards `expected` (name → generated contents). A generated file that is not expected is
    /// deleted when `isGone` says the lesson its header names no longer exists — whichever folder
    /// it was in, so a renamed lesson or a deleted folder leaves nothing behind, while the tests
    /// of lessons that exist but were not synced this time are kept.
    public init(expected: [String: String], existing: [String: String], isGone: (String) -> Bool) {
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
            guard let lesson = TestFileGenerator.lessonPath(inHeaderOf: existing[name]!) else { continue }
            // A file whose lesson still exists under another generated name is stale too (the
            // name scheme changed), so it goes when its lesson is among those synced.
            if isGone(lesson)
                || expected.values.contains(where: { $0.hasPrefix(TestFileGenerator.header(for: lesson) + "\n") })
            {
                deletions.append(name)
            }
        }
    }

    /// Whether `generated/` already matches.
    public var isInSync: Bool { writes.isEmpty && deletions.isEmpty && refusals.isEmpty }
}

/// The generated files for a set of lessons.
public enum GeneratedFiles {
    /// `lessons` are (path relative to the package, the lesson as checked); returns the generated
    /// files, in the lessons' order, with the formulas verified against NeuralCore
    /// (`CompiledFormula`) and those tied to the cells' functions (`CodeTie`) as tests.
    public static func files(for lessons: [(path: String, checked: CheckedLesson)]) -> [GeneratedFile] {
        lessons.map {
            TestFileGenerator.generate(
                $0.checked.lesson, lessonPath: $0.path, formulas: CompiledFormula.compile($0.checked),
                ties: CodeTie.find(in: $0.checked))
        }
    }

    /// Lessons whose generated names coincide (a hash collision of two paths; practically never):
    /// each such pair is an error rather than one lesson's tests silently replacing another's.
    public static func collisions(_ files: [GeneratedFile]) -> [(String, String)] {
        var byName: [String: String] = [:]
        var out: [(String, String)] = []
        for file in files {
            if let other = byName[file.fileName], other != file.lessonPath {
                out.append((other, file.lessonPath))
            } else {
                byName[file.fileName] = file.lessonPath
            }
        }
        return out
    }

    /// A `--filter` pattern that selects exactly these suites.
    public static func testFilter(for typeNames: [String]) -> String {
        let names = typeNames.sorted().map { NSRegularExpression.escapedPattern(for: $0) }
        return "NotebookTests\\.(" + names.joined(separator: "|") + ")\\b"
    }
}
