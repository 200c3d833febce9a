import Foundation

/// Runs work on a thread of its own with a large stack, and waits for it.
///
/// Lowering, evaluation and printing recurse over a formula's tree, whose depth the lesson
/// decides (a sum of a thousand terms is a thousand levels). The worker threads that check
/// lessons in parallel have small stacks, so a formula that a main thread reads without trouble
/// could overflow one; every check therefore runs here, whichever thread asks for it. Depth is
/// still bounded elsewhere (`Evaluator.maximumDepth`, `TeXParser.maximumDepth`,
/// `LessonChecker.maximumFormulaBytes`); this makes those bounds hold on any thread.
enum LargeStack {
    /// 256 MiB of address space; only the pages a deep formula touches are ever used.
    static let size = 256 << 20

    /// The result of `work`, computed on a thread with a `size`-byte stack.
    static func run<Value: Sendable>(_ work: @escaping @Sendable () -> Value) -> Value {
        let result = ResultBox<Value>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            result.value = work()
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        return result.value!
    }

    /// Where the thread leaves its result; read only after the semaphore says it is written.
    private final class ResultBox<Value>: @unchecked Sendable {
        var value: Value?
    }
}
