import Foundation

/// Runs a `swift` command (SwiftPM) in a package, with its standard output and error together.
enum SwiftPM {
    struct Result {
        var status: Int32
        var output: String
    }

    static func run(_ arguments: [String], in directory: URL, limit: Double = 600) throws -> Result {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent(
            "litmus-swiftpm-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(limit)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try handle.close()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return Result(
            status: process.terminationReason == .uncaughtSignal ? -1 : process.terminationStatus, output: output)
    }
}
