import Foundation

/// The checks one look at the files started: those that finish while the look still waits are
/// handed to it; those that finish later are the caller's to apply on their own.
final class LateChecks: @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: Bool
    private var finished: [Int: PreviewLesson] = [:]

    /// `waiting` false hands every check to the caller (a budget of nothing).
    init(waiting: Bool = true) {
        self.waiting = waiting
    }

    /// Hands over the check of lesson `index`; false when the look no longer waits for it.
    func deliver(_ lesson: PreviewLesson, at index: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard waiting else { return false }
        finished[index] = lesson
        return true
    }

    /// Ends the wait; returns the checks that finished in time.
    func stopWaiting() -> [Int: PreviewLesson] {
        lock.lock()
        defer { lock.unlock() }
        waiting = false
        return finished
    }
}
