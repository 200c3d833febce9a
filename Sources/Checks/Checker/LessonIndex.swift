import Formulas

/// Every symbol a lesson's formulas use, read once before the lesson is checked, so that a
/// mention in the prose (`the target $y$`, `the rate $w^{(2)}$`) can be checked against the
/// formulas: a symbol the lesson defines or uses exists; a misspelt one does not.
struct LessonIndex {
    /// The first line where each symbol stands on the left of a definition (`s = …`, `s \in …`).
    var defined: [Symbol: Int] = [:]
    /// The first line where each symbol is used in a formula with a relation.
    var used: [Symbol: Int] = [:]
    /// The first line where each one-letter index (`k` in `p_k`, `c` in `p_c`) is used, and the symbol it indexes.
    var indexLetters: [String: (line: Int, symbol: Symbol)] = [:]
    /// The first line where each operator (`⊙`, `ᵀ`) is used in a formula with a relation.
    var operators: [String: Int] = [:]

    /// The first line where each letter of a layer label (`l` of `W^{(l)}`, `L` of `a^{(L)}`) is used.
    var labelLetters: [String: (line: Int, symbol: Symbol)] = [:]

    /// Records the statements of a formula at `line`; a mention (no relation) records only the
    /// index letters it shows (`W^{(l)}_{ij}` names i and j), never a symbol.
    mutating func record(_ formula: Formula, line: Int) {
        guard !formula.relations.isEmpty else {
            if case .variable(let symbol) = formula.terms[0], let index = symbol.index {
                for letter in index where letter.isLetter && indexLetters[String(letter)] == nil {
                    indexLetters[String(letter)] = (line, symbol)
                }
            }
            return
        }
        if case .variable(let subject) = formula.terms[0],
            formula.relations[0] == .equals || formula.relations[0] == .element || formula.relations[0] == .assignLeft,
            !(formula.terms.count == 2 && { if case .number = formula.terms[1] { true } else { false } }())
        {
            // `t = 1` states a value; it defines nothing.
            if defined[subject] == nil { defined[subject] = line }
        }
        for term in formula.terms {
            _ = term.contains { expression in
                switch expression {
                case .variable(let symbol): note(symbol, line: line)
                case .derivative(_, let variable): note(variable, line: line)
                case .call(let name, _, _): if used[Symbol(name.written)] == nil { used[Symbol(name.written)] = line }
                case .hadamard: if operators["⊙"] == nil { operators["⊙"] = line }
                case .transpose: if operators["ᵀ"] == nil { operators["ᵀ"] = line }
                case .sum(let index, _, _, _):
                    if indexLetters[index] == nil { indexLetters[index] = (line, Symbol("Σ")) }
                default: break
                }
                return false
            }
        }
    }

    private mutating func note(_ symbol: Symbol, line: Int) {
        if used[symbol] == nil { used[symbol] = line }
        for letter in symbol.label ?? "" where letter.isLetter && labelLetters[String(letter)] == nil {
            labelLetters[String(letter)] = (line, symbol)
        }
        if let index = symbol.index {
            if used[symbol.withoutIndex] == nil { used[symbol.withoutIndex] = line }
            for letter in index where letter.isLetter {
                let name = String(letter)
                if indexLetters[name] == nil || indexLetters[name]?.symbol.name == "Σ" {
                    indexLetters[name] = (line, symbol)
                }
            }
        }
    }
}
