import LitmusDiagnostics

/// Finds `\label{…}`, `\tag{…}`, `\tag*{…}`, `\nonumber`, `\notag`, `\ref{…}` and `\eqref{…}` in a
/// formula's LaTeX, with the row of an `align`-like environment each stands in, so a lesson knows
/// its equations' names and numbers without reading the whole formula (the TeX module reads them
/// into its tree as well).
///
/// Rows are counted at `\\` in the outermost environment (or in the formula itself when it has
/// none), so a matrix's rows inside an `align` row do not count. Comments (`%` to the end of the
/// line) are skipped. Linear in the length of the LaTeX.
struct TeXLabelScanner {
    /// A command found, with its argument and where it stands in the LaTeX (1-based line and
    /// UTF-8 column, from the backslash to just past the closing brace).
    struct Found {
        enum Kind { case label, tag(starred: Bool), noNumber, reference(equation: Bool) }
        var kind: Kind
        var argument: String
        var start: SourceLocation
        var end: SourceLocation
        var row: Int
    }

    /// Whether the LaTeX starts with a starred (unnumbered) environment, `\begin{align*}`.
    private(set) var isStarredEnvironment = false
    private(set) var found: [Found] = []

    init(_ latex: String) {
        var latex = latex
        self = latex.withUTF8 { TeXLabelScanner(bytes: $0) }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.contains(UInt8(ascii: "\\")) else { return }
        var line = 1
        var lineStart = 0
        var position = 0
        var row = 0
        var environments = 0
        var sawEnvironment = false
        func location(_ offset: Int) -> SourceLocation { SourceLocation(line: line, column: offset - lineStart + 1) }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = position + 1
                position += 1
                continue
            }
            if byte == UInt8(ascii: "%") {
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
                continue
            }
            guard byte == UInt8(ascii: "\\"), position + 1 < bytes.count else {
                position += 1
                continue
            }
            let start = position
            var nameEnd = position + 1
            while nameEnd < bytes.count, bytes[nameEnd].isASCIILetter { nameEnd += 1 }
            if nameEnd == position + 1 {
                // `\\` ends a row of the outermost environment; any other symbol is skipped.
                if bytes[position + 1] == UInt8(ascii: "\\"), environments <= 1 { row += 1 }
                position += 2
                continue
            }
            let name = UnsafeBufferPointer(rebasing: bytes[(position + 1)..<nameEnd])
            position = nameEnd
            // Most commands are none of these: the names are told apart by length and first byte.
            switch (name.count, name[0]) {
            case (3, UInt8(ascii: "t")), (3, UInt8(ascii: "r")), (5, UInt8(ascii: "l")), (5, UInt8(ascii: "e")):
                guard
                    Self.matches(name, "tag") || Self.matches(name, "ref") || Self.matches(name, "label")
                        || Self.matches(name, "eqref")
                else { continue }
                var starred = false
                if name[0] == UInt8(ascii: "t"), position < bytes.count, bytes[position] == UInt8(ascii: "*") {
                    starred = true
                    position += 1
                }
                guard let argument = Self.argument(bytes, from: &position) else { continue }
                let kind: Found.Kind =
                    switch name[0] {
                    case UInt8(ascii: "l"): .label
                    case UInt8(ascii: "t"): .tag(starred: starred)
                    default: .reference(equation: name.count == 5)
                    }
                found.append(
                    Found(kind: kind, argument: argument, start: location(start), end: location(position), row: row))
            case (5, UInt8(ascii: "b")) where Self.matches(name, "begin"):
                let argument = Self.argument(bytes, from: &position)
                if !sawEnvironment, environments == 0, start == Self.firstNonBlank(bytes) {
                    isStarredEnvironment = argument?.hasSuffix("*") == true
                }
                sawEnvironment = true
                environments += 1
            case (3, UInt8(ascii: "e")) where Self.matches(name, "end"):
                _ = Self.argument(bytes, from: &position)
                environments = max(0, environments - 1)
            case (5, UInt8(ascii: "n")) where Self.matches(name, "notag"),
                (8, UInt8(ascii: "n")) where Self.matches(name, "nonumber"):
                found.append(
                    Found(kind: .noNumber, argument: "", start: location(start), end: location(position), row: row))
            default:
                break
            }
        }
    }

    /// Whether `name` is `word`, byte for byte.
    private static func matches(_ name: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard name.count == word.utf8CodeUnitCount else { return false }
        for index in 0..<name.count where name[index] != word.utf8Start[index] { return false }
        return true
    }

    /// A braced argument after optional spaces, on the same line; moves `position` past it.
    private static func argument(_ bytes: UnsafeBufferPointer<UInt8>, from position: inout Int) -> String? {
        var probe = position
        while probe < bytes.count, bytes[probe] == UInt8(ascii: " ") { probe += 1 }
        guard probe < bytes.count, bytes[probe] == UInt8(ascii: "{") else { return nil }
        var depth = 0
        let start = probe + 1
        while probe < bytes.count {
            switch bytes[probe] {
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 {
                    position = probe + 1
                    return String(decoding: bytes[start..<probe], as: UTF8.self).trimmingSpaces
                }
            case UInt8(ascii: "\n"): return nil
            case UInt8(ascii: "\\"): probe += 1
            default: break
            }
            probe += 1
        }
        return nil
    }

    private static func firstNonBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.firstIndex { !MathScanner.isSpace($0) } ?? 0
    }
}
