import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `litmus serve` as the benchmark runs it: on a free port, its output collected.
final class ServeUnderTest: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var output = ""
    private(set) var startupSeconds = 0.0

    init(litmus: String, directory: URL) {
        process.executableURL = URL(fileURLWithPath: litmus)
        process.arguments = ["serve", "lessons", "--no-run", "--port", "0"]
        process.currentDirectoryURL = directory
    }

    /// Starts it; returns the port once it listens.
    func start() -> Int? {
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.output += String(decoding: data, as: UTF8.self)
            self.lock.unlock()
        }
        let start = DispatchTime.now()
        guard (try? process.run()) != nil else { return nil }
        while seconds(since: start) < 600, process.isRunning {
            lock.lock()
            let text = output
            lock.unlock()
            if let match = text.firstMatch(of: /http:\/\/127\.0\.0\.1:([0-9]+)\//), let port = Int(match.1) {
                startupSeconds = seconds(since: start)
                return port
            }
            usleep(5000)
        }
        return nil
    }

    /// The server's own figures: milliseconds from noticing a save to the pages being ready.
    func updateMilliseconds() -> [Double] {
        lock.lock()
        defer { lock.unlock() }
        return output.matches(of: /pages updated in ([0-9]+) ms/).compactMap { Double($0.1) }
    }

    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
    }
}
