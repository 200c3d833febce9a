/// A checker's value written for a reader in a hurry: a number as it is, a vector or a matrix as
/// its shape and its first entries (`6×5 [[-1.58, 1.62, 0.554, …], …]`). Reads the checker's
/// notation — numbers, `(…)ᵀ` column vectors, `(…)` tuples and `[…]` lists nested to any depth
/// — and leaves any other text as it is.
struct CompactValue {
    /// How a list is written: `[…]`, `(…)` or a column `(…)ᵀ`.
    enum Brackets: Equatable {
        case square, round, column
    }

    /// A parsed value: a leaf's text, or a list of values.
    indirect enum Value: Equatable {
        case leaf(String)
        case list([Value], Brackets)
    }

    /// How many entries of a list are shown.
    static let shownEntries = 3

    /// The compact text of `text`.
    static func compact(_ text: String) -> String {
        guard let value = parse(text) else { return text }
        switch value {
        case .leaf(let leaf): return shortNumber(leaf)
        case .list(let items, let brackets):
            let shape = shape(of: value)
            let entries = written(items, brackets, depth: shape.count)
            return shape.count == 1 && shape[0] <= shownEntries
                ? entries : shape.map(String.init).joined(separator: "×") + " " + entries
        }
    }

    /// The sizes along each axis, when the lists are regular (`[6, 5]` for a 6×5 matrix).
    static func shape(of value: Value) -> [Int] {
        guard case .list(let items, _) = value else { return [] }
        let inner = items.map(shape(of:))
        guard let first = inner.first, inner.allSatisfy({ $0 == first }) else { return [items.count] }
        return [items.count] + first
    }

    /// The first entries of a list (the first row of a matrix), then `…` for the rest.
    private static func written(_ items: [Value], _ brackets: Brackets, depth: Int) -> String {
        let limit = depth > 1 ? 1 : shownEntries
        var parts = items.prefix(limit).map { item -> String in
            switch item {
            case .leaf(let leaf): shortNumber(leaf)
            case .list(let inner, let innerBrackets): written(inner, innerBrackets, depth: depth - 1)
            }
        }
        if items.count > limit { parts.append("…") }
        let body = parts.joined(separator: ", ")
        switch brackets {
        case .square: return "[" + body + "]"
        case .round: return "(" + body + ")"
        case .column: return "(" + body + ")ᵀ"
        }
    }

    /// A number with at most three significant digits (`-1.58356` → `-1.58`); other text as is.
    static func shortNumber(_ text: String) -> String {
        guard let number = Double(text), number.isFinite, text.count > 5 else { return text }
        let magnitude = abs(number)
        if magnitude != 0, magnitude < 0.001 || magnitude >= 100_000 {
            return text.contains("e") ? text : String(describing: number)
        }
        var digits = 3
        var scaled = magnitude
        while scaled >= 10, digits > 0 {
            scaled /= 10
            digits -= 1
        }
        while scaled < 1, scaled != 0 {
            scaled *= 10
            digits += 1
        }
        let factor = pow10(digits - 1)
        let rounded = (number * factor).rounded() / factor
        var out = String(rounded)
        if out.hasSuffix(".0") { out.removeLast(2) }
        return out
    }

    private static func pow10(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<max(0, exponent) { value *= 10 }
        return value
    }

    // MARK: - Parsing

    /// The value written in `text`; `nil` when it is not one (unbalanced brackets, stray text).
    static func parse(_ text: String) -> Value? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        guard let value = parseValue(scalars, &index) else { return nil }
        skipSpaces(scalars, &index)
        return index == scalars.count ? value : nil
    }

    private static func skipSpaces(_ scalars: [Unicode.Scalar], _ index: inout Int) {
        while index < scalars.count, scalars[index] == " " { index += 1 }
    }

    private static func parseValue(_ scalars: [Unicode.Scalar], _ index: inout Int) -> Value? {
        skipSpaces(scalars, &index)
        guard index < scalars.count else { return nil }
        let open = scalars[index]
        guard open == "[" || open == "(" else {
            let start = index
            while index < scalars.count, !",[]()".unicodeScalars.contains(scalars[index]) { index += 1 }
            let leaf = String(String.UnicodeScalarView(scalars[start..<index])).trimmingSpaces
            return leaf.isEmpty ? nil : .leaf(leaf)
        }
        let close: Unicode.Scalar = open == "[" ? "]" : ")"
        index += 1
        var items: [Value] = []
        while true {
            skipSpaces(scalars, &index)
            guard index < scalars.count else { return nil }
            if scalars[index] == close, items.isEmpty {
                index += 1
                break
            }
            guard let item = parseValue(scalars, &index) else { return nil }
            items.append(item)
            skipSpaces(scalars, &index)
            guard index < scalars.count else { return nil }
            if scalars[index] == "," {
                index += 1
                continue
            }
            guard scalars[index] == close else { return nil }
            index += 1
            break
        }
        var brackets: Brackets = open == "[" ? .square : .round
        if index < scalars.count, scalars[index] == "ᵀ" {
            brackets = .column
            index += 1
        }
        return .list(items, brackets)
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
