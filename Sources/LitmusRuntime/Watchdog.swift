import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A thread beside the cells that ends a cell that outlives its time limit, and ends the whole
/// run when the `litmus` process that started it is gone (so killing `litmus` leaves nothing
/// spinning). It wakes at the cell's deadline and, when a parent is watched, every quarter second.
final class Watchdog: @unchecked Sendable {
    private let condition = NSCondition()
    private var deadline: Date?
    private var onExpiry: (() -> Void)?
    private var stopped = false
    private var thread: Thread?
    private let parent: Int32?

    init(parent: Int32?) {
        self.parent = parent
    }

    /// From now on, `action` runs if the cell is still running after `seconds`.
    func arm(seconds: Double, action: @escaping () -> Void) {
        condition.lock()
        deadline = Date().addingTimeInterval(seconds)
        onExpiry = action
        if thread == nil {
            let thread = Thread { self.watch() }  // the thread keeps its watchdog until it ends
            thread.name = "litmus watchdog"
            self.thread = thread
            thread.start()
        }
        condition.signal()
        condition.unlock()
    }

    /// The cell ended in time.
    func disarm() {
        condition.lock()
        deadline = nil
        onExpiry = nil
        condition.unlock()
    }

    /// The run is over: the thread ends.
    func stop() {
        condition.lock()
        stopped = true
        deadline = nil
        onExpiry = nil
        condition.signal()
        condition.unlock()
    }

    private func watch() {
        condition.lock()
        while !stopped {
            let now = Date()
            if let deadline, deadline <= now, let action = onExpiry {
                onExpiry = nil
                condition.unlock()
                action()
                condition.lock()
                continue
            }
            if let parent, getppid() != parent { _exit(4) }
            var wake = deadline ?? now.addingTimeInterval(3600)
            if parent != nil { wake = min(wake, now.addingTimeInterval(0.25)) }
            _ = condition.wait(until: wake)
        }
        condition.unlock()
    }
}
