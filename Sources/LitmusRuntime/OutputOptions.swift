import Foundation

/// How a cell's output is compared with its ```` ```output ```` block, from the block's info
/// string: ```` ```output rtol=1e-6 filter="[0-9.]+ ms" ````.
///
/// - `rtol=R`, `atol=A`: numbers match when |expected − actual| ≤ A + R·|expected|, in place
///   of the precision written;
/// - `filter=REGEX` (repeatable): every match, in the block and in the output alike, is
///   replaced by `…` before comparing — for text that changes from run to run (timings,
///   addresses), as nbval's sanitizers do.
public struct OutputOptions: Sendable, Equatable {
    public var relativeTolerance: Double?
    public var absoluteTolerance: Double?
    public var filters: [String]

    public init(relativeTolerance: Double? = nil, absoluteTolerance: Double? = nil, filters: [String] = []) {
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
        self.filters = filters
    }

    /// `text` with every filter's matches replaced by `…`; filters that are not valid
    /// regular expressions are left out (the generator reports them at the lesson's line).
    func sanitize(_ text: String) -> String {
        var text = text
        for pattern in filters {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            text = regex.stringByReplacingMatches(
                in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "…")
        }
        return text
    }
}
