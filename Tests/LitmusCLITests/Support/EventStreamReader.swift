import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// An event stream read with URLSession as it arrives (a page's view of the server's events).
final class EventStreamReader: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    private var session: URLSession?

    init(url: URL) {
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 60
        let session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
        self.session = session
        session.dataTask(with: url).resume()
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.lock()
        text += String(decoding: data, as: UTF8.self)
        lock.unlock()
    }

    /// What arrived so far.
    var received: String {
        lock.lock()
        defer { lock.unlock() }
        return text
    }

    /// Waits until the text received contains `marker`, up to `limit` seconds.
    func waitFor(_ marker: String, limit: Double) -> Bool {
        let deadline = Date().addingTimeInterval(limit)
        while Date() < deadline {
            if received.contains(marker) { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return received.contains(marker)
    }

    func close() {
        session?.invalidateAndCancel()
    }
}
