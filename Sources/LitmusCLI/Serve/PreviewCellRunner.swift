import CellRecords
import Foundation
import Harness

/// Runs the cells of changed lessons in the background, as `litmus test` would (through
/// `Harness.LessonRunner`: their generated tests synced, one build, each lesson in a process of
/// its own, cached), one batch at a time: lessons that change during a run wait for the next.
/// Each lesson's page shows its outputs as soon as its record arrives.
final class PreviewCellRunner: @unchecked Sendable {
    let course: PreviewCourse
    let generated: String
    let options: LessonRunner.Options

    private let condition = NSCondition()
    private var queue: [String] = []

    init(course: PreviewCourse, generated: String, options: LessonRunner.Options) {
        self.course = course
        self.generated = generated
        self.options = options
    }

    /// Asks for a run of `lessons` (paths) as they are when the run starts.
    func enqueue(_ lessons: [String]) {
        condition.lock()
        for lesson in lessons where !queue.contains(lesson) { queue.append(lesson) }
        condition.signal()
        condition.unlock()
    }

    /// Starts the runner's thread.
    func start() {
        let thread = Thread { [self] in
            while true { runNextBatch() }
        }
        thread.name = "litmus serve: cells"
        thread.start()
    }

    private func runNextBatch() {
        condition.lock()
        while queue.isEmpty { condition.wait() }
        let batch = queue
        queue.removeAll()
        condition.unlock()

        let planned = course.plansToRun(batch)
        guard !planned.isEmpty else { return }
        let paths = planned.map(\.plan.path)
        do {
            // Bring the lessons' generated tests in line first: the run builds the package's tests.
            let workspace = course.workspace(of: planned.map(\.entry))
            _ = try GeneratedDirectory(path: generated).sync(workspace, checked: planned.map(\.checked))
            let runner = LessonRunner(
                packageRoot: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                generatedDirectory: URL(fileURLWithPath: generated), options: options)
            course.log("cells: running \(paths.joined(separator: ", "))")
            let outcome = try runner.run(planned.map(\.plan)) { [course] record, cached in
                CellRunning.printProgress(record, cached: cached)
                course.recordArrived(record)
            }
            if let log = outcome.buildFailure {
                course.log("error: the package's tests do not build, for a reason no lesson explains; see \(log)")
            }
        } catch {
            course.log("error: cannot run the cells: \(error.localizedDescription)")
        }
        course.runsEnded(paths)
    }
}
