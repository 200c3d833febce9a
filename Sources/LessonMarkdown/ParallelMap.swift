import Dispatch
import Foundation

/// `map` over independent items on all cores, results in input order. Lessons are read and
/// rendered one per task; nothing they share is mutable.
public enum ParallelMap {
    public static func map<Value: Sendable>(_ indices: Range<Int>, _ transform: @Sendable (Int) -> Value) -> [Value] {
        let slots = Slots<Value>(count: indices.count)
        DispatchQueue.concurrentPerform(iterations: indices.count) { offset in
            slots.set(offset, transform(indices.lowerBound + offset))
        }
        return slots.values()
    }

    private final class Slots<Value: Sendable>: @unchecked Sendable {
        private var storage: [Value?]
        private let lock = NSLock()

        init(count: Int) { storage = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: Value) { lock.withLock { storage[index] = value } }

        func values() -> [Value] { lock.withLock { storage.map { $0! } } }
    }
}
