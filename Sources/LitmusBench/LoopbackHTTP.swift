import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A plain HTTP/1.1 client over loopback sockets, for timing a local server without a client
/// library's own queues in the figures.
enum LoopbackHTTP {
    /// A connected socket to 127.0.0.1:`port`, or nil.
    static func connect(port: Int) -> Int32? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socket)
            return nil
        }
        return socket
    }

    static func send(_ socket: Int32, get path: String, port: Int) -> Bool {
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8)
        return write(socket, request, request.count) == request.count
    }

    /// The body of `GET path` (the server closes the connection after it).
    static func get(port: Int, path: String) -> String? {
        guard let socket = connect(port: port) else { return nil }
        defer { close(socket) }
        guard send(socket, get: path, port: port) else { return nil }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(socket, &buffer, buffer.count)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        let text = String(decoding: received, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return nil }
        return String(text[split.upperBound...])
    }

    /// An event stream read on a thread of its own; each `reload` event is timestamped as it
    /// arrives.
    final class EventStream: @unchecked Sendable {
        private let lock = NSLock()
        private var arrivals: [UInt64] = []
        private let socket: Int32

        init?(port: Int, path: String) {
            guard let socket = LoopbackHTTP.connect(port: port), LoopbackHTTP.send(socket, get: path, port: port)
            else { return nil }
            self.socket = socket
            Thread.detachNewThread { [self] in
                var buffer = [UInt8](repeating: 0, count: 4096)
                var text = ""
                while true {
                    let count = read(socket, &buffer, buffer.count)
                    if count <= 0 { return }
                    let now = DispatchTime.now().uptimeNanoseconds
                    text += String(decoding: buffer[0..<count], as: UTF8.self)
                    while let range = text.range(of: "event: reload") {
                        text.removeSubrange(text.startIndex..<range.upperBound)
                        lock.lock()
                        arrivals.append(now)
                        lock.unlock()
                    }
                }
            }
        }

        /// The first reload event that arrived after `time` (uptime nanoseconds), waiting up to
        /// `limit` seconds.
        func firstArrival(after time: UInt64, limit: Double) -> UInt64? {
            let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(limit * 1e9)
            while DispatchTime.now().uptimeNanoseconds < deadline {
                lock.lock()
                let found = arrivals.first { $0 > time }
                lock.unlock()
                if let found { return found }
                usleep(1000)
            }
            return nil
        }

        func close() {
            shutdown(socket, Int32(SHUT_RDWR))
        }
    }
}
