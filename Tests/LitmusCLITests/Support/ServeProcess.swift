import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `litmus serve` started as a user starts it, on a free port, with a real HTTP client
/// (URLSession) to fetch its pages over loopback.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    /// `http://127.0.0.1:PORT`, once the server said it listens.
    private(set) var base = ""
    private let lock = NSLock()
    private var outputText = ""
    private let errors = Pipe()

    /// Starts `litmus serve --port 0` with `arguments` in `directory`, and waits (up to
    /// `limit` seconds) until it prints the address it listens on.
    init(_ arguments: [String], in directory: URL, limit: Double = 120) throws {
        process.executableURL = LitmusProcess.executable
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errors
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.outputText += String(decoding: data, as: UTF8.self)
            self.lock.unlock()
        }
        errors.fileHandleForReading.readabilityHandler = { handle in _ = handle.availableData }
        try process.run()
        let deadline = Date().addingTimeInterval(limit)
        while Date() < deadline, process.isRunning {
            if let range = output_().range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                base = String(output_()[range])
                return
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        stop()
        throw ServeFailure(message: "litmus serve did not start: " + output_())
    }

    struct ServeFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// What it printed so far.
    var output: String { output_() }

    private func output_() -> String {
        lock.lock()
        defer { lock.unlock() }
        return outputText
    }

    /// Interrupts it as Ctrl-C does and waits for it to end; returns its exit status.
    @discardableResult
    func stop(limit: Double = 20) -> Int32? {
        guard process.isRunning else { return process.terminationStatus }
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(limit)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            process.terminate()
            return nil
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { stop() }
    }

    // MARK: - HTTP

    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    /// GETs `path` with URLSession (no cache).
    func get(_ path: String) throws -> Response {
        try Self.fetch(try #require(URL(string: base + path)))
    }

    /// GETs `url` with URLSession (no cache).
    static func fetch(_ url: URL) throws -> Response {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalAndRemoteCacheData, timeoutInterval: 10)
        request.httpMethod = "GET"
        let box = ResponseBox()
        let semaphore = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            box.set(data: data, response: response as? HTTPURLResponse, error: error)
            semaphore.signal()
        }
        task.resume()
        semaphore.wait()
        let (data, response, error) = box.get()
        if let error { throw error }
        let http = try #require(response)
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
        }
        return Response(
            status: http.statusCode, headers: headers, body: String(decoding: data ?? Data(), as: UTF8.self))
    }

    /// Fetches `path` until its body satisfies `condition` or `limit` seconds pass; returns the
    /// last response and the seconds it took.
    func waitFor(_ path: String, limit: Double, _ condition: (Response) -> Bool) throws -> (Response, Double) {
        let start = Date()
        var response = try get(path)
        while !condition(response), Date().timeIntervalSince(start) < limit {
            Thread.sleep(forTimeInterval: 0.01)
            response = try get(path)
        }
        return (response, Date().timeIntervalSince(start))
    }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        return URLSession(configuration: configuration)
    }()

    private final class ResponseBox: @unchecked Sendable {
        private let lock = NSLock()
        private var value: (Data?, HTTPURLResponse?, Error?) = (nil, nil, nil)
        func set(data: Data?, response: HTTPURLResponse?, error: Error?) {
            lock.lock()
            value = (data, response, error)
            lock.unlock()
        }
        func get() -> (Data?, HTTPURLResponse?, Error?) {
            lock.lock()
            defer { lock.unlock() }
            return value
        }
    }
}
