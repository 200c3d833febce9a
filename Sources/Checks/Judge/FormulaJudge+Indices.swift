import Formulas

extension FormulaJudge {
    /// `∂L/∂z_i`, `∂p_k/∂z_j`, `v_t`: binds each free index (i, j, k, t, and the c of a
    /// definition `t_k = 1 if k = c`) to a whole number, respecting the case the prose stated
    /// just before (`for $j \neq k$`), and draws z as a vector, so derivatives with respect to
    /// one entry of a vector can be taken and sequences are evaluated for a few steps.
    func indexPreparation(_ terms: [Expression]) -> (inout Evaluator) throws(EvaluationFailure) -> Void {
        var vectors: [Symbol] = []
        var letters: Set<String> = []
        for term in terms {
            _ = term.contains { expression in
                if case .derivative(_, let variable) = expression, let index = variable.index,
                    index.count == 1, index.first!.isLetter
                {
                    letters.insert(index)
                    vectors.append(variable.withoutIndex)
                }
                return false
            }
        }
        letters.formUnion(freeIndexLetters(terms))
        guard !letters.isEmpty else { return { _ in } }
        let entrywise = Set(reading.definitions.keys.filter { $0.index != nil }.map(\.withoutIndex))
        let definitions = reading.definitions
        let arrays = Set(vectors.filter { reading.arrayShape($0) != nil })
        let condition = reading.indexCondition
        return { evaluator throws(EvaluationFailure) in
            // A vector the formula differentiates by entry that is defined with a size of its own
            // (`z = Wx + b` for a 2×3 W) bounds the index letters: `∂softmax(z)_i/∂z_j` has i, j ≤ 2.
            var length = evaluator.vectorLength
            for vector in Set(vectors).sorted(by: { $0.description < $1.description }) where definitions[vector] != nil
            {
                if let value = try? evaluator.value(of: vector), !value.isSingle, value.rows == 1 || value.columns == 1
                {
                    length = min(length, value.entries.count)
                }
            }
            for _ in 0..<32 {
                for letter in letters.sorted() {
                    evaluator.bindIndex(letter, to: evaluator.randomInteger(in: 1...length))
                }
                guard let condition, case .variable(let a) = condition.lhs, case .variable(let b) = condition.rhs,
                    let i = evaluator.boundIndex(a.name), let j = evaluator.boundIndex(b.name)
                else { break }
                if condition.holds(Double(i), Double(j)) { break }
            }
            for vector in vectors
            where !arrays.contains(vector) && definitions[vector] == nil && !entrywise.contains(vector) {
                evaluator.provide(vector, evaluator.draw(vector, shape: [evaluator.vectorLength, 1]))
            }
        }
    }

    /// The index letters a formula leaves free, in its terms and in the entrywise definitions
    /// it reaches: the k and j of `∂p_k/∂z_j`, the c of `t_k = 1 if k = c`, the t of `v_t`.
    func freeIndexLetters(_ terms: [Expression]) -> Set<String> {
        var letters: Set<String> = []
        var seen: Set<Symbol> = []
        var work: [(Expression, Set<String>)] = terms.map { ($0, []) }
        while let (expression, own) = work.popLast() {
            for symbol in expression.freeSymbols {
                if let index = symbol.index, let (letter, _) = Self.timeIndex(index) {
                    if !own.contains(letter) { letters.insert(letter) }
                } else if let index = symbol.index, index.count <= 2, index.allSatisfy({ $0.isLowercase }) {
                    for letter in index where !own.contains(String(letter)) { letters.insert(String(letter)) }
                } else if symbol.index == nil, symbol.label == nil, symbol.accents.isEmpty, symbol.name.count == 1,
                    !own.contains(symbol.name), reading.definitions[symbol] == nil, reading.kind(of: symbol) == nil,
                    reading.index.indexLetters[symbol.name] != nil, symbol.name.first!.isLowercase,
                    expression.contains(where: Self.isIndexComparison(symbol))
                {
                    letters.insert(symbol.name)
                }
                guard seen.insert(symbol).inserted else { continue }
                if let definition = reading.definitions[symbol] { work.append((definition, [])) }
                if let template = reading.templates[symbol.withoutIndex], template.letter != symbol.index {
                    work.append((template.body, [template.letter]))
                }
            }
        }
        return letters
    }

    /// Whether an expression is a case condition comparing `symbol` (`k = c` in a `cases`).
    static func isIndexComparison(_ symbol: Symbol) -> (Expression) -> Bool {
        { expression in
            guard case .piecewise(let pieces) = expression else { return false }
            return pieces.contains { piece in
                guard let condition = piece.condition else { return false }
                return condition.lhs == .variable(symbol) || condition.rhs == .variable(symbol)
            }
        }
    }
}
