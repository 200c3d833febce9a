import Checks
import Dispatch
import Foundation
import LessonMarkdown
import Testing

/// Whatever a lesson says, checking it ends, on any thread, with the same verdicts every time.
@Suite struct RobustnessTests {
    /// A recurrence whose symbol a later formula uses asked for its own entries without end.
    static let recurrence = """
        A sequence $x_t = 2^t x_0$ grows.

        Then $x + 1 = 1 + x$ and $x_3 = 8 x_0$.
        """

    @Test func aRecurrenceFollowedByItsSymbolEnds() {
        let report = Lessons.check(Self.recurrence)
        #expect(report.formulas.count == 3)
        #expect(report.formulas.allSatisfy { $0.verdict.status != .error })
    }

    /// Worker threads have small stacks; a formula of thousands of terms is read on one.
    @Test func deepFormulasAreCheckedOnSmallStackThreads() {
        let sum = Array(repeating: "x", count: 3_000).joined(separator: "+")
        let nested = String(repeating: "(", count: 250) + "x" + String(repeating: ")", count: 250)
        let text = "$$\(sum) = 3000 x$$\n\n$$\(nested) = x$$\n\n" + Self.recurrence
        let lesson = LessonParser.parse(markdown: text, path: "deep.md")
        let count = SmallStack.run { LessonChecker().check(lesson).formulas.count }
        #expect(count == 5)
    }

    /// The same lesson gives the same verdicts, in one process and checked in parallel.
    @Test func verdictsAreTheSameEveryTime() throws {
        let text = try Lessons.fixture("planted.md") + "\n\n" + Self.recurrence
        let lesson = LessonParser.parse(markdown: text, path: "lesson.md")
        let first = LessonChecker().check(lesson)
        let again = ParallelMap.map(0..<4) { _ in LessonChecker().check(lesson) }
        for report in again { #expect(report == first) }
    }

    // MARK: - Odd input

    @Test(arguments: [
        "$x \\in \\mathbb{R}^{100000000000000000000000}$",
        "$W \\in \\mathbb{R}^{5000 \\times 5000}$",
        "$x \\in \\mathbb{R}^{0}$",
        "$\\sum_{n=1}^{99999999} n = 1$",
        "$= = =$",
        "$\\frac{\\partial}{\\partial} = 0$",
        "$x_{} = y^{}$",
        "$\\begin{pmatrix} 1 & 2 \\\\ 3 \\end{pmatrix} = 0$",
        "$f(x) = f(x)$ $f'(x) = 1$",
        "$\\sigma(x_i) = \\frac{e^{x_i}}{\\sum_j e^{x_k}}$",
    ])
    func oddInputGivesAVerdictWithoutCrashing(_ markdown: String) {
        let report = Lessons.check(markdown + "\n")
        #expect(!report.formulas.isEmpty)
        #expect(report.formulas.allSatisfy { !$0.verdict.message.isEmpty })
    }

    @Test func aVeryLongFormulaIsUnchecked() {
        let report = Lessons.check("$$" + String(repeating: "a + ", count: 5_000) + "a$$\n")
        #expect(report.formulas.map(\.verdict.status) == [.unchecked])
        #expect(report.formulas[0].verdict.message.contains("too long"))
    }

    @Test func aFunctionDefinedByItselfIsNotKept() {
        let report = Lessons.check("$f(x) = f(x)$\n\n$f'(x) = 1$\n")
        #expect(report.formulas.map(\.verdict.status) == [.unchecked, .unchecked])
    }
}

/// Runs work on a thread with a small stack (256 KiB, half a worker thread's), and waits.
private enum SmallStack {
    static func run(_ work: @escaping @Sendable () -> Int) -> Int {
        final class Box: @unchecked Sendable { var value = 0 }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = work()
            done.signal()
        }
        thread.stackSize = 256 << 10
        thread.start()
        done.wait()
        return box.value
    }
}
