import Foundation
import FoundationXML
import Testing

extension CellsCourseTests {
    /// `litmus test` on the lessons of `Tests/Fixtures/code-ties/`, in the fixture course's package
    /// (one of them is wrong on purpose, so it never runs in `NotebookTests`): each formula tied to
    /// a cell's function is compared with it after the cell; the function that agrees passes, the
    /// one that differs fails at the formula's line with the point and both values, and the JUnit
    /// report lists each comparison apart from the formula's NeuralCore check.
    @Test func formulasTiedToTheCellsFunctionsPassOrFailAtTheFormulasLine() throws {
        let course = try FixtureCourse(name: "cells-course", lessons: "Tests/Fixtures/code-ties")
        let result = try LitmusProcess.run(["test", "--no-cache", "--junit", "report.xml"], in: course.root)
        let text = result.standardOutput + result.standardError
        #expect(result.status == 1, "\(text)")

        // The sigmoid whose exponent lost its minus sign: its cell's output passes, its formula does not.
        let pattern =
            #/notebooks/sigmoid.md:5:1: error: formula test failed: the formula at line 5 and the cell's sigmoid\(_:\) differ: at z = (-?[0-9.]+) the formula gives ([0-9.]+), sigmoid\((-?[0-9.]+)\) gives ([0-9.]+)\n/#
        let match = try #require(text.firstMatch(of: pattern), "\(text)")
        let z = try #require(Double(match.1))
        #expect(match.1 == match.3)
        #expect(abs(try #require(Double(match.2)) - 1 / (1 + exp(-z))) < 1e-3)
        #expect(abs(try #require(Double(match.4)) - 1 / (1 + exp(z))) < 1e-3)
        #expect(
            text.contains(
                "notebooks/sigmoid.md: 1 cell: 1 passed, 0 failed, 0 timed out, 0 skipped; 1/2 formula tests passed — FAILED"
            ))
        // The others agree, scalar, vector and matrix alike.
        #expect(
            text.contains(
                "notebooks/softsign.md: 1 cell: 1 passed, 0 failed, 0 timed out, 0 skipped; 4/4 formula tests passed — ok"
            ))
        #expect(
            text.contains(
                "notebooks/entropy.md: 2 cells: 2 passed, 0 failed, 0 timed out, 0 skipped; 2/2 formula tests passed — ok"
            ))
        #expect(
            text.contains(
                "notebooks/layer.md: 3 cells: 3 passed, 0 failed, 0 timed out, 0 skipped; 3/3 formula tests passed — ok"
            ))
        #expect(
            text.contains("7 cells: 7 passed, 0 failed, 0 timed out, 0 skipped; 10/11 formula tests passed — FAILED"))

        let report = try XMLDocument(contentsOf: course.url("report.xml"))
        func cases(_ lesson: String) throws -> [(name: String, failed: Bool)] {
            try report.nodes(forXPath: "/testsuites/testsuite[@name='notebooks/\(lesson).md']/testcase").compactMap {
                guard let element = $0 as? XMLElement, let name = element.attribute(forName: "name")?.stringValue
                else { return nil }
                return (name, !(element.elements(forName: "failure").isEmpty))
            }
        }
        let sigmoid = try cases("sigmoid")
        #expect(
            sigmoid.map(\.name) == [
                "cell at notebooks/sigmoid.md:13", "formula at notebooks/sigmoid.md:5",
                "formula at notebooks/sigmoid.md:5 against sigmoid(_:)",
            ])
        #expect(sigmoid.map(\.failed) == [false, false, true])
        let layer = try cases("layer")
        #expect(
            layer.map(\.name).filter { $0.contains(" against ") } == [
                "formula at notebooks/layer.md:6 against forward(_:_:_:)",
                "formula at notebooks/layer.md:27 against weightGradient(delta:x:)",
                "formula at notebooks/layer.md:46 against softmax(_:)",
            ])
        #expect(layer.allSatisfy { !$0.failed })

        // The records the pages read carry the comparisons too.
        let record = try String(
            contentsOf: course.url(".litmus/outputs/notebooks/sigmoid.md.json"), encoding: .utf8)
        #expect(record.contains("\"function\" : \"sigmoid(_:)\"") || record.contains("\"function\":\"sigmoid(_:)\""))
    }
}
