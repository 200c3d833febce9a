import Foundation

/// Problems of the environment rather than of a lesson's content: the file cannot be read.
enum LitmusCLIError: LocalizedError, Equatable {
    case missingFile(String)
    case isDirectory(String)
    case unreadable(String, reason: String)
    case tooLarge(String, bytes: Int, limit: Int)

    var errorDescription: String? {
        switch self {
        case .missingFile(let path): "\(path): error: no such file"
        case .isDirectory(let path): "\(path): error: is a directory, not a lesson file"
        case .unreadable(let path, let reason): "\(path): error: cannot read the file: \(reason)"
        case .tooLarge(let path, let bytes, let limit):
            "\(path): error: the file has \(bytes) bytes; lessons are limited to \(limit) bytes"
        }
    }
}
