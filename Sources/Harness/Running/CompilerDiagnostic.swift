/// One diagnostic the Swift compiler printed while building the tests, in its documented
/// `path:line:column: error: message` form.
struct CompilerDiagnostic: Equatable {
    var path: String
    var line: Int
    var column: Int
    var isError: Bool
    var message: String

    /// The errors and warnings in a build's output, each once, in order.
    static func parse(_ log: String) -> [CompilerDiagnostic] {
        var out: [CompilerDiagnostic] = []
        var seen: Set<String> = []
        for line in log.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let diagnostic = parseLine(line), seen.insert(String(line)).inserted else { continue }
            out.append(diagnostic)
        }
        return out
    }

    private static func parseLine(_ line: Substring) -> CompilerDiagnostic? {
        for (marker, isError) in [(": error: ", true), (": warning: ", false)] {
            guard let range = line.range(of: marker) else { continue }
            let location = line[..<range.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
            guard location.count >= 3, let column = Int(location[location.count - 1]),
                let number = Int(location[location.count - 2])
            else { continue }
            let path = location.dropLast(2).joined(separator: ":")
            guard !path.isEmpty else { continue }
            return CompilerDiagnostic(
                path: path, line: number, column: column, isError: isError, message: String(line[range.upperBound...]))
        }
        return nil
    }
}
