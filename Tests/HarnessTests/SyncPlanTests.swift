import Testing

@testable import Harness

struct SyncPlanTests {
    let header = TestFileGenerator.headerPrefix + "notebooks/a.md — do not edit.\n"

    @Test func newAndStaleFilesAreWrittenAndCurrentOnesLeftAlone() {
        let plan = SyncPlan(
            expected: ["A.swift": header + "new", "B.swift": header + "same", "C.swift": header + "c"],
            existing: ["A.swift": header + "old", "B.swift": header + "same"])
        #expect(plan.writes == ["A.swift": header + "new", "C.swift": header + "c"])
        #expect(plan.unchanged == ["B.swift"])
        #expect(!plan.isInSync)
    }

    @Test func filesOfDeletedLessonsAreRemovedButOnlyIfGenerated() {
        let plan = SyncPlan(expected: [:], existing: ["Old.swift": header + "x", "Mine.swift": "// my own helper\n"])
        #expect(plan.deletions == ["Old.swift"])
        #expect(plan.writes.isEmpty)
    }

    @Test func aFileWithoutTheHeaderIsNeverOverwritten() {
        let plan = SyncPlan(expected: ["A.swift": header + "generated"], existing: ["A.swift": "// hand-written\n"])
        #expect(plan.refusals == ["A.swift"])
        #expect(plan.writes.isEmpty)
        #expect(!plan.isInSync)
    }

    @Test func aHandEditedGeneratedFileIsStale() {
        let plan = SyncPlan(expected: ["A.swift": header + "body"], existing: ["A.swift": header + "body // tweak"])
        #expect(plan.writes.keys.sorted() == ["A.swift"])
    }

    @Test func anUnchangedTreeIsInSync() {
        let plan = SyncPlan(expected: ["A.swift": header + "x"], existing: ["A.swift": header + "x"])
        #expect(plan.isInSync)
    }
}
