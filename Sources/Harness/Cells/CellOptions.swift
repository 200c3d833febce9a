/// The options of a Swift cell's info string (```` ```swift hide timeout=120 ````).
struct CellOptions {
    /// The cell's time limit in seconds (`timeout=N`), if it gives one.
    var timeout: Double?

    init(_ words: [String]) {
        for word in words where word.hasPrefix("timeout=") {
            if let value = Double(word.dropFirst("timeout=".count)), value > 0, value.isFinite { timeout = value }
        }
    }
}

/// The options of an ```` ```output ```` block's info string: `rtol=`, `atol=`, `filter=`.
struct OutputBlockOptions {
    var relativeTolerance: Double?
    var absoluteTolerance: Double?
    var filters: [String] = []

    init(_ words: [String]) {
        for word in words {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "rtol": relativeTolerance = Double(parts[1]).flatMap { $0 >= 0 && $0.isFinite ? $0 : nil }
            case "atol": absoluteTolerance = Double(parts[1]).flatMap { $0 >= 0 && $0.isFinite ? $0 : nil }
            case "filter": filters.append(parts[1])
            default: continue
            }
        }
    }
}
