import Foundation
import LitmusDiagnostics
import Yams

/// The optional course file, `litmus.yml`: the site's title, the order of the lessons and the
/// lessons left out of the site.
///
/// ```yaml
/// title: Neural networks from scratch
/// lessons:            # the order of the sidebar, the index and the previous/next links
///   - 01-the-artificial-neuron.md
///   - 02-dense-layers.md
/// exclude:            # left out of every command (check, test, render…) unless named on the
///                     # command line; `*` matches within a folder, `**` across folders
///   - drafts/**
/// dialect: …          # reserved for the lesson dialect
/// library: LessonCode # cells marked `export` go to Sources/LessonCode/ (a target of the package)
/// ```
///
/// Paths are relative to the folder of the file. Lessons not named under `lessons` follow the
/// named ones in path order, with a warning; a named lesson that does not exist is a warning too.
struct CourseFile {
    static let name = "litmus.yml"
    static let keys: Set<String> = ["title", "lessons", "exclude", "dialect", "library"]

    /// Where it was read from, as given.
    var path: String
    var title: String?
    var lessons: [Entry] = []
    var exclude: [String] = []
    var dialect: String?
    /// The library target that cells marked `export` go to (`Sources/<library>/`).
    var library: String?
    /// Warnings about the file itself (unknown keys), in its coordinates.
    var diagnostics: [Diagnostic] = []
    var lines: SourceLines

    /// A lesson named under `lessons`, with where it was named.
    struct Entry {
        var path: String
        var range: SourceRange
    }

    /// The course file for lessons under `folder`: `folder/litmus.yml`, else `./litmus.yml`;
    /// `nil` when there is none. A file that is not valid YAML, or not a course file, throws.
    static func find(for folder: String) throws(CourseFileError) -> CourseFile? {
        for candidate in [(folder as NSString).appendingPathComponent(name), name]
        where FileManager.default.fileExists(atPath: candidate) {
            return try read(candidate)
        }
        return nil
    }

