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
