import Formulas

/// The lesson's definitions so far, symbol by symbol, with the entrywise ones (`p_k = …`, which
/// every evaluator needs as templates) kept up to date as each is written, so defining one more
/// symbol costs the same however many the lesson has (`Evaluator.templates` rebuilds from all).
struct Definitions: Sequence {
    private(set) var all: [Symbol: Expression] = [:]
    /// The entrywise definitions among `all`, by the symbol without its index: the index letter
    /// and the body. Where two share a symbol (`p_k`, `p_j`), the later written holds.
    private(set) var templates: [Symbol: (letter: String, body: Expression)] = [:]

    init(_ definitions: [Symbol: Expression] = [:]) {
        for (symbol, body) in definitions { self[symbol] = body }
    }

    subscript(symbol: Symbol) -> Expression? {
        get { all[symbol] }
        set {
            all[symbol] = newValue
            guard let letter = Self.templateLetter(symbol) else { return }
            if let newValue {
                templates[symbol.withoutIndex] = (letter, newValue)
            } else if templates[symbol.withoutIndex]?.letter == letter {
                // Another entrywise definition of the same symbol, if any, takes its place.
                templates[symbol.withoutIndex] = all.first {
                    Self.templateLetter($0.key) != nil
                        && $0.key.withoutIndex == symbol.withoutIndex
                }.map { (Self.templateLetter($0.key)!, $0.value) }
            }
        }
    }

    var keys: Dictionary<Symbol, Expression>.Keys { all.keys }

    func makeIterator() -> Dictionary<Symbol, Expression>.Iterator { all.makeIterator() }

    /// The index letter of an entrywise definition's symbol (`k` of `p_k`), as
    /// `Evaluator.templates` reads it.
    private static func templateLetter(_ symbol: Symbol) -> String? {
        guard let letter = symbol.index, letter.count == 1, letter.first!.isLetter else { return nil }
        return letter
    }
}