    static func read(_ path: String) throws(CourseFileError) -> CourseFile {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw CourseFileError(
                path: path, lines: nil,
                diagnostic: Diagnostic(.error, .courseFile, "cannot read the course file", at: nil))
        }
        return try parse(text, path: path)
    }

    static func parse(_ text: String, path: String) throws(CourseFileError) -> CourseFile {
        let lines = SourceLines(text)
        func failure(_ message: String, _ mark: Mark?) -> CourseFileError {
            CourseFileError(
                path: path, lines: lines,
                diagnostic: Diagnostic(
                    .error, .courseFile, message, at: mark.map(range(of:)) ?? SourceRange(at: .start)))
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                throw failure("invalid YAML: \(problem)", mark)
            default:
                throw failure("invalid YAML: \(error)", nil)
            }
        } catch {
            throw failure("invalid YAML: \(error)", nil)
        }
        var file = CourseFile(path: path, lines: lines)
        guard let root else { return file }  // an empty file
        guard case .mapping(let mapping) = root else {
            throw failure(
                "a course file is a mapping of keys (title, lessons, exclude), not \(kind(of: root))", root.mark)
        }
        for (key, value) in mapping {
            guard case .scalar(let keyScalar) = key else { throw failure("a key must be a name", key.mark) }
            switch keyScalar.string {
            case "title":
                guard case .scalar(let title) = value else { throw failure("'title' must be text", value.mark) }
                file.title = title.string
            case "dialect":
                guard case .scalar(let dialect) = value else { throw failure("'dialect' must be text", value.mark) }
                file.dialect = dialect.string
            case "library":
                guard case .scalar(let library) = value, Self.isTargetName(library.string) else {
                    throw failure("'library' must be the name of a Swift target (letters, digits, _)", value.mark)
                }
                file.library = library.string
            case "lessons", "exclude":
                guard case .sequence(let items) = value else {
                    throw failure("'\(keyScalar.string)' must be a list of paths", value.mark)
                }
                for item in items {
                    guard case .scalar(let scalar) = item else {
                        throw failure("each entry of '\(keyScalar.string)' must be a path", item.mark)
                    }
                    if keyScalar.string == "lessons" {
                        file.lessons.append(
                            Entry(path: scalar.string, range: item.mark.map(range(of:)) ?? SourceRange(at: .start)))
                    } else {
                        file.exclude.append(scalar.string)
                    }
                }
            default:
                file.diagnostics.append(
                    Diagnostic(
                        .warning, .courseFileKey,
                        "unknown key '\(keyScalar.string)' in the course file (known: title, lessons, exclude, dialect, library)",
                        at: key.mark.map(range(of:))))
            }
        }
        return file
    }

    private static func isTargetName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || CharacterSet.letters.contains(first) else {
            return false
        }
        return text.unicodeScalars.allSatisfy { $0 == "_" || CharacterSet.alphanumerics.contains($0) }
            && text.allSatisfy(\.isASCII)
    }

    private static func range(of mark: Mark) -> SourceRange {
        SourceRange(at: SourceLocation(line: mark.line, column: mark.column))
    }

    private static func kind(of node: Node) -> String {
        switch node {
        case .scalar: "a single value"
        case .sequence: "a list"
        default: "a mapping"
        }
    }

    // MARK: - Applying it

    /// The lessons (paths relative to the course folder) that the site shows, in its order, with
    /// warnings for named lessons that do not exist and for lessons it does not name.
    func order(_ paths: [String]) -> (order: [Int], diagnostics: [Diagnostic]) {
        var diagnostics = self.diagnostics
        let kept = paths.indices.filter { index in !exclude.contains { Self.matches(paths[index], pattern: $0) } }
        var position: [String: Int] = [:]
        for index in kept { position[LessonCollector.normalized(paths[index])] = index }
        var order: [Int] = []
        var named: Set<Int> = []
        for entry in lessons {
            guard let index = position[LessonCollector.normalized(entry.path)] else {
                diagnostics.append(
                    Diagnostic(
                        .warning, .courseFileLesson, "'\(entry.path)' is not a lesson of this course", at: entry.range))
                continue
            }
            if named.insert(index).inserted { order.append(index) }
        }
        let unnamed = kept.filter { !named.contains($0) }
        if !lessons.isEmpty, !unnamed.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .warning, .courseFileLesson,
                    "not listed under 'lessons', shown last: " + unnamed.map { paths[$0] }.joined(separator: ", "),
                    at: SourceRange(at: .start)))
        }
        return (order + unnamed, diagnostics)
    }

    /// Shell-style matching of a relative path: `*` and `?` within a folder, `**` across folders.
    static func matches(_ path: String, pattern: String) -> Bool {
        let path = Array(LessonCollector.normalized(path).unicodeScalars)
        let pattern = Array(LessonCollector.normalized(pattern).unicodeScalars)
        // Dynamic programming over (pattern index, path index): linear in their product.
        var reachable = Array(repeating: false, count: path.count + 1)
        reachable[0] = true
        var index = 0
        while index < pattern.count {
            var next = Array(repeating: false, count: path.count + 1)
            let scalar = pattern[index]
            if scalar == "*" {
                let crossesFolders = index + 1 < pattern.count && pattern[index + 1] == "*"
                var open = false
                for position in 0...path.count {
                    if reachable[position] { open = true }
                    next[position] = open
                    if position < path.count, path[position] == "/", !crossesFolders { open = false }
                }
                index += crossesFolders ? 2 : 1
            } else {
                for position in 0..<path.count where reachable[position] {
                    if scalar == "?" ? path[position] != "/" : path[position] == scalar { next[position + 1] = true }
                }
                index += 1
            }
            reachable = next
        }
        return reachable[path.count]
    }
}

/// A course file that cannot be used: its path, lines and what is wrong, in the compiler's format.
struct CourseFileError: Error {
    var path: String
    var lines: SourceLines?
    var diagnostic: Diagnostic
}

extension DiagnosticID {
    static let courseFile: DiagnosticID = "course.invalid"
    static let courseFileKey: DiagnosticID = "course.unknown-key"
    static let courseFileLesson: DiagnosticID = "course.lesson"
}
