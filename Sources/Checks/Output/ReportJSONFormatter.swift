import Foundation
import LitmusDiagnostics

/// Writes reports as the JSON object of DESIGN.md:
/// `{"files":[{"path", "formulas":[…], "diagnostics":[…]}], "summary":{…}}`, keys sorted.
public struct ReportJSONFormatter: Sendable {
    /// Creates a formatter.
    public init() {}

    struct Document: Encodable {
        var files: [File]
        var summary: Summary
    }

    struct File: Encodable {
        var path: String
        var formulas: [Formula]
        var diagnostics: [DiagnosticEntry]
    }

    struct Formula: Encodable {
        var line: Int
        var column: Int
        var display: Bool
        var latex: String
        var status: String
        var message: String
        var reason: String?
        var against: String?
        var counterexample: Example?
        var tiedTo: Tie?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(display, forKey: .display)
            try container.encode(latex, forKey: .latex)
            try container.encode(status, forKey: .status)
            try container.encode(message, forKey: .message)
            try container.encodeIfPresent(reason, forKey: .reason)
            try container.encode(against, forKey: .against)
            try container.encodeIfPresent(counterexample, forKey: .counterexample)
            try container.encodeIfPresent(tiedTo, forKey: .tiedTo)
        }

        enum CodingKeys: String, CodingKey {
            case line, column, display, latex, status, message, reason, against, counterexample, tiedTo
        }
    }

    /// The cell function a formula is tied to: its Swift name, the line of its cell, whether the
    /// generated tests compare the two, and why not.
    struct Tie: Encodable {
        var function: String
        var line: Int?
        var compared: Bool
        var reason: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(function, forKey: .function)
            try container.encode(line, forKey: .line)
            try container.encode(compared, forKey: .compared)
            try container.encode(reason, forKey: .reason)
        }

        enum CodingKeys: String, CodingKey {
            case function, line, compared, reason
        }
    }

    struct Example: Encodable {
        var inputs: [String]
        var formula: String
        var expected: String
    }

    struct DiagnosticEntry: Encodable {
        var line: Int
        var column: Int
        var severity: String
        var message: String
        var id: String
    }

    struct Summary: Encodable {
        var files: Int
        var formulas: Int
        var claims: Int
        var verified: Int
        var mismatch: Int
        var unchecked: Int
        var definition: Int
        var mention: Int
        var error: Int
        var failed: Int
        /// Formulas that state a relation, and those of them left unchecked.
        var relations: Int
        var uncheckedRelations: Int
    }

    /// The JSON text of `reports`, pretty-printed with sorted keys.
    public func format(_ reports: [LessonReport]) -> String {
        let totals = VerdictCounts(reports)
        let files = reports.map { report in
            File(
                path: report.path,
                formulas: report.formulas.map { formula in
                    Formula(
                        line: formula.location.line, column: formula.location.column, display: formula.isDisplay,
                        latex: formula.latex, status: formula.verdict.status.rawValue, message: formula.verdict.message,
                        reason: formula.verdict.reason?.id, against: formula.verdict.against,
                        counterexample: formula.verdict.counterexample.map {
                            Example(inputs: $0.inputs, formula: $0.formula, expected: $0.expected)
                        },
                        tiedTo: formula.tiedTo.map {
                            Tie(
                                function: $0.name, line: $0.line, compared: $0.notCompared == nil,
                                reason: $0.notCompared)
                        })
                },
                diagnostics: report.diagnostics.map { diagnostic in
                    DiagnosticEntry(
                        line: diagnostic.location.line, column: diagnostic.location.column,
                        severity: diagnostic.severity.rawValue, message: diagnostic.message, id: diagnostic.id.rawValue)
                })
        }
        let summary = Summary(
            files: reports.count, formulas: reports.reduce(0) { $0 + $1.formulas.count }, claims: totals.claims,
            verified: totals[.verified], mismatch: totals[.mismatch], unchecked: totals[.unchecked],
            definition: totals[.definition], mention: totals[.mention], error: totals[.error],
            failed: reports.filter(\.failed).count, relations: totals.relations,
            uncheckedRelations: totals.uncheckedRelations)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Document(files: files, summary: summary))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
