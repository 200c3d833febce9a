import Checks
import Foundation
import GoldenFiles
import LessonMarkdown
import TestSupport
import Testing

/// The published lessons in `../shared/corpus/` (never copied here): a golden table of verdicts
/// per lesson, the same in two runs, and every mismatch judged in `Tests/Fixtures/corpus-judgements.tsv`.
/// Skipped where the corpus is absent.
@Suite(.enabled(if: TestPaths.corpusIsAvailable, "../shared/corpus is absent (a user's clone)"), .serialized)
struct CorpusTests {
    static let golden = GoldenFiles(
        directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/corpus"),
        endsWithLineEnd: true)

    /// The reports of every corpus lesson, checked in parallel as `litmus check` does.
    static func reports() throws -> [(name: String, report: LessonReport)] {
        let urls = TestPaths.corpusLessons
        let lessons = try urls.map { url in
            try LessonParser.parse([UInt8](Data(contentsOf: url)), path: url.lastPathComponent)
        }
        let reports = ParallelMap.map(0..<lessons.count) { LessonChecker().check(lessons[$0]) }
        return zip(urls, reports).map { ($0.lastPathComponent, $1) }
    }

    /// `line:column status reason`, one formula a line.
    static func table(_ report: LessonReport) -> String {
        report.formulas.map { formula in
            let reason = formula.verdict.reason.map { " " + $0.id } ?? ""
            return "\(formula.location.line):\(formula.location.column) \(formula.verdict.status)\(reason)"
        }
        .joined(separator: "\n")
    }

    @Test func verdictsMatchTheGoldenTablesAndDoNotChangeFromRunToRun() throws {
        let first = try Self.reports()
        let second = try Self.reports()
        for ((name, report), (_, again)) in zip(first, second) {
            #expect(Self.table(report) == Self.table(again), "\(name): verdicts changed between two runs")
            try Self.golden.check(Self.table(report), named: name + ".txt")
        }
    }

    /// A judged formula: its file, line, the hash of its LaTeX, and whether it is a true error.
    struct Judgement: Hashable {
        var file: String
        var line: Int
        var hash: String
        var isTrueError: Bool
    }

    static func judgements() throws -> [Judgement] {
        let text = try String(
            contentsOf: TestPaths.fixtures.appendingPathComponent("corpus-judgements.tsv"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.compactMap { row in
            let cells = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 5, let line = Int(cells[1]) else { return nil }
            return Judgement(file: cells[0], line: line, hash: cells[2], isTrueError: cells[3] == "true-error")
        }
    }

    /// FNV-1a of the formula's LaTeX, trimmed: the judgement names the formula, not its text.
    static func hash(_ latex: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in latex.trimmingCharacters(in: .whitespacesAndNewlines).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    @Test func everyMismatchIsAJudgedTrueErrorAndNoneIsLost() throws {
        let judgements = try Self.judgements()
        var flagged: Set<String> = []
        for (name, report) in try Self.reports() {
            for formula in report.formulas where formula.verdict.status == .mismatch {
                let key = "\(name)\t\(formula.location.line)\t\(Self.hash(formula.latex))"
                flagged.insert(key)
                let judgement = judgements.first {
                    $0.file == name && $0.line == formula.location.line && $0.hash == Self.hash(formula.latex)
                }
                let unjudged =
                    "unjudged mismatch: add `\(key)\t…` to corpus-judgements.tsv after reading it in its lesson "
                    + "(\(formula.verdict.message))"
                #expect(judgement != nil, "\(unjudged)")
                #expect(judgement?.isTrueError != false, "judged a false flag: \(key): \(formula.verdict.message)")
            }
        }
        for judgement in judgements where judgement.isTrueError {
            #expect(
                flagged.contains("\(judgement.file)\t\(judgement.line)\t\(judgement.hash)"),
                "a true error is no longer caught: \(judgement.file):\(judgement.line)")
        }
    }

    /// The acceptance figures: no verified formula without a relation, at most a third of the
    /// formulas that state a relation left unchecked.
    @Test func verifiedMeansARelationHeldAndFewRelationsAreLeftUnchecked() throws {
        var relations = 0
        var unchecked = 0
        for (name, report) in try Self.reports() {
            for formula in report.formulas {
                if formula.verdict.status == .verified {
                    #expect(formula.statesRelation, "\(name):\(formula.location.line) verified without a relation")
                }
                guard formula.statesRelation else { continue }
                relations += 1
                if formula.verdict.status == .unchecked { unchecked += 1 }
            }
        }
        #expect(relations > 0)
        #expect(Double(unchecked) <= Double(relations) / 3, "\(unchecked) of \(relations) relations unchecked")
    }
}
