import Foundation

/// The results of the tests Swift Testing ran, read from its JSON event stream
/// (`--event-stream-output-path`, version 0): one line per event, `testEnded` and
/// `issueRecorded` carrying the test's identifier (`Module.Type/function()/File.swift:16:6`).
struct TestingEvents {
    /// A test function that ended, by its function name (`litmusCells`).
    struct Result: Equatable {
        var failed: Bool
        /// The first issue's comment, when it failed.
        var message: String?
    }

    private(set) var results: [String: Result] = [:]

    init(contentsOf url: URL) {
        self.init(data: (try? Data(contentsOf: url)) ?? Data())
    }

    init(data: Data) {
        var issues: [String: String] = [:]
        var ended: Set<String> = []
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let record = try? JSONDecoder().decode(Line.self, from: Data(line)), record.kind == "event",
                let payload = record.payload, let testID = payload.testID
            else { continue }
            let function = Self.functionName(testID)
            switch payload.kind {
            case "issueRecorded" where payload.issue?.isKnown != true:
                if issues[function] == nil {
                    issues[function] =
                        payload.comments?.first ?? payload.messages?.last?.text ?? "an issue was recorded"
                }
            case "testEnded":
                ended.insert(function)
            default:
                break
            }
        }
        for function in ended where !function.isEmpty {
            results[function] = Result(failed: issues[function] != nil, message: issues[function])
        }
    }

    /// `litmusCells` from `NotebookTests.Type/litmusCells()/Type.swift:16:6`; empty for a suite.
    static func functionName(_ testID: String) -> String {
        let parts = testID.split(separator: "/")
        guard parts.count >= 2 else { return "" }
        return String(parts[1].prefix { $0 != "(" })
    }

    private struct Line: Decodable {
        var kind: String
        var payload: Payload?
    }

    private struct Payload: Decodable {
        var kind: String
        var testID: String?
        var issue: Issue?
        var messages: [Message]?
        var comments: [String]?

        enum CodingKeys: String, CodingKey {
            case kind, testID, issue, messages
            case comments = "_comments"
        }
    }

    private struct Issue: Decodable {
        var isKnown: Bool?
    }

    private struct Message: Decodable {
        var text: String
    }
}
