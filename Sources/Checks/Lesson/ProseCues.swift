/// General cues in the words just before a formula, as a reader uses them: a condition is
/// announced by "if", "such that", "where", "solve"…; a kind by "the matrix", "a vector".
enum ProseCues {
    /// Words that announce a condition, an equation to solve, or a special point rather than an
    /// identity ("if", "such that", "solve", "the minimizer", "a constraint").
    static let conditionWords: Set<String> = [
        "if", "when", "whenever", "such", "satisfies", "satisfy", "satisfying", "satisfied", "suppose", "assume",
        "assuming", "unless", "iff", "solve", "solving", "solution", "solutions", "setting", "condition",
        "conditions", "constraint", "constraints", "equation", "equations", "require", "requires", "requiring",
        "impose", "imposes", "enforce", "minimizer", "minimiser", "minimum", "maximizer", "maximiser", "maximum",
        "optimum", "optimal", "stationary", "critical", "root", "roots",
    ]

    /// Whether the last words before a formula announce a condition.
    ///
    /// "satisfies" after a function's name ("the sigmoid satisfies", "the function satisfies")
    /// announces an identity of that function, not a condition: `identitySubjects` are the names
    /// of functions the lesson or the engine knows.
    static func announcesCondition(_ wordsBefore: [String], identitySubjects: Set<String> = []) -> Bool {
        let recent = wordsBefore.suffix(8)
        guard let cue = recent.lastIndex(where: { conditionWords.contains($0) }) else { return false }
        if recent[cue].hasPrefix("satisf"), cue > recent.startIndex {
            let subject = recent[recent.index(before: cue)]
            if identitySubjects.contains(subject) || functionWords.contains(subject) { return false }
        }
        // "if $\epsilon = 10^{-7}$, then $\epsilon^2 = 10^{-14}$": what follows "then" is a consequence,
        // unless another cue follows it ("so where $-2x + 3 = 0$").
        guard let consequence = recent[cue...].lastIndex(where: { consequenceWords.contains($0) }) else { return true }
        return recent[consequence...].contains { looseConditionWords.contains($0) }
    }

    /// Whether the word just before a formula draws a consequence (`…, so $H = \log k$`).
    static func announcesConsequence(_ wordsBefore: [String]) -> Bool {
        wordsBefore.last.map(consequenceWords.contains) ?? false
    }

    /// Words after which a formula states a consequence, not a condition.
    static let consequenceWords: Set<String> = ["then", "so", "thus", "hence", "therefore"]

    /// Words that introduce a condition only loosely ("where", "those matrices where"): they
    /// make a failing equation in unknowns a condition, never a claim about defined quantities.
    static let looseConditionWords: Set<String> = [
        "where", "matrices", "vectors", "functions", "values", "points", "numbers", "want", "located", "whose",
    ]

    /// Whether the last words before a formula loosely announce a condition; `announced` is
    /// whether they announce one (`announcesCondition`, read once by the caller).
    static func looselyAnnouncesCondition(_ wordsBefore: [String], announced: Bool) -> Bool {
        announced || wordsBefore.suffix(6).contains { looseConditionWords.contains($0) }
    }

    /// Words that name a function whatever it is ("the function satisfies", "its derivative
    /// satisfies"): what they satisfy is an identity.
    static let functionWords: Set<String> = ["function", "functions", "activation", "derivative", "gradient"]

    /// Words that announce a new, hypothetical example ("e.g.", "for instance", "another").
    static let exampleWords: Set<String> = ["example", "instance", "imagine", "another", "hypothetical", "consider"]

    /// Whether the words just before a formula start a new example (`e.g. $f'(x) = 2$`).
    static func announcesExample(_ wordsBefore: [String]) -> Bool {
        let recent = Array(wordsBefore.suffix(6))
        if recent.contains(where: exampleWords.contains) { return true }
        // "e.g." reads as the words "e" and "g".
        return zip(recent, recent.dropFirst()).contains { $0 == "e" && $1 == "g" }
    }

    /// The kind a word just before a symbol gives it ("the matrix $V$", "vectors $x$").
    static func kindWord(_ wordsBefore: [String]) -> KindWord? {
        for word in wordsBefore.suffix(2).reversed() {
            switch word {
            case "matrix", "matrices": return .matrix
            case "vector", "vectors": return .vector
            case "scalar", "scalars", "number", "numbers": return .scalar
            default: continue
            }
        }
        return nil
    }

    enum KindWord { case matrix, vector, scalar }

    /// Words that introduce the size of the symbol named just before ("of shape", "of size").
    static let shapeWords: Set<String> = ["shape", "size", "dimension", "dimensions", "dimensionality"]

    /// Words that say the symbols before them stand in place of those after ("replacing").
    static let replacementWords: Set<String> = ["replacing", "replace", "instead"]
}
