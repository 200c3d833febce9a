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
    /// Symbols written in bold (`\mathbf{x}`), by section: vectors and matrices in that section.
    var bold: [Int: Set<Symbol>] = [:]
    /// Names used as counts: the upper bound of a sum or product (`N` of `\sum_{n=1}^{N}`).
    var counts: Set<String> = []
    /// Symbols the lesson uses as vectors or matrices, by section (a new section may start a new
    /// example that uses the names otherwise): transposed (`x^\top`), multiplied entry by entry
    /// (`a \odot b`), summed over their entries. A symbol with a layer label stands for its whole
    /// family (`W^{(l+1)}` transposed makes every `W^{(…)}` a matrix), kept by name.
    var arrayUse: [Int: Set<Symbol>] = [:]
    var arrayFamilies: [Int: Set<String>] = [:]
    /// The section being recorded.
    private var section = 0
    /// The keys of every name the lesson's formulas apply to arguments (`f` of `f(z)`).
    var calledNames: Set<String> = []
    /// Capital letters written in front of another symbol (`W` of `W a`): a matrix when that
    /// symbol is a vector (`settle()` decides, once every formula is read).
    private var leftFactors: [(capital: Symbol, right: Symbol, section: Int)] = []

    /// Records the statements of a formula at `line`; a mention (no relation) records only the
    /// index letters it shows (`W^{(l)}_{ij}` names i and j), never a symbol.
    mutating func record(_ formula: Formula, line: Int, section: Int = 0) {
        self.section = section
        for term in formula.terms {
            _ = term.contains { expression in
                switch expression {
                case .variable(let symbol) where symbol.font == "bold" || symbol.font == "boldItalic":
                    bold[section, default: []].insert(symbol.withoutIndex)
                case .sum(_, _, .variable(let bound)?, _), .product(_, _, .variable(let bound)?, _):
                    if bound.index == nil { counts.insert(bound.name) }
                case .transpose(.variable(let symbol)):
                    noteArray(symbol)
                case .multiply(.variable(let capital), let right):
                    if capital.index == nil, capital.name.count == 1, capital.name.first!.isUppercase,
                        let operand = Self.leadingSymbol(right)
                    {
                        leftFactors.append((capital, operand, section))
                    }
                case .call(let name, _, _):
                    calledNames.insert(name.key)
                case .sum(let index, _, _, let body):
                    // `\sum_i (\hat{y}_i - y_i)^2`: ŷ and y are vectors whose entries the sum runs over.
                    for symbol in body.freeSymbols where symbol.index == index { noteArray(symbol.withoutIndex) }
                case .hadamard(let a, let b):
                    for side in [a, b] { if case .variable(let symbol) = side { noteArray(symbol) } }
                default: break
                }
                return false
            }
        }
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

    private mutating func noteArray(_ symbol: Symbol) {
        guard symbol.index == nil else { return }
        if symbol.label != nil {
            arrayFamilies[section, default: []].insert(symbol.name)
        } else {
            arrayUse[section, default: []].insert(symbol)
        }
    }

    /// The symbol a factor starts with (`a` of `a^{(l-1)}`, of `(a)^\top`).
    private static func leadingSymbol(_ expression: Expression) -> Symbol? {
        switch expression {
        case .variable(let symbol): return symbol
        case .transpose(let inner), .negate(let inner): return leadingSymbol(inner)
        case .multiply(let a, _), .hadamard(let a, _): return leadingSymbol(a)
        default: return nil
        }
    }

    /// `Character.isLetter`, told without Unicode's tables for an ASCII character (most labels
    /// and indices are digits and ASCII letters).
    private static func isLetter(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return character.isLetter }
        return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(ascii | 0x20)
    }

    /// Decides the capitals written in front of vectors: matrices (`W` of `W a` for a vector a).
    mutating func settle() {
        for _ in 0..<2 {
            for (capital, right, section) in leftFactors
            where usedAsArray(right, in: section) || isBold(right.withoutIndex, in: section) {
                self.section = section
                noteArray(capital)
            }
        }
    }

    /// Whether the lesson uses `symbol` as a vector or matrix in `section`.
    func usedAsArray(_ symbol: Symbol, in section: Int) -> Bool {
        guard symbol.index == nil else { return false }
        return symbol.label != nil
            ? arrayFamilies[section]?.contains(symbol.name) == true : arrayUse[section]?.contains(symbol) == true
    }

    /// Whether `symbol` is written in bold in `section`.
    func isBold(_ symbol: Symbol, in section: Int) -> Bool { bold[section]?.contains(symbol) == true }

    private mutating func note(_ symbol: Symbol, line: Int) {
        if used[symbol] == nil { used[symbol] = line }
        for letter in symbol.label ?? "" where Self.isLetter(letter) && labelLetters[String(letter)] == nil {
            labelLetters[String(letter)] = (line, symbol)
        }
        if let index = symbol.index {
            if used[symbol.withoutIndex] == nil { used[symbol.withoutIndex] = line }
            for letter in index where Self.isLetter(letter) {
                let name = String(letter)
                if indexLetters[name] == nil || indexLetters[name]?.symbol.name == "Σ" {
                    indexLetters[name] = (line, symbol)
                }
            }
        }
    }
}
