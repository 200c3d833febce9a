import Foundation
import LessonMarkdown
import LitmusDiagnostics

/// Reads lesson files from disk: the only place the commands touch lesson files.
struct LessonLoader {
    /// Larger files are refused before they are read (a lesson is text a person wrote).
    static let maximumBytes = 256 * 1024 * 1024

    /// The outcome of reading one file.
    enum Outcome {
        case lesson(Lesson, SourceLines)
        /// The content could not be read as a lesson (invalid UTF-8, broken notebook JSON).
        case unreadableContent(Diagnostic, SourceLines?)
    }

    /// Reads and parses `path` (in the course's `dialect`, if it names one); throws for
    /// file-system problems.
    static func load(_ path: String, dialect: MathDialect? = nil) throws -> Outcome {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LitmusCLIError.missingFile(path)
        }
        guard !isDirectory.boolValue else { throw LitmusCLIError.isDirectory(path) }
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes[.size] as? Int, size > maximumBytes {
                throw LitmusCLIError.tooLarge(path, bytes: size, limit: maximumBytes)
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as LitmusCLIError {
            throw error
        } catch {
            throw LitmusCLIError.unreadable(path, reason: error.localizedDescription)
        }
        let bytes = [UInt8](data)
        do {
            let lesson = try LessonParser.parse(bytes, path: path, dialect: dialect)
            return .lesson(lesson, SourceLines(bytes: bytes))
        } catch {
            let printable =
                error.diagnostic.id.rawValue == "lesson.invalid-utf8" || error.diagnostic.id.rawValue == "lesson.binary"
            return .unreadableContent(error.diagnostic, printable ? nil : SourceLines(bytes: bytes))
        }
    }
}
