extension Evaluator {
    // MARK: - Indexed definitions and the Kronecker delta

    /// The symbol with its letter indices replaced by the numbers they stand for now: `p_k` with
    /// k = 3 is `p_3`. Derivative seeds are compared in this form, so ∂L/∂p_k inside a sum over k
    /// means one entry, whatever the definitions it passes through call their own indices.
    func resolved(_ symbol: Symbol) -> Symbol {
        guard let index = symbol.index, index.contains(where: \.isLetter) else { return symbol }
        let parts =
            index.contains(",")
            ? index.split(separator: ",").map { String($0).trimmingSpaces }
            : (index.allSatisfy(\.isLetter) ? index.map { String($0) } : [index])
        var numbers: [String] = []
        for part in parts {
            if let bound = indices[part] { numbers.append(String(bound)) } else { return symbol }
        }
        var copy = symbol
        copy.index = numbers.joined(separator: ",")
        return copy
    }

    /// The key a defined symbol's value is cached under: itself, or with its index letters
    /// replaced by their values (`p_3`) when its definition uses no other free index letter.
    func cacheKey(_ symbol: Symbol, _ definition: Expression) -> Symbol? {
        guard let index = symbol.index, index.contains(where: \.isLetter) else { return symbol }
        let own = Set(index.filter(\.isLetter).map(String.init))
        for used in definition.freeSymbols {
            if let inner = used.index, inner.contains(where: { $0.isLetter && !own.contains(String($0)) }) {
                return nil
            }
            if used.index == nil, used.label == nil, used.name.count == 1, indices[used.name] != nil,
                !own.contains(used.name)
            {
                return nil
            }
        }
        let key = resolved(symbol)
        return key == symbol ? nil : key
    }

    /// An entrywise definition `p_k = …` of the vector p: its index letter and body.
    func template(for symbol: Symbol) -> (letter: String, body: Expression)? {
        templates.isEmpty ? nil : templates[symbol.withoutIndex]
    }

    /// The entrywise definitions among `definitions`, by the vector they define. Where two define
    /// the same vector (`p_j`, `p_k`), the one whose name sorts last holds, whatever order the
    /// table's hashing gives.
    public static func templates(in definitions: [Symbol: Expression]) -> [Symbol: (letter: String, body: Expression)] {
        var out: [Symbol: (letter: String, body: Expression)] = [:]
        var chosen: [Symbol: Symbol] = [:]
        for (key, body) in definitions {
            guard let letter = key.index, letter.count == 1, letter.first!.isLetter else { continue }
            let vector = key.withoutIndex
            if let other = chosen[vector], other.description > key.description { continue }
            chosen[vector] = key
            out[vector] = (letter, body)
        }
        return out
    }

    /// `p_j` (or `p_2`) from the entrywise definition `p_k = …`, or the whole vector `p`.
    mutating func fromTemplate(_ symbol: Symbol) throws(EvaluationFailure) -> Tensor? {
        guard let (letter, body) = template(for: symbol) else { return nil }
        let saved = indices[letter]
        defer { indices[letter] = saved }
        if let index = symbol.index {
            let number: Int
            let compact = index.filter { $0 != " " }
            if let value = Int(index) {
                number = value
            } else if let bound = indices[index] {
                number = bound
            } else if let sign = compact.dropFirst().first, sign == "+" || sign == "-",
                let bound = indices[String(compact.prefix(1))], let offset = Int(compact.dropFirst(2))
            {
                // `x_{t-1}` inside the recurrence for x_t: one step back.
                number = bound + (sign == "+" ? offset : -offset)
            } else {
                throw .unsupported(.index, index)
            }
            var entry = symbol
            entry.index = String(number)
            // Where the sequence starts (`x_0 = 1`), its stated value, not the recurrence.
            if definitions[entry] != nil, entry != symbol { return try value(of: entry) }
            guard number >= 0 || Int(index) != nil else { throw .unsupported(.index, "\(index) before the start") }
            indices[letter] = number
            // `x_t = 2^t x_0` asks for x_0 through the same template: an entry that needs itself.
            guard !inProgress.contains(entry) else { throw .unsupported(.selfReference, entry.description) }
            inProgress.insert(entry)
            defer { inProgress.remove(entry) }
            return try value(of: body)
        }
        // The whole vector: one entry per value of the index (its length from the vectors it uses).
        let length = try rangeLength(of: letter, in: body) ?? vectorLength
        var entries: [Dual] = []
        for k in 1...max(length, 1) {
            indices[letter] = k
            let entry = try value(of: body)
            guard entry.isSingle else { throw .shape("an entry of \(symbol) is a \(entry.shapeText) matrix") }
            entries.append(entry.entries[0])
        }
        return Tensor(rows: entries.count, columns: 1, entries: entries)
    }

    /// δ_{kj}, the Kronecker delta: 1 when the two indices are equal, 0 otherwise (unless the
    /// lesson gives δ another meaning).
    func kronecker(_ symbol: Symbol) -> Tensor? {
        guard symbol.name == "δ", symbol.label == nil, symbol.accents.isEmpty, let index = symbol.index,
            definitions[symbol] == nil, definitions[symbol.withoutIndex] == nil, bindings[symbol.withoutIndex] == nil,
            shapes[symbol.withoutIndex] == nil
        else { return nil }
        let parts =
            index.contains(",")
            ? index.split(separator: ",").map { String($0).trimmingSpaces }
            : index.map { String($0) }
        guard parts.count == 2 else { return nil }
        let numbers = parts.compactMap { part in Int(part) ?? indices[part] }
        guard numbers.count == 2 else { return nil }
        return Tensor(numbers[0] == numbers[1] ? 1 : 0)
    }
}
