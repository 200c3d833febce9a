import Checks
import LessonMarkdown

/// Formula checks for the commands: one checked lesson per lesson (checked in parallel), which
/// the report, the generated tests and the pages all read.
enum LessonChecking {
    /// The checked lessons of a workspace (trees, readings, verdicts), in its order.
    static func checkedLessons(_ workspace: LessonWorkspace, checker: LessonChecker = LessonChecker())
        -> [CheckedLesson]
    {
        let lessons = workspace.entries.map(\.lesson)
        return ParallelMap.map(lessons.indices) { checker.checkedLesson(lessons[$0]) }
    }

    /// The reports of a workspace's lessons, in its order.
    static func check(_ workspace: LessonWorkspace, checker: LessonChecker = LessonChecker()) -> [LessonReport] {
        checkedLessons(workspace, checker: checker).map(\.report)
    }
}
