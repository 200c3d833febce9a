import Testing

@testable import Harness

struct SyncPlanTests {
    let header = TestFileGenerator.headerPrefix + "notebooks/a.md — do not edit.\n"

    @Test func newAndStaleFilesAreWrittenAndCurrentOnesLeftAlone() {
        let plan = SyncPlan(
            expected: ["A.swift": header + "new", "B.swift": header + "same", "C.swift": header + "c"],
            existing: ["A.swift": header + "old", "B.swift": header + "same"], isGone: { _ in false })
        #expect(plan.writes == ["A.swift": header + "new", "C.swift": header + "c"])
        #expect(plan.unchanged == ["B.swift"])
        #expect(!plan.isInSync)
    }

    @Test func filesOfDeletedLessonsAreRemovedButOnlyIfGenerated() {
        let plan = SyncPlan(
            expected: [:], existing: ["Old.swift": header + "x", "Mine.swift": "// my own helper\n"],
            isGone: { $0 == "notebooks/a.md" })
        #expect(plan.deletions == ["Old.swift"])
        #expect(plan.writes.isEmpty)
    }

    @Test func filesOfLessonsThatStillExistButWereNotSyncedAreKept() {
        let plan = SyncPlan(expected: [:], existing: ["Other.swift": header + "x"], isGone: { _ in false })
        #expect(plan.deletions.isEmpty)
        #expect(plan.isInSync)
    }

    @Test func aLessonsFileUnderAnOldNameGoesWhenItsNewOneIsWritten() {
        // The same lesson, generated under a new name (the naming scheme changed): the old file goes.
        let plan = SyncPlan(
            expected: ["New.swift": header + "x"], existing: ["Old.swift": header + "x"], isGone: { _ in false })
        #expect(plan.deletions == ["Old.swift"])
        #expect(plan.writes.keys.sorted() == ["New.swift"])
    }

    @Test func aFileWithoutTheHeaderIsNeverOverwritten() {
        let plan = SyncPlan(
            expected: ["A.swift": header + "generated"], existing: ["A.swift": "// hand-written\n"],
            isGone: { _ in false })
        #expect(plan.refusals == ["A.swift"])
        #expect(plan.writes.isEmpty)
        #expect(!plan.isInSync)
    }

    @Test func aHandEditedGeneratedFileIsStale() {
        let plan = SyncPlan(
            expected: ["A.swift": header + "body"], existing: ["A.swift": header + "body // tweak"],
            isGone: { _ in false })
        #expect(plan.writes.keys.sorted() == ["A.swift"])
    }

    @Test func anUnchangedTreeIsInSync() {
        let plan = SyncPlan(
            expected: ["A.swift": header + "x"], existing: ["A.swift": header + "x"], isGone: { _ in false })
        #expect(plan.isInSync)
    }
}
