import CellRecords
import Foundation
import NeuralCore
import Testing

@testable import LitmusRuntime

/// A formula compared with a function at seeded points of its domain.
struct FormulaComparisonTests {
    @Test func aFunctionThatAgreesPassesAtEveryPoint() {
        let comparison = FormulaComparison(inputs: [.number("x")], seed: 5)
        let outcome = comparison.run(formula: "the formula", other: "softsign({x})") { point in
            let x = point.number("x")
            return (x / (1 + abs(x)), x / (abs(x) + 1))
        }
        #expect(outcome == .agreed(points: 64))
    }

    @Test func aDisagreementNamesThePointAndBothValues() throws {
        let comparison = FormulaComparison(inputs: [.number("z")], seed: 5)
        let outcome = comparison.run(formula: "the formula", other: "sigmoid({z})") { point in
            let z = point.number("z")
            return (1 / (1 + exp(-z)), 1 / (1 + exp(z)))
        }
        guard case .differs(let message) = outcome else {
            Issue.record("expected a difference, got \(outcome)")
            return
        }
        // "at z = 1.23 the formula gives 0.7738, sigmoid(1.23) gives 0.2262"
        let pattern = #/^at z = (-?[0-9.]+) the formula gives ([0-9.]+), sigmoid\((-?[0-9.]+)\) gives ([0-9.]+)$/#
        let match = try #require(message.wholeMatch(of: pattern), "\(message)")
        #expect(match.1 == match.3)
        let z = try #require(Double(match.1))
        #expect(abs(try #require(Double(match.2)) - 1 / (1 + exp(-z))) < 1e-3)
        #expect(abs(try #require(Double(match.4)) - 1 / (1 + exp(z))) < 1e-3)
    }

    @Test func valuesThatDifferLateAreShownWithEnoughDigitsToTellThemApart() {
        let comparison = FormulaComparison(inputs: [.number("x")], seed: 1)
        let outcome = comparison.run(formula: "the formula", other: "f({x})") { point in
            (point.number("x") + 2, point.number("x") + 2 + 1e-5)
        }
        guard case .differs(let message) = outcome else {
            Issue.record("expected a difference, got \(outcome)")
            return
        }
        let values = message.split(separator: " ").filter { Double($0.trimmingCharacters(in: [","])) != nil }
        #expect(values.count == 3, "\(message)")
        #expect(values[1] != values[2], "\(message)")
    }

    @Test func pointsOutsideTheDomainAreSkippedAndTooFewLeftIsAFailure() {
        // sqrt of a negative number is nan: about half the points say nothing.
        let half = FormulaComparison(inputs: [.number("x")], seed: 2).run(formula: "the formula", other: "r({x})") {
            point in (sqrt(point.number("x")), sqrt(point.number("x")))
        }
        guard case .agreed(let points) = half else {
            Issue.record("expected agreement, got \(half)")
            return
        }
        #expect(points > 16 && points < 64)
        let none = FormulaComparison(inputs: [.number("x")], seed: 2).run(formula: "the formula", other: "r({x})") {
            point in (sqrt(point.number("x")), sqrt(-point.number("x")) * .nan)
        }
        #expect(none.message?.hasPrefix("only 0 of 64 points could be compared") == true, "\(none)")
    }

    @Test func shapesAreDrawnConsistentlyAndFromTheirDomains() {
        var sizes: Set<Int> = []
        let comparison = FormulaComparison(
            inputs: [
                .matrix("W", rows: "m", columns: "n"), .vector("x", size: "n"), .vector("p", size: 3, .distribution),
                .number("alpha", .positive), .vector("t", size: "m", .oneHot),
            ], seed: 9)
        let outcome = comparison.run(formula: "the formula", other: "f()") { point in
            let W = point.matrix("W")
            let x = point.matrix("x")
            let p = point.vector("p")
            #expect(W.columns == x.rows && x.columns == 1)
            #expect(point.matrix("t").rows == W.rows)
            #expect(point.vector("t").reduce(0, +) == 1)
            #expect(p.count == 3 && abs(p.reduce(0, +) - 1) < 1e-12 && p.allSatisfy { $0 > 0 })
            #expect((0.01...0.5).contains(point.number("alpha")))
            sizes.insert(W.rows)
            return (W * x, W * x)
        }
        #expect(outcome == .agreed(points: 64))
        #expect(sizes.count > 1, "sizes are drawn afresh at each point")
    }

