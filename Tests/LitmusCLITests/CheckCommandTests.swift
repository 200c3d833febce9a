import Foundation
import Testing

/// `litmus check` end to end: compiler-style text, the JSON of DESIGN.md, exit codes 0/1/2.
@Suite(.serialized) struct CheckCommandTests {
    let directory: URL

    init() throws {
        directory = try LitmusProcess.temporaryDirectory()
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func aTrueLessonExitsZeroWithASummary() throws {
        let path = try write("good.md", "# Good\n\n$\\sigma(x) = \\frac{1}{1 + e^{-x}}$\n")
        let result = try LitmusProcess.run(["check", path])
        #expect(result.status == 0)
        #expect(
            result.standardOutput
                == "\(path): 1 formulas — 1 claim: 1 verified, 0 mismatch, 0 unchecked; 0 definitions; 0 mentions\n")
        #expect(result.standardError.isEmpty)
    }

    @Test func aMismatchIsAnErrorWithACaretAndExitsOne() throws {
        let path = try write("bad.md", "# Bad\n\nThe sigmoid: $\\sigma(x) = \\frac{1}{1 + e^{x}}$\n")
        let result = try LitmusProcess.run(["check", path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(path):3:14: error: formula mismatch:"))
        #expect(result.standardError.contains("The sigmoid: $\\sigma(x) = \\frac{1}{1 + e^{x}}$\n             ^~~~"))
        #expect(result.standardError.contains("\(path):3:14: note: counterexample: at x = "))
        #expect(result.standardOutput.hasSuffix("0 verified, 1 mismatch, 0 unchecked; 0 definitions; 0 mentions\n"))
    }

    @Test func formulasTiedToTheCellsFunctionsAreListed() throws {
        let folder = LitmusProcess.packageRoot.appendingPathComponent("Tests/Fixtures/code-ties").path
        let text = try LitmusProcess.run(["check", folder])
        #expect(text.status == 0, "\(text.standardError)")
        #expect(
            text.standardError.contains(
                "\(folder)/softsign.md:11:1: note: tied to the cell's softsignDerivative(_:) (line 17): the generated "
                    + "tests compare the two at seeded points"))
        #expect(
            text.standardError.contains(
                "\(folder)/entropy.md:5:1: note: tied to the cell's entropyInNats(_:) (line 12)"))
        #expect(text.standardError.components(separatedBy: "note: tied to").count - 1 == 8)

        let json = try LitmusProcess.run(["check", "--format", "json", folder])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        let layer = try #require(files.first { ($0["path"] as? String)?.hasSuffix("layer.md") == true })
        let ties = (layer["formulas"] as? [[String: Any]] ?? []).compactMap { $0["tiedTo"] as? [String: Any] }
        #expect(
            ties.compactMap { $0["function"] as? String } == [
                "forward(_:_:_:)", "weightGradient(delta:x:)", "softmax(_:)",
            ])
        #expect(ties.compactMap { $0["line"] as? Int } == [11, 32, 50])
        #expect(ties.allSatisfy { $0["compared"] as? Bool == true })
    }

    @Test func jsonHasTheDesignedShape() throws {
        let path = try write("lesson.md", "# L\n\n$$\\text{ReLU}(x) = \\max(0, x)$$\n\n$b^(l)$\n")
        let result = try LitmusProcess.run(["check", "--format", "json", path])
        #expect(result.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.count == 1)
        #expect(files[0]["path"] as? String == path)
        let formulas = try #require(files[0]["formulas"] as? [[String: Any]])
        #expect(formulas.count == 2)
        #expect(formulas[0]["status"] as? String == "verified")
        #expect(formulas[0]["display"] as? Bool == true)
        #expect(formulas[0]["line"] as? Int == 3)
        #expect(formulas[0]["against"] as? String == "NeuralCore ReLU")
        #expect(formulas[1]["status"] as? String == "mention")
        let diagnostics = try #require(files[0]["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.first?["severity"] as? String == "warning")
        #expect(diagnostics.first?["line"] as? Int == 5)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["formulas"] as? Int == 2)
        #expect(summary["verified"] as? Int == 1)
        #expect(summary["claims"] as? Int == 1)
        #expect(summary["mention"] as? Int == 1)
        #expect(summary["relations"] as? Int == 1)
        #expect(summary["uncheckedRelations"] as? Int == 0)
    }

    @Test func aFolderEndsWithItsTotalsAndTheShareOfRelationsLeftUnchecked() throws {
        _ = try write("a.md", "# A\n\n$\\sigma(x) = \\frac{1}{1 + e^{-x}}$ and $x$\n")
        // Nothing defines g: the claim is read but cannot be decided.
        _ = try write("b.md", "# B\n\n$y = g(x)$ and $y = 2$, then $g(x) = 3$.\n")
        let result = try LitmusProcess.run(["check", directory.path])
        let last = try #require(result.standardOutput.split(separator: "\n").last)
        #expect(last.hasPrefix("litmus check: 2 lessons, 5 formulas — "), "\(last)")
        let json = try LitmusProcess.run(["check", "--format", "json", directory.path])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        let relations = try #require(summary["relations"] as? Int)
        let unchecked = try #require(summary["uncheckedRelations"] as? Int)
        let percent = (100 * unchecked + relations / 2) / relations
        #expect(
            last.hasSuffix("; \(unchecked) of \(relations) formulas that state a relation are unchecked (\(percent)%)"))
        #expect(relations >= 2)
    }

    @Test func aMissingFileExitsTwo() throws {
        let result = try LitmusProcess.run(["check", directory.appendingPathComponent("missing.md").path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("no such file"))
    }

    @Test func aBadFormatIsBadUsage() throws {
        let path = try write("lesson.md", "$x$\n")
        let result = try LitmusProcess.run(["check", "--format", "yaml", path])
        #expect(result.status == 2)
    }
}

/// The course file's `exclude` leaves lessons out of every command, unless one is named.
struct CourseExclusionTests {
    @Test func excludedLessonsAreLeftOutUnlessNamed() throws {
        let directory = try LitmusProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let drafts = directory.appendingPathComponent("notebooks/drafts")
        try FileManager.default.createDirectory(at: drafts, withIntermediateDirectories: true)
        try Data("# A\n\n$x = 1$\n".utf8).write(to: directory.appendingPathComponent("notebooks/a.md"))
        try Data("# D\n\n$y = 2$\n".utf8).write(to: drafts.appendingPathComponent("d.md"))
        try Data("exclude:\n  - drafts/**\n".utf8).write(to: directory.appendingPathComponent("notebooks/litmus.yml"))
        let all = try LitmusProcess.run(["check", "notebooks"], in: directory)
        #expect(all.standardOutput.contains("notebooks/a.md:"))
        #expect(!all.standardOutput.contains("drafts/d.md"))
        let sync = try LitmusProcess.run(["sync", "notebooks"], in: directory)
        #expect(sync.standardOutput.contains("1 written"))
        let named = try LitmusProcess.run(["check", "notebooks/drafts/d.md"], in: directory)
        #expect(named.standardOutput.contains("notebooks/drafts/d.md:"))
    }
}
