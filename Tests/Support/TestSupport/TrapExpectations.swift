import Foundation

/// What a trap lesson expects of each line's formulas, from the comment after them:
/// `<!-- planted: why -->` marks a deliberate error (it must be a mismatch there), `<!-- defines -->`
/// a formula that only defines. A display formula without a comment is a claim that must be verified.
public struct TrapExpectations: Sendable {
    /// What one line expects.
    public enum Expectation: Hashable, Sendable {
        /// A planted error, with why.
        case planted(String)
        /// A formula that defines (or a mention).
        case defines
    }

    /// The expectations, by 1-based line.
    public let lines: [Int: Expectation]
    /// The lines that hold a display formula (`$$…$$` on one line).
    public let displays: Set<Int>

    public init(_ text: String) {
        var lines: [Int: Expectation] = [:]
        var displays: Set<Int> = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            if line.hasPrefix("$$") { displays.insert(number) }
            if let start = line.range(of: "<!-- planted:") {
                let rest = line[start.upperBound...]
                let why = rest.range(of: "-->").map { rest[..<$0.lowerBound] } ?? rest
                lines[number] = .planted(String(why).trimmingCharacters(in: .whitespaces))
            } else if line.contains("<!-- defines -->") {
                lines[number] = .defines
            }
        }
        self.lines = lines
        self.displays = displays
    }
}
