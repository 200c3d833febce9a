import ArgumentParser
import Foundation
import LessonMarkdown
import LitmusDiagnostics

/// The lessons a command works on: the files under the paths the user named, read and parsed,
/// with each one's path relative to the folder they share (which becomes the site's layout).
struct LessonWorkspace {
    struct Entry {
        var lesson: Lesson
        var lines: SourceLines
        /// Relative to `base`, with `/` separators.
        var relativePath: String
    }

    /// The folder the lessons share.
    var base: String
    var entries: [Entry] = []
    /// Files that could not be read at all; their diagnostics were printed.
    var unreadable = 0

    /// `load` for a command: a path that does not exist, or (with `requireReadable`) a lesson
    /// that cannot be read, is printed and ends the command with exit code 2.
    static func loadForCommand(
        _ paths: [String], requireReadable: Bool = false, dialect: MathDialect? = nil
    ) throws -> LessonWorkspace {
        let workspace: LessonWorkspace
        do {
            workspace = try load(paths, dialect: dialect)
        } catch let error as LitmusCLIError {
            DiagnosticPrinter.writeStandardError((error.errorDescription ?? "\(error)") + "\n")
            throw ExitCode(2)
        }
        if requireReadable, workspace.unreadable > 0 { throw ExitCode(2) }
        return workspace
    }

    /// Reads the lessons under `paths` (in the course's `dialect`, `dialect:` of `litmus.yml`,
    /// where it names one), printing what cannot be read. Throws for a missing path.
    static func load(
        _ paths: [String], dialect: MathDialect? = nil, printer: DiagnosticPrinter = DiagnosticPrinter()
    ) throws -> LessonWorkspace {
        let (files, base) = try lessonFiles(paths)
        var workspace = LessonWorkspace(base: base)
        let dialect = dialect ?? courseDialect(for: base)
        for file in files {
            do {
                switch try LessonLoader.load(file, dialect: dialect) {
                case .unreadableContent(let diagnostic, let lines):
                    printer.print([diagnostic], path: file, lines: lines)
                    workspace.unreadable += 1
                case .lesson(let lesson, let lines):
                    workspace.entries.append(
                        Entry(lesson: lesson, lines: lines, relativePath: relative(file, to: workspace.base)))
                }
            } catch let error as LitmusCLIError {
                DiagnosticPrinter.writeStandardError((error.errorDescription ?? "\(error)") + "\n")
                workspace.unreadable += 1
            }
        }
        return workspace
    }

    /// The dialect `dialect:` of the course file for lessons under `folder` names; a name that
    /// is no dialect is a warning (and the lessons are read as if it were absent).
    static func courseDialect(for folder: String) -> MathDialect? {
        guard let course = try? CourseFile.find(for: folder), let name = course.dialect else { return nil }
        if let dialect = MathDialect(rawValue: name) { return dialect }
        DiagnosticPrinter.writeStandardError(
            "\(course.path): warning: unknown dialect '\(name)'; use one of "
                + MathDialect.allCases.map(\.rawValue).joined(separator: ", ") + " [dialect.unknown]\n")
        return nil
    }

    /// The lesson files under `paths` and the folder they share. Lessons found in a folder that
    /// the course file excludes are left out of every command; a lesson named on the command
    /// line is read whatever the course file says.
    static func lessonFiles(_ paths: [String]) throws -> (files: [String], base: String) {
        var files = try LessonCollector.collect(paths)
        let base = commonDirectory(of: files, arguments: paths)
        if let course = try? CourseFile.find(for: base), !course.exclude.isEmpty {
            let named = Set(paths.map(LessonCollector.normalized))
            let folder = URL(fileURLWithPath: (course.path as NSString).deletingLastPathComponent).standardizedFileURL
            files.removeAll { file in
                !named.contains(file)
                    && course.exclude.contains {
                        CourseFile.matches(SiteWriter.relativePath(of: file, to: folder), pattern: $0)
                    }
            }
        }
        return (files, base)
    }

    /// The deepest folder containing every file (a folder argument counts as its own base).
    static func commonDirectory(of files: [String], arguments: [String]) -> String {
        var directories: [[Substring]] = []
        for argument in arguments {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
                directories.append(standardized(argument).split(separator: "/"))
            }
        }
        for file in files {
            directories.append(standardized((file as NSString).deletingLastPathComponent).split(separator: "/"))
        }
        guard var common = directories.first else { return "." }
        for directory in directories.dropFirst() {
            var count = 0
            while count < common.count, count < directory.count, common[count] == directory[count] { count += 1 }
            common = Array(common.prefix(count))
        }
        let joined = common.joined(separator: "/")
        let absolute =
            standardized(".").hasPrefix("/") && (files.first.map { standardized($0).hasPrefix("/") } ?? false)
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    private static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    static func relative(_ file: String, to base: String) -> String {
        let full = standardized(file)
        let prefix = standardized(base)
        if full.hasPrefix(prefix + "/") { return String(full.dropFirst(prefix.count + 1)) }
        return (file as NSString).lastPathComponent
    }
}
