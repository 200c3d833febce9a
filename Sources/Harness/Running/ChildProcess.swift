import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A process Litmus started: in a process group of its own, so stopping it stops whatever it
/// started too, with its standard output and error going to files (no pipe can fill up and
/// block it), and registered so that interrupting `litmus` stops it (`ChildProcess.stopAll`).
/// The one file that spawns processes.
final class ChildProcess: @unchecked Sendable {
    /// How a process ended.
    enum Ending: Equatable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it (a trap is `SIGILL` or `SIGTRAP`, an abort `SIGABRT`).
        case signalled(Int32)
    }

    enum SpawnError: LocalizedError {
        case cannotStart(String, code: Int32)
        case cannotOpen(String, code: Int32)

        var errorDescription: String? {
            switch self {
            case .cannotStart(let program, let code): "cannot start \(program): \(String(cString: strerror(code)))"
            case .cannotOpen(let path, let code): "cannot write \(path): \(String(cString: strerror(code)))"
            }
        }
    }

    let pid: pid_t
    private(set) var ending: Ending?

    /// Starts `arguments[0]` (looked up on `PATH`) with `arguments`, in `directory`, with the
    /// current environment plus `environment`; output and errors are appended to the files given
    /// (standard error to the output file when `errorPath` is nil).
    init(
        _ arguments: [String], environment: [String: String] = [:], directory: String? = nil, outputPath: String,
        errorPath: String? = nil
    ) throws {
        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        let flags = O_WRONLY | O_CREAT | O_TRUNC
        guard posix_spawn_file_actions_addopen(&fileActions, 1, outputPath, flags, 0o644) == 0 else {
            throw SpawnError.cannotOpen(outputPath, code: errno)
        }
        if let errorPath {
            posix_spawn_file_actions_addopen(&fileActions, 2, errorPath, flags, 0o644)
        } else {
            posix_spawn_file_actions_adddup2(&fileActions, 1, 2)
        }
        posix_spawn_file_actions_addopen(&fileActions, 0, "/dev/null", O_RDONLY, 0)
        // glibc's addchdir is not visible to Swift; coreutils' `env -C` changes directory instead.
        let arguments = directory.map { ["env", "-C", $0] + arguments } ?? arguments

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group; default signal handling and an empty mask whatever Litmus set.
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE] { sigaddset(&defaults, signalNumber) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        let environmentStrings = merged.map { "\($0.key)=\($0.value)" }.sorted()

        var pid: pid_t = 0
        let code = Self.withCStrings(arguments) { argv in
            Self.withCStrings(environmentStrings) { envp in
                posix_spawnp(&pid, arguments[0], &fileActions, &attributes, argv, envp)
            }
        }
        guard code == 0 else { throw SpawnError.cannotStart(arguments[0], code: code) }
        self.pid = pid
        ChildProcess.register(pid)
    }

    /// Whether it has ended (without waiting); sets `ending` once it has.
    @discardableResult
    func poll() -> Ending? {
        if let ending { return ending }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        guard result == pid else { return nil }
        ending = Self.decode(status)
        ChildProcess.unregister(pid)
        return ending
    }

    /// Waits for it to end.
    @discardableResult
    func wait() -> Ending {
        if let ending { return ending }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { break }
        }
        let ending = Self.decode(status)
        self.ending = ending
        ChildProcess.unregister(pid)
        return ending
    }

    /// Stops it and everything in its process group at once.
    func kill() {
        guard ending == nil else { return }
        Glibc.kill(-pid, SIGKILL)
    }

    private static func decode(_ status: Int32) -> Ending {
        // The wait status: low 7 bits the signal, else the exit code in the next byte.
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }

    // MARK: - Stopping everything on an interrupt

    private static let lock = NSLock()
    nonisolated(unsafe) private static var running: Set<pid_t> = []
    nonisolated(unsafe) private static var signalSources: [DispatchSourceSignal] = []
    nonisolated(unsafe) private static var cleanups: [Int: () -> Void] = [:]
    nonisolated(unsafe) private static var nextCleanup = 0

    /// Runs `cleanup` if Litmus is interrupted before `removeCleanup` is called with the token.
    static func addCleanup(_ cleanup: @escaping () -> Void) -> Int {
        lock.lock()
        defer { lock.unlock() }
        nextCleanup += 1
        cleanups[nextCleanup] = cleanup
        return nextCleanup
    }

    static func removeCleanup(_ token: Int) {
        lock.lock()
        cleanups[token] = nil
        lock.unlock()
    }

    private static func register(_ pid: pid_t) {
        lock.lock()
        running.insert(pid)
        lock.unlock()
    }

    private static func unregister(_ pid: pid_t) {
        lock.lock()
        running.remove(pid)
        lock.unlock()
    }

    /// Stops every process group Litmus started and still runs.
    static func stopAll() {
        lock.lock()
        let groups = running
        lock.unlock()
        for pid in groups { Glibc.kill(-pid, SIGKILL) }
    }

    /// From now on, SIGINT, SIGTERM and SIGHUP stop every child process group before `litmus`
    /// exits (with 130, 143 or 129, as a shell reports a signal).
    static func stopChildrenOnInterrupt() {
        lock.lock()
        defer { lock.unlock() }
        guard signalSources.isEmpty else { return }
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                stopAll()
                lock.lock()
                let pending = cleanups.sorted { $0.key < $1.key }.map(\.value)
                lock.unlock()
                for cleanup in pending { cleanup() }
                FileHandle.standardError.write(Data("litmus: interrupted; stopped the lessons' processes\n".utf8))
                exit(128 + signalNumber)
            }
            source.resume()
            signalSources.append(source)
        }
    }
}