    @Test func kinksAreAvoided() {
        let comparison = FormulaComparison(inputs: [.number("x")], kinks: [0, 1], seed: 4)
        _ = comparison.run(formula: "the formula", other: "f({x})") { point in
            let x = point.number("x")
            #expect(abs(x) >= 0.05 && abs(x - 1) >= 0.05)
            return (x, x)
        }
    }

    @Test func differentShapesDiffer() {
        let outcome = FormulaComparison(inputs: [.vector("z", size: 3)], seed: 1).run(
            formula: "the formula", other: "f({z})"
        ) { point in (point.matrix("z"), Array(point.vector("z").dropLast())) }
        #expect(outcome.message?.contains("gives 2 entries") == true, "\(outcome)")
    }

    @Test func aThrowingFunctionFails() {
        struct Refused: Error {}
        let outcome = FormulaComparison(inputs: [.number("x")], seed: 1).run(formula: "the formula", other: "f({x})") {
            _ -> (Double, Double) in throw Refused()
        }
        #expect(outcome.message?.contains("f(") == true && outcome.message?.contains("threw Refused()") == true)
    }

    @Test func theSameSeedDrawsTheSamePoints() {
        var first: [String] = []
        var second: [String] = []
        for target in [0, 1] {
            _ = FormulaComparison(inputs: [.vector("z", size: "n")], seed: 11).run(formula: "f", other: "g") { point in
                if target == 0 { first.append(point.description) } else { second.append(point.description) }
                return (0.0, 0.0)
            }
        }
        #expect(first == second && first.count == 64)
    }
}

/// `CellRun.compareFormula`: a formula compared with a cell's function, recorded with the cells.
struct CellRunFormulaTests {
    private func makeRun() -> CellRun {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "litmus-run-\(UUID().uuidString)/generated")
        return CellRun(
            lesson: "notebooks/demo.md", generatedFile: directory.appendingPathComponent("DemoTests.swift").path,
            generatedFileID: #fileID)
    }

    @Test func anAgreeingFunctionIsRecordedAsPassed() {
        let run = makeRun()
        run.run {
            func softsign(_ x: Double) -> Double { x / (1 + abs(x)) }
            run.compareFormula(
                line: 5, column: 1, function: "softsign(_:)", call: "softsign({x})", seed: 5, inputs: [.number("x")]
            ) { point in
                let x = point.number("x")
                return (x / (1.0 + abs(x)), softsign(x))
            }
        }
        #expect(
            run.formulas == [
                FormulaTestRecord(
                    line: 5, column: 1, name: "softsign(_:)", status: .passed, function: "softsign(_:)")
            ])
    }

    @Test func aDisagreementIsAnIssueAtTheFormulasLine() {
        let run = makeRun()
        withKnownIssue {
            run.run {
                func softsign(_ x: Double) -> Double { x / (1 + x * x) }
                run.compareFormula(
                    line: 5, column: 3, function: "softsign(_:)", call: "softsign({x})", seed: 5,
                    inputs: [.number("x")]
                ) { point in
                    let x = point.number("x")
                    return (x / (1.0 + abs(x)), softsign(x))
                }
            }
        } matching: { issue in
            issue.sourceLocation?.line == 5 && issue.sourceLocation?.column == 3
                && issue.sourceLocation?.fileID == "NotebookTests/notebooks/demo.md"
                && (issue.comments.first?.rawValue.hasPrefix(
                    "notebooks/demo.md:5:3: the formula at line 5 and the cell's softsign(_:) differ: at x = ") ?? false)
        }
        #expect(run.formulas.first?.status == .failed)
        #expect(run.formulas.first?.message?.contains("the formula gives ") == true)
        #expect(run.formulas.first?.message?.contains(", softsign(") == true)
    }
}
