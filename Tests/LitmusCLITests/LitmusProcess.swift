import Foundation

/// Runs the built `litmus` executable as a user would, capturing its output and exit code.
struct LitmusProcess {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `litmus` binary beside the test bundle (SwiftPM builds it first: the test target
    /// depends on it).
    static var executable: URL {
        let products = Bundle.main.bundleURL
        let candidate = products.appendingPathComponent("litmus")
        if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        return packageRoot.appendingPathComponent(".build/debug/litmus")
    }

    /// Runs `litmus` with `arguments`; a run that outlives `limit` seconds is stopped and
    /// reported with status −1, so a hang fails the test instead of stalling the suite.
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], limit: Double = 600
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let directory { process.currentDirectoryURL = directory }
        let deadline = DispatchWorkItem { [process] in if process.isRunning { process.terminate() } }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: deadline)
        defer { deadline.cancel() }
        // Read both pipes while the process runs, so a large output cannot block it.
        nonisolated(unsafe) var errorData = Data()
        let reader = Thread { errorData = error.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { Thread.sleep(forTimeInterval: 0.005) }
        return Result(
            status: process.terminationReason == .uncaughtSignal ? -1 : process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self)
        )
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("litmus-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
