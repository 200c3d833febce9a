/// A counterexample as a reader takes it in: one line with each value compacted (a matrix as its
/// shape and first entries), and the whole values behind a `<details>`, a matrix row by row.
enum CounterexampleView {
    /// `W = 6×5 [[-1.58, 1.62, 0.554, …], …], x = 0.5: the formula gives 0.62, expected 0.73`.
    static func line(_ example: FormulaMark.Counterexample) -> String {
        let inputs = example.inputs.map { input -> String in
            guard let (name, value) = split(input) else { return input }
            return name + " = " + CompactValue.compact(value)
        }
        return (inputs.isEmpty ? "" : "at " + inputs.joined(separator: ", ") + ": ") + "the formula gives "
            + CompactValue.compact(example.formula) + ", expected " + CompactValue.compact(example.expected)
    }

    /// The line as the summary of a `<details>` holding every value in full.
    static func html(_ example: FormulaMark.Counterexample) -> String {
        var out = "<details class=\"counterexample\"><summary>Counterexample "
        out += HTMLText.escape(line(example)) + "</summary>\n<dl>\n"
        var rows = example.inputs.map { input in split(input) ?? ("", input) }
        rows.append(("the formula gives", example.formula))
        rows.append(("expected", example.expected))
        for (name, value) in rows {
            if !name.isEmpty { out += "<dt>" + HTMLText.escape(name) + "</dt>" }
            out += "<dd><pre>" + HTMLText.escape(full(value)) + "</pre></dd>\n"
        }
        return out + "</dl>\n</details>\n"
    }

    /// `name = value` split at its first ` = `.
    private static func split(_ input: String) -> (String, String)? {
        guard let equals = input.range(of: " = ") else { return nil }
        return (String(input[..<equals.lowerBound]), String(input[equals.upperBound...]))
    }

    /// A value in full, a matrix one row per line.
    private static func full(_ value: String) -> String {
        guard let parsed = CompactValue.parse(value), case .list(let rows, .square) = parsed,
            rows.allSatisfy({ if case .list = $0 { true } else { false } })
        else { return value }
        return rows.map { row -> String in
            guard case .list(let entries, _) = row else { return "" }
            return entries.map { entry in if case .leaf(let text) = entry { text } else { "…" } }
                .joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
