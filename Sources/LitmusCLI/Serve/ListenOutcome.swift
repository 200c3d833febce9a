import Foundation

/// How starting the server went, handed from its tasks to the command's thread.
final class ListenOutcome: @unchecked Sendable {
    enum State {
        case listening(Int)
        case inUse
        case failure(String)
    }

    private let condition = NSCondition()
    private var first: State?
    private var end: State?

    func set(_ state: State) {
        condition.lock()
        if case .listening = state {
            if first == nil { first = state }
        } else {
            if first == nil { first = state }
            end = state
        }
        condition.broadcast()
        condition.unlock()
    }

    /// The first outcome: listening, or why not.
    func wait() -> State {
        condition.lock()
        defer { condition.unlock() }
        while first == nil { condition.wait() }
        return first!
    }

    /// How the server ended, once it has.
    func waitForEnd() -> State {
        condition.lock()
        defer { condition.unlock() }
        while end == nil { condition.wait() }
        return end!
    }
}
