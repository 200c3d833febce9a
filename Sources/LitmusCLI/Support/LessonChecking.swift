import Checks
import LessonMarkdown
import Site

/// Formula checks for the commands: one report per lesson (checked in parallel), and the marks
/// a page shows for them.
enum LessonChecking {
    /// The checked lessons of a workspace (trees, readings, verdicts), in its order.
    static func checkedLessons(_ workspace: LessonWorkspace, checker: LessonChecker = LessonChecker()) -> [CheckedLesson] {
        let lessons = workspace.entries.map(\.lesson)
        return ParallelMap.map(lessons.indices) { checker.checkedLesson(lessons[$0]) }
    }

    /// The reports of a workspace's lessons, in its order.
    static func check(_ workspace: LessonWorkspace, checker: LessonChecker = LessonChecker()) -> [LessonReport] {
        checkedLessons(workspace, checker: checker).map(\.report)
    }

    /// The verdict marks of a report, by formula index: the status and what the reader needs
    /// to know (against what, or why not, and the counterexample of a mismatch).
    static func marks(_ report: LessonReport) -> [Int: FormulaMark] {
        var marks: [Int: FormulaMark] = [:]
        for formula in report.formulas {
            let verdict = formula.verdict
            guard let status = FormulaMark.Status(rawValue: verdict.status.rawValue) else { continue }
            var message = verdict.message
            if let example = verdict.counterexample { message += " — counterexample: " + example.text }
            marks[formula.index] = FormulaMark(status, message)
        }
        return marks
    }
}
