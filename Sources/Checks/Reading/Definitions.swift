import Formulas

/// The lesson's definitions so far, symbol by symbol, with the entrywise ones (`p_k = …`, which
/// every evaluator needs as templates) kept up to date as each is written, so defining one more
/// symbol costs the same however many the lesson has (`Evaluator.templates` rebuilds from all).
package struct Definitions: Sequence {
    package private(set) var all: [Symbol: Expression] = [:]
    /// The entrywise definitions among `all`, by the symbol without its index: the index letter
    /// and the body. Where two share a symbol (`p_k`, `p_j`), the later written holds.
    package private(set) var templates: [Symbol: (letter: String, body: Expression)] = [:]
    /// The entrywise definitions of each symbol in the order they were written, so that removing
    /// the latest gives its place back to the one before (never to whichever a hash order finds).
    private var written: [Symbol: [Symbol]] = [:]

    /// Definitions from a table; where two entrywise ones share a symbol, the one whose name sorts
    /// last holds (a table has no order of writing, and the choice must not depend on the process).
    package init(_ definitions: [Symbol: Expression] = [:]) {
        for (symbol, body) in definitions.sorted(by: { $0.key.description < $1.key.description }) {
            self[symbol] = body
        }
    }

    package subscript(symbol: Symbol) -> Expression? {
        get { all[symbol] }
        set {
            all[symbol] = newValue
            guard let letter = Self.templateLetter(symbol) else { return }
            let base = symbol.withoutIndex
            written[base, default: []].removeAll { $0 == symbol }
            if let newValue {
                written[base, default: []].append(symbol)
                templates[base] = (letter, newValue)
            } else if let previous = written[base]?.last, let body = all[previous] {
                templates[base] = (Self.templateLetter(previous)!, body)
            } else {
                templates[base] = nil
                written[base] = nil
            }
        }
    }

    package var keys: Dictionary<Symbol, Expression>.Keys { all.keys }

    package func makeIterator() -> Dictionary<Symbol, Expression>.Iterator { all.makeIterator() }

    /// The index letter of an entrywise definition's symbol (`k` of `p_k`), as
    /// `Evaluator.templates` reads it.
    private static func templateLetter(_ symbol: Symbol) -> String? {
        guard let letter = symbol.index, letter.count == 1, letter.first!.isLetter else { return nil }
        return letter
    }
}
