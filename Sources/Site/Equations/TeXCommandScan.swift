/// Finds `\name{argument}` commands in LaTeX source without parsing it: the labels, tags and
/// references a page needs (the formula's meaning is the TeX module's business). Arguments
/// are brace-balanced; a command without one has a `nil` argument. Linear in the source.
enum TeXCommandScan {
    static let names: Set<String> = ["label", "tag", "tag*", "notag", "nonumber", "eqref", "ref"]

    /// The commands of `names` in `latex`, in order.
    static func commands(in latex: String) -> [(name: String, argument: String?)] {
        var found: [(String, String?)] = []
        let scalars = Array(latex.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "\\" else {
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count, ("a"..."z").contains(scalars[end]) || ("A"..."Z").contains(scalars[end]) {
                end += 1
            }
            if end < scalars.count, scalars[end] == "*" { end += 1 }
            let name = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
            guard end > index + 1, names.contains(name) else {
                index = max(end, index + 2)
                continue
            }
            var argument: String?
            var cursor = end
            while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
            if cursor < scalars.count, scalars[cursor] == "{" {
                var depth = 0
                var close = cursor
                while close < scalars.count {
                    if scalars[close] == "{" { depth += 1 }
                    if scalars[close] == "}" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    close += 1
                }
                if close < scalars.count {
                    argument = String(String.UnicodeScalarView(scalars[(cursor + 1)..<close]))
                        .trimmingCharacters(in: " ")
                    end = close + 1
                }
            }
            found.append((name, argument))
            index = end
        }
        return found
    }

    /// Whether `latex` holds nothing but commands (and white space): `\eqref{a}`, not `x = \eqref{a}`.
    static func isOnlyCommands(_ latex: String) -> Bool {
        var depth = 0
        var inName = false
        for scalar in latex.unicodeScalars {
            switch scalar {
            case "\\": inName = true
            case "{": depth += 1; inName = false
            case "}": depth -= 1
            case " ", "\n", "\t", "*": inName = false
            default:
                if depth == 0, !inName { return false }
            }
        }
        return true
    }
}

extension String {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}
