import CellRecords
import Foundation
import NeuralCore
import Testing

@testable import LitmusRuntime

/// A cell run reports failures at the lesson's own path and line.
struct CellRunTests {
    private func makeRun() -> CellRun {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "litmus-run-\(UUID().uuidString)/generated")
        return CellRun(
            lesson: "notebooks/demo.md", generatedFile: directory.appendingPathComponent("DemoTests.swift").path,
            generatedFileID: #fileID)
    }

    @Test func printedOutputIsCollectedPerCellAndCompared() {
        let run = makeRun()
        run.run {
            run.begin(line: 3)
            CellRun.print(["sigma", 0.5], separator: " ", terminator: "\n")
            run.end(expected: "sigma 0.5\n", expectedLine: 7)
            run.begin(line: 10)
            CellRun.print([1, 2, 3], separator: ",", terminator: "\n")
            run.end()
        }
        #expect(run.cells.map(\.output) == ["sigma 0.5\n", "1,2,3\n"])
        #expect(run.cells.map(\.status) == [.passed, .passed])
        #expect(run.cells.map(\.expected) == ["sigma 0.5\n", nil])
        #expect(run.cells.map(\.line) == [3, 10])
    }

    @Test func anOutputMismatchIsReportedAtTheOutputBlockWithADiff() {
        let run = makeRun()
        withKnownIssue {
            run.run {
                run.begin(line: 3)
                CellRun.print(["0.5"], separator: " ", terminator: "\n")
                run.end(expected: "0.75\n", expectedLine: 7)
            }
        } matching: { issue in
            issue.sourceLocation?.fileID == "NotebookTests/notebooks/demo.md" && issue.sourceLocation?.line == 7
                && (issue.comments.first?.rawValue.contains("- 0.75\n+ 0.5") ?? false)
        }
        #expect(run.cells.first?.status == .failed)
        #expect(run.cells.first?.failure?.kind == .outputMismatch)
        #expect(run.cells.first?.failure?.line == 7)
    }

    @Test func aThrowingCellIsReportedAtItsLine() {
        struct Boom: Error {}
        let run = makeRun()
        withKnownIssue {
            run.run {
                run.begin(line: 3)
                run.end()
                run.begin(line: 12)
                throw Boom()
            }
        } matching: { issue in
            issue.sourceLocation?.line == 12
                && (issue.comments.first?.rawValue.contains("notebooks/demo.md:12") ?? false)
        }
        #expect(run.cells.last?.status == .failed)
        #expect(run.cells.last?.failure?.kind == .threw)
        #expect(run.cells.last?.line == 12)
    }

    @Test func aThrowsCellMustThrow() {
        struct Expected: Error {}
        let run = makeRun()
        run.run { run.expectThrows(line: 4) { throw Expected() } }
        #expect(run.cells.first?.output.hasPrefix("error: ") == true)
        #expect(run.cells.first?.status == .passed)
        withKnownIssue {
            run.run { run.expectThrows(line: 9) {} }
        } matching: { issue in
            issue.sourceLocation?.line == 9
        }
        #expect(run.cells.last?.failure?.kind == .didNotThrow)
    }

    @Test func outputOptionsSetTolerancesAndFilters() {
        let run = makeRun()
        withKnownIssue {
            run.run {
                run.begin(line: 3)
                CellRun.print(["loss", 0.123456789, "in 12 ms"], separator: " ", terminator: "\n")
                run.end(
                    expected: "loss 0.1234568 in 3 ms\n", expectedLine: 5,
                    options: OutputOptions(relativeTolerance: 1e-6, filters: ["[0-9]+ ms"]))
                run.begin(line: 9)
                CellRun.print(["loss", 0.13], separator: " ", terminator: "\n")
                run.end(expected: "loss 0.12\n", expectedLine: 11, options: OutputOptions(relativeTolerance: 1e-3))
            }
        } matching: { issue in
            issue.sourceLocation?.line == 11
        }
        #expect(run.cells.map(\.status) == [.passed, .failed])
    }

    @Test func printedTypesLoseTheirRunDependentContext() {
        let run = makeRun()
        run.run {
            run.begin(line: 3)
            enum Phase { case training }
            CellRun.print([[Phase.training]], separator: " ", terminator: "\n")
            run.end(expected: "[Phase.training]\n", expectedLine: 5)
        }
        #expect(run.cells.first?.output == "[Phase.training]\n")
    }

    @Test func outputsAreRecordedForTheRenderer() throws {
        let run = makeRun()
        run.run {
            run.begin(line: 3)
            plot([1, 0.5, 0.25], title: "loss")
            CellRun.print(["done"], separator: " ", terminator: "\n")
            run.end()
        }
        #expect(run.cells.first?.plots.count == 1)
        #expect(run.cells.first?.plots.first?.contains("<polyline") == true)
    }
}

/// A compiled formula checked again in `swift test`: it agrees with the engine, and when the
/// engine changes (a test double here), the failure names the lesson's line.
struct FormulaCheckTests {
    let check = FormulaCheck(lesson: "notebooks/act.md", line: 3, column: 16)

    @Test func aTrueFormulaAgreesWithTheEngine() {
        #expect(check.compare(seed: 3) { x in (1 / (1 + exp(-x)), Activation.sigmoid.value(x)) })
    }

    @Test func aChangedEngineFunctionFailsAtTheLessonLine() {
        // The engine's sigmoid replaced by a double with a different slope.
        let changedEngine: (Double) -> Double = { x in 1 / (1 + exp(-2 * x)) }
        withKnownIssue {
            #expect(!check.compare(seed: 3) { x in (1 / (1 + exp(-x)), changedEngine(x)) })
        } matching: { issue in
            issue.sourceLocation?.line == 3 && issue.sourceLocation?.column == 16
                && (issue.comments.first?.rawValue.contains("notebooks/act.md:3:16: the formula no longer agrees")
                    ?? false)
        }
    }
}
