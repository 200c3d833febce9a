import Formulas
import Foundation
import LessonMarkdown

/// An HTML comment right after a formula: `<!-- litmus: skip -->`, `<!-- litmus: engine=sigmoid -->`,
/// `<!-- litmus: assume t one-hot -->`, `<!-- litmus: assume eta > 0 -->`,
/// `<!-- litmus: code=mySoftsign -->`.
struct Annotation: Hashable {
    var skip = false
    /// A catalog name the formula must be checked against.
    var engine: String?
    /// The Swift function of the lesson's cells the formula is tied to (the generated tests
    /// compare the two); it changes nothing in the verdict.
    var code: String?
    /// Constraints on symbols: name → domain.
    var assumptions: [String: Domain] = [:]

    /// Reads the words after `litmus:`.
    init(_ text: String) {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        var index = 0
        while index < words.count {
            let word = words[index]
            if word == "skip" { skip = true }
            if word.hasPrefix("engine=") { engine = String(word.dropFirst("engine=".count)) }
            if word.hasPrefix("code="), !word.dropFirst("code=".count).isEmpty {
                code = String(word.dropFirst("code=".count))
            }
            if word == "assume", index + 2 < words.count {
                let name = words[index + 1]
                let rest = words[(index + 2)...].joined(separator: " ")
                if rest.hasPrefix("one-hot") {
                    assumptions[name] = .oneHot
                } else if rest.hasPrefix("> 0") || rest.hasPrefix(">0") || rest.hasPrefix("positive") {
                    assumptions[name] = .positive
                } else if rest.hasPrefix("\\in \\{0,1\\}") || rest.hasPrefix("in {0,1}") || rest.hasPrefix("binary") {
                    assumptions[name] = .values([0, 1])
                } else if rest.hasPrefix("probability") {
                    assumptions[name] = .probability
                }
                index += 2
            }
            index += 1
        }
    }

    /// Records the assumptions in the lesson's reading.
    func apply(to reading: inout LessonReading) {
        for (name, domain) in assumptions {
            reading.domains[Symbol(Annotation.symbolName(name))] = domain
        }
    }

    /// `eta` → `η`, `\eta` → `η`, letters as they are.
    static func symbolName(_ name: String) -> String {
        let greek = ["alpha": "α", "beta": "β", "eta": "η", "sigma": "σ", "lambda": "λ", "theta": "θ"]
        let bare = name.hasPrefix("\\") ? String(name.dropFirst()) : name
        return greek[bare] ?? bare
    }

    /// The annotations of a lesson, by the index of the formula they follow.
    static func find(in lesson: Lesson) -> [Int: Annotation] {
        var found: [Int: Annotation] = [:]
        lesson.document.forEachDescendant { node in
            var lastMath: Int? = nil
            for child in node.children {
                switch child.kind {
                case .math(let index): lastMath = index
                case .htmlInline(let html), .htmlBlock(let html):
                    if let index = lastMath, let range = html.range(of: "litmus:") {
                        let body = html[range.upperBound...].replacingOccurrences(of: "-->", with: " ")
                        found[index] = Annotation(String(body))
                    }
                    lastMath = nil
                case .text(let text) where text.allSatisfy(\.isWhitespace): break
                case .softBreak, .lineBreak: break
                case .paragraph, .item, .list:
                    // A block annotation after a paragraph ending with a formula.
                    if let index = Self.lastMath(in: child) { lastMath = index } else { lastMath = nil }
                default: lastMath = nil
                }
            }
        }
        return found
    }

    private static func lastMath(in node: MarkdownNode) -> Int? {
        var last: Int? = nil
        node.forEachDescendant { if case .math(let index) = $0.kind { last = index } }
        return last
    }
}
