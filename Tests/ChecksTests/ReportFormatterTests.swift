import Checks
import Foundation
import LitmusDiagnostics
import Testing

@Suite struct ReportFormatterTests {
    let markdown = "# Slip\n\nThe sigmoid:\n$\\sigma(x) = \\frac{1}{1 + e^{x}}$\n"

    @Test func textReadsLikeACompiler() {
        let report = Lessons.check(markdown)
        let text = ReportTextFormatter(lines: SourceLines(bytes: Array(markdown.utf8))).format(report)
        #expect(text.contains("lesson.md:4:1: error: formula mismatch:"))
        #expect(text.contains("$\\sigma(x) = \\frac{1}{1 + e^{x}}$\n^"))
        #expect(text.contains("note: counterexample: at x = "))
        #expect(
            text.hasSuffix(
                "lesson.md: 1 formulas — 1 claim: 0 verified, 1 mismatch, 0 unchecked; 0 definitions; 0 mentions\n"))
    }

    @Test func jsonMatchesTheDesign() throws {
        let report = Lessons.check(markdown + "\n$RelU(z) = max(0,z)$\n")
        let json = ReportJSONFormatter().format([report])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files[0]["path"] as? String == "lesson.md")
        let formulas = try #require(files[0]["formulas"] as? [[String: Any]])
        #expect(
            Set(formulas[0].keys).isSuperset(of: ["line", "column", "display", "latex", "status", "message", "against"])
        )
        #expect(formulas[0]["line"] as? Int == 4)
        #expect(formulas[0]["column"] as? Int == 1)
        #expect(formulas[0]["display"] as? Bool == false)
        #expect(formulas[0]["status"] as? String == "mismatch")
        #expect(formulas[1]["status"] as? String == "verified")
        let diagnostics = try #require(files[0]["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains { $0["severity"] as? String == "warning" && $0["line"] as? Int == 6 })
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["mismatch"] as? Int == 1)
        #expect(summary["verified"] as? Int == 1)
        #expect(summary["claims"] as? Int == 2)
        #expect(summary["mention"] as? Int == 0)
    }
}

/// A formula tied to a function of the lesson's cells (found by the harness) is listed by both
/// forms of the report; the other formulas' entries stay as they were.
@Suite struct TiedFunctionReportTests {
    let markdown = "# Slip\n\nThe sigmoid:\n$\\sigma(x) = \\frac{1}{1 + e^{x}}$ and $\\tanh(x) = \\tanh(x)$\n"

    private func report(tie: TiedFunction) -> LessonReport {
        var report = Lessons.check(markdown)
        report.formulas[0].tiedTo = tie
        report.formulas[1].tiedTo = TiedFunction(name: "tanh(_:)", line: 12)
        return report
    }

    @Test func textListsEachTieAsANote() {
        let tie = TiedFunction(name: "sigmoid(_:)", line: 9, notCompared: "sigmoid(_:) is generic")
        let text = ReportTextFormatter(lines: SourceLines(bytes: Array(markdown.utf8))).format(report(tie: tie))
        // Under the mismatch, as one of its notes; on its own for a formula that holds.
        #expect(
            text.contains(
                "note: tied to the cell's sigmoid(_:) (line 9), but not compared: sigmoid(_:) is generic"))
        #expect(
            text.contains(
                "lesson.md:4:39: note: tied to the cell's tanh(_:) (line 12): the generated tests compare the two at "
                    + "seeded points"))
    }

    @Test func jsonCarriesTiedToOnlyWhereThereIsATie() throws {
        var plain = Lessons.check(markdown)
        plain.formulas[1].tiedTo = nil
        let tie = TiedFunction(name: "sigmoid(_:)", line: 9, notCompared: "sigmoid(_:) is generic")
        let json = ReportJSONFormatter().format([report(tie: tie), plain])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        let formulas = try #require(files[0]["formulas"] as? [[String: Any]])
        let tied = try #require(formulas[0]["tiedTo"] as? [String: Any])
        #expect(tied["function"] as? String == "sigmoid(_:)")
        #expect(tied["line"] as? Int == 9)
        #expect(tied["compared"] as? Bool == false)
        #expect(tied["reason"] as? String == "sigmoid(_:) is generic")
        #expect((formulas[1]["tiedTo"] as? [String: Any])?["compared"] as? Bool == true)
        let untied = try #require(files[1]["formulas"] as? [[String: Any]])
        #expect(untied.allSatisfy { $0["tiedTo"] == nil })
    }
}
