import Foundation

/// The options of a Swift cell's info string (```` ```swift hide timeout=120 ````).
struct CellOptions {
    /// The cell's time limit in seconds (`timeout=N`), if it gives one.
    var timeout: Double?
    /// Words that are not options Litmus knows, or values it cannot read.
    var problems: [String] = []

    static let flags: Set<String> = ["hide", "norun", "throws", "export"]

    init(_ words: [String]) {
        for word in words {
            if Self.flags.contains(word) { continue }
            if word.hasPrefix("timeout=") {
                if let value = Double(word.dropFirst("timeout=".count)), value > 0, value.isFinite {
                    timeout = value
                } else {
                    problems.append("'\(word)': a time limit is a positive number of seconds")
                }
                continue
            }
            // Words of other tools' info strings (`{.swift}`, `title=…`) are left to them.
            if word.contains("=") || word.hasPrefix("{") || word.hasPrefix(".") { continue }
            problems.append("'\(word)' is not a cell option (hide, norun, throws, export, timeout=N)")
        }
    }
}

/// The options of an ```` ```output ```` block's info string: `rtol=`, `atol=`, `filter=`.
struct OutputBlockOptions {
    var relativeTolerance: Double?
    var absoluteTolerance: Double?
    var filters: [String] = []

    var problems: [String] = []

    init(_ words: [String]) {
        for word in words {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                problems.append("'\(word)' is not an output option (rtol=R, atol=A, filter=REGEX)")
                continue
            }
            switch parts[0] {
            case "rtol", "atol":
                guard let value = Double(parts[1]), value >= 0, value.isFinite else {
                    problems.append("'\(word)': a tolerance is a number at least 0")
                    continue
                }
                if parts[0] == "rtol" { relativeTolerance = value } else { absoluteTolerance = value }
            case "filter":
                guard (try? NSRegularExpression(pattern: parts[1])) != nil else {
                    problems.append("'\(parts[1])' is not a regular expression; the filter is left out")
                    continue
                }
                filters.append(parts[1])
            default:
                problems.append("'\(word)' is not an output option (rtol=R, atol=A, filter=REGEX)")
            }
        }
    }
}
