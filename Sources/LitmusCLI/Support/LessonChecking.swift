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
    /// to know (against what, or why not, and the counterexample of a mismatch), and the formula
    /// each span belongs to when one formula is written as several spans.
    static func marks(_ report: LessonReport) -> [Int: FormulaMark] {
        var marks: [Int: FormulaMark] = [:]
        var groupSizes: [Int: Int] = [:]
        for formula in report.formulas { groupSizes[formula.group, default: 0] += 1 }
        for formula in report.formulas {
            let verdict = formula.verdict
            guard let status = FormulaMark.Status(rawValue: verdict.status.rawValue) else { continue }
            let example = verdict.counterexample.map {
                FormulaMark.Counterexample(inputs: $0.inputs, formula: $0.formula, expected: $0.expected)
            }
            let grouped = groupSizes[formula.group, default: 1] > 1
            marks[formula.index] = FormulaMark(
                status, verdict.message, counterexample: example, group: grouped ? formula.group : nil)
        }
        return marks
    }
}
