/// Compares a cell's standard output with the ```` ```output ```` block written after it.
///
/// Lines are compared in order. A line that is exactly `...` matches any run of lines, also
/// none. Numbers are compared to the precision written: `0.731` matches any output that rounds
/// to three decimals as 0.731 (so 0.7306 and 0.73149 do, 0.7304 does not), and an integer in
/// the block must match exactly. Trailing white space and trailing blank lines are ignored.
public enum OutputMatcher {
    /// Whether `actual` matches the `expected` block, compared as `options` say.
    public static func matches(expected: String, actual: String, options: OutputOptions = OutputOptions()) -> Bool {
        let expectedLines = lines(options.sanitize(expected))
        let actualLines = lines(options.sanitize(actual))
        return matchLines(expectedLines[...], actualLines[...]) { lineMatches($0, $1, options: options) }
    }

    /// A readable difference: each expected line with `-`, each actual line with `+`.
    public static func diff(expected: String, actual: String) -> String {
        var out = "output differs from the ```output block (- expected, + actual):\n"
        for line in lines(expected) { out += "- " + line + "\n" }
        for line in lines(actual) { out += "+ " + line + "\n" }
        return out
    }

    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed())
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// Matching with `...` wildcards; iterative over the wildcard positions (no deep recursion).
    private static func matchLines(
        _ expected: ArraySlice<String>, _ actual: ArraySlice<String>, _ lineMatches: (String, String) -> Bool
    ) -> Bool {
        // Classic wildcard matching with backtracking to the last `...`.
        var e = expected.startIndex
        var a = actual.startIndex
        var star: Int?
        var starMatch = actual.startIndex
        while a < actual.endIndex {
            if e < expected.endIndex, expected[e] == "..." {
                star = e
                starMatch = a
                e += 1
            } else if e < expected.endIndex, lineMatches(expected[e], actual[a]) {
                e += 1
                a += 1
            } else if let star {
                e = star + 1
                starMatch += 1
                a = starMatch
            } else {
                return false
            }
        }
        while e < expected.endIndex, expected[e] == "..." { e += 1 }
        return e == expected.endIndex
    }

    /// One line: text must be equal, numbers equal to the precision written in `expected` (or
    /// within the tolerances `options` give).
    static func lineMatches(_ expected: String, _ actual: String, options: OutputOptions = OutputOptions()) -> Bool {
        if expected == actual { return true }
        let expectedTokens = tokens(expected)
        let actualTokens = tokens(actual)
        guard expectedTokens.count == actualTokens.count else { return false }
        for (want, got) in zip(expectedTokens, actualTokens) {
            switch (want, got) {
            case (.text(let left), .text(let right)):
                guard left == right else { return false }
            case (.number(let text, let value), .number(_, let actualValue)):
                if options.relativeTolerance != nil || options.absoluteTolerance != nil {
                    let allowed = (options.absoluteTolerance ?? 0) + (options.relativeTolerance ?? 0) * abs(value)
                    guard abs(value - actualValue) <= allowed else { return false }
                    continue
                }
                let decimals = text.split(separator: ".").dropFirst().first.map { $0.prefix { $0.isNumber }.count } ?? 0
                if !text.contains(".") && !text.contains("e") && !text.contains("E") {
                    guard value == actualValue else { return false }
                } else if text.contains("e") || text.contains("E") {
                    guard abs(value - actualValue) <= abs(value) * 1e-6 else { return false }
                } else {
                    var scale = 1.0
                    for _ in 0..<decimals { scale *= 10 }
                    guard abs(value - actualValue) <= 0.5 / scale + 1e-12 * max(1, abs(value)) else { return false }
                }
            default:
                return false
            }
        }
        return true
    }

    enum Token: Equatable {
        case text(String)
        case number(String, Double)
    }

    /// Splits a line into numbers (`-1.5`, `3e-4`, `0.731`) and the text between them.
    static func tokens(_ line: String) -> [Token] {
        var out: [Token] = []
        let characters = Array(line)
        var index = 0
        var text = ""
        while index < characters.count {
            let character = characters[index]
            let startsNumber =
                character.isNumber
                || (character == "-" && index + 1 < characters.count && characters[index + 1].isNumber
                    && (index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber)))
            if startsNumber, index == 0 || !characters[index - 1].isLetter {
                var end = index + 1
                while end < characters.count, characters[end].isNumber || characters[end] == "." { end += 1 }
                if end < characters.count, characters[end] == "e" || characters[end] == "E" {
                    var probe = end + 1
                    if probe < characters.count, characters[probe] == "-" || characters[probe] == "+" { probe += 1 }
                    if probe < characters.count, characters[probe].isNumber {
                        end = probe
                        while end < characters.count, characters[end].isNumber { end += 1 }
                    }
                }
                let literal = String(characters[index..<end])
                if let value = Double(literal.hasSuffix(".") ? String(literal.dropLast()) : literal) {
                    if !text.isEmpty { out.append(.text(text)) }
                    text = ""
                    out.append(.number(literal, value))
                    if literal.hasSuffix(".") { text = "." }
                    index = end
                    continue
                }
            }
            text.append(character)
            index += 1
        }
        if !text.isEmpty { out.append(.text(text)) }
        return out
    }
}
