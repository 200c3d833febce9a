/// A jupytext MyST notebook's code cell, ```` ```{code-cell} ipython3 ````: its language from the
/// kernel named after the directive, its code without the cell's options (`:tags: [hide]` lines
/// or a `---` block of YAML at its start).
enum MySTCodeCell {
    /// The info string a plain fence of the cell's language would have, and the code.
    static func read(info: String, literal: String) -> (info: String, code: String) {
        let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst()
        let kernel = words.first.map { $0.lowercased() } ?? ""
        let language: String
        if kernel.isEmpty || kernel.hasPrefix("ipython") || kernel.hasPrefix("python") {
            language = "python"
        } else {
            language = String(kernel.prefix { $0.isLetter || $0 == "+" || $0 == "#" })
        }
        var lines = literal.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.first == "---", let close = lines.dropFirst().firstIndex(of: "---") {
            lines.removeSubrange(0...close)
        } else {
            while let first = lines.first, isOption(first) { lines.removeFirst() }
        }
        return (([language] + words.dropFirst().map(String.init)).joined(separator: " "), lines.joined(separator: "\n"))
    }

    /// `:key: value`, a directive option.
    private static func isOption(_ line: Substring) -> Bool {
        guard line.hasPrefix(":"), let colon = line.dropFirst().firstIndex(of: ":") else { return false }
        let key = line[line.index(after: line.startIndex)..<colon]
        return !key.isEmpty && key.allSatisfy { $0.isLetter || $0 == "-" || $0 == "_" }
    }
}
