/// What a cell's top-level `func` takes and gives, as far as a scan can read it without the
/// compiler: each parameter's argument label, name, type (as written) and whether it has a
/// default value, and the result's type. Enough to call the function from a generated test, with
/// values of the types a formula's reading gives (`Double`, `[Double]`, `Matrix<Double>`).
struct FunctionSignature: Equatable, Sendable {
    /// One parameter: `_ x: Double`, `alpha: Double = 0.01`, `from a: [Double]`.
    struct Parameter: Equatable, Sendable {
        /// The argument label a call writes (`nil` for `_`).
        var label: String?
        /// The name the body uses.
        var name: String
        /// The type as written, without `inout` and attributes.
        var type: String
        var hasDefault: Bool
        var isInout: Bool
    }

    /// What a parameter or result holds, for a formula's value.
    enum ValueType: Equatable, Sendable {
        /// `Double`.
        case number
        /// `[Double]`, `Array<Double>`.
        case vector
        /// `Matrix<Double>`.
        case matrix
        /// Any other type, as written.
        case other(String)

        /// The value type of `text`, a type as written.
        init(_ text: String) {
            let type = String(text.filter { !$0.isWhitespace })
            switch type {
            case "Double", "Swift.Double": self = .number
            case "[Double]", "Array<Double>", "[Swift.Double]": self = .vector
            case "Matrix<Double>", "NeuralCore.Matrix<Double>": self = .matrix
            default: self = .other(text.trimmingSpaces)
            }
        }
    }

    var parameters: [Parameter]
    /// The result's type as written; nil for none (`Void`).
    var result: String?
    /// Whether it has generic parameters (`func f<T>`), throws, or is `async`.
    var isGeneric = false
    var throwing = false
    var isAsync = false

    /// Swift's name for a function of these parameters: `softsign(_:)`, `leakyRelu(_:alpha:)`.
    func swiftName(_ name: String) -> String {
        name + "(" + parameters.map { ($0.label ?? "_") + ":" }.joined() + ")"
    }

    /// The parameters' value types, in order.
    var parameterTypes: [ValueType] { parameters.map { ValueType($0.type) } }

    /// The result's value type; nil when the function returns nothing.
    var resultType: ValueType? { result.map(ValueType.init) }

    // MARK: - Reading

    /// Reads the text between a function's parentheses (`parameterList`) and the text after
    /// them up to its body (`tail`: `throws -> Double where …`).
    init(parameterList: String, tail: String, isGeneric: Bool) {
        self.isGeneric = isGeneric
        parameters = Self.split(parameterList, at: ",").compactMap(Self.parameter)
        var rest = Substring(tail.trimmingSpaces)
        while let word = rest.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "-" }).first,
            ["async", "throws", "rethrows", "reasync"].contains(where: { word.hasPrefix($0) })
        {
            if word.hasPrefix("async") { isAsync = true } else { throwing = true }
            rest = rest.dropFirst(word.count).drop { $0 == " " || $0 == "\n" }
            // `throws(SomeError)`
            if word.hasSuffix("throws"), rest.first == "(" { rest = rest.drop { $0 != ")" }.dropFirst() }
        }
        if rest.hasPrefix("->") {
            var type = String(rest.dropFirst(2))
            if let clause = type.range(of: " where ") { type = String(type[..<clause.lowerBound]) }
            let trimmed = type.trimmingSpaces
            result = trimmed.isEmpty || trimmed == "Void" || trimmed == "()" ? nil : trimmed
        }
    }

    /// `label name: inout Type = default`.
    private static func parameter(_ text: String) -> Parameter? {
        let parts = split(text, at: ":")
        guard parts.count >= 2 else { return nil }
        let names = parts[0].split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
        guard let name = names.last, !name.isEmpty else { return nil }
        let label = names.count >= 2 ? names[names.count - 2] : name
        var type = parts.dropFirst().joined(separator: ":")
        var hasDefault = false
        let typeParts = split(type, at: "=")
        if typeParts.count > 1 {
            hasDefault = true
            type = typeParts[0]
        }
        var words = type.trimmingSpaces
        var isInout = false
        // Attributes and ownership before the type: `@escaping`, `inout`, `borrowing`.
        while let first = words.split(separator: " ").first,
            first.hasPrefix("@") || ["inout", "borrowing", "consuming", "__owned", "__shared"].contains(first)
        {
            if first == "inout" { isInout = true }
            words = String(words.dropFirst(first.count)).trimmingSpaces
        }
        return Parameter(
            label: label == "_" ? nil : label.trimming("`"), name: name.trimming("`"),
            type: words, hasDefault: hasDefault, isInout: isInout)
    }

    /// `text` split at `separator` where no bracket, angle bracket or string is open (an arrow's
    /// `>` closes nothing).
    static func split(_ text: String, at separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var inString = false
        var previous: Character = " "
        for character in text {
            if inString {
                if character == "\"" && previous != "\\" { inString = false }
            } else if character == "\"" {
                inString = true
            } else if "([{<".contains(character) {
                depth += 1
            } else if ")]}".contains(character) || (character == ">" && previous != "-") {
                depth = max(0, depth - 1)
            } else if character == separator, depth == 0 {
                // `==` in a default value is not a separator.
                parts.append(current)
                current = ""
                previous = character
                continue
            }
            current.append(character)
            previous = character
        }
        if !current.trimmingSpaces.isEmpty || !parts.isEmpty { parts.append(current) }
        return parts.filter { !$0.trimmingSpaces.isEmpty }
    }
}
