import Foundation

/// The server-sent events that tell open pages to reload: each page subscribes with its path
/// and the version it shows, and hears `reload` when the server has a newer one — at once, if
/// the page changed between being served and subscribing.
final class ReloadEvents: @unchecked Sendable {
    private let lock = NSLock()
    private var subscribers: [Int: (page: String, continuation: AsyncStream<Data>.Continuation)] = [:]
    private var nextID = 0

    /// One event that tells a page to reload.
    static let reload = Data("event: reload\ndata: reload\n\n".utf8)
    /// A comment line: keeps idle connections open through proxies and finds closed ones.
    static let keepAlive = Data(": keep-alive\n\n".utf8)

    /// The event stream for an open `page`; `stale` sends the reload at once.
    func subscribe(page: String, stale: Bool) -> AsyncStream<Data> {
        let (stream, continuation) = AsyncStream<Data>.makeStream(bufferingPolicy: .bufferingNewest(8))
        // Reconnect quickly when the server restarts.
        continuation.yield(Data("retry: 500\n\n".utf8))
        if stale { continuation.yield(Self.reload) }
        lock.lock()
        nextID += 1
        let id = nextID
        subscribers[id] = (page, continuation)
        lock.unlock()
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        return stream
    }

    /// Tells the pages among `pages` to reload.
    func reload(_ pages: Set<String>) {
        send(Self.reload) { pages.contains($0) }
    }

    /// Sends the keep-alive comment to every subscriber.
    func ping() {
        send(Self.keepAlive) { _ in true }
    }

    /// The pages open now (one entry per subscription).
    var openPages: [String] {
        lock.lock()
        defer { lock.unlock() }
        return subscribers.values.map(\.page)
    }

    private func send(_ event: Data, to include: (String) -> Bool) {
        lock.lock()
        let targets = subscribers.filter { include($0.value.page) }
        lock.unlock()
        for (id, subscriber) in targets {
            if case .terminated = subscriber.continuation.yield(event) { remove(id) }
        }
    }

    private func remove(_ id: Int) {
        lock.lock()
        subscribers[id] = nil
        lock.unlock()
    }
}
