import Foundation

/// Why `litmus serve` cannot start: problems of the machine, not of a lesson.
enum ServeError: LocalizedError, Equatable {
    case portInUse(Int)
    case cannotListen(Int, reason: String)

    var errorDescription: String? {
        switch self {
        case .portInUse(let port):
            "error: cannot serve on 127.0.0.1:\(port): the port is in use (by another `litmus serve`?); "
                + "choose another with --port, or --port 0 for any free one"
        case .cannotListen(let port, let reason):
            "error: cannot serve on 127.0.0.1:\(port): \(reason)"
        }
    }
}
