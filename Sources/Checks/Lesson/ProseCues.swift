/// General cues in the words just before a formula, as a reader uses them: a condition is
/// announced by "if", "such that", "where", "solve"…; a kind by "the matrix", "a vector".
enum ProseCues {
    /// Words that announce a condition or an equation to solve rather than an identity.
    static let conditionWords: Set<String> = [
        "if", "when", "whenever", "where", "whereby", "such", "satisfies", "satisfy", "satisfying", "suppose",
        "assume", "assuming", "given", "unless", "iff", "solve", "solving", "solution", "solutions", "setting",
        "set", "condition", "conditions", "constraint", "constraints", "equation", "equations", "require",
        "requires", "requiring", "whose", "find", "want", "impose", "imposes", "enforce", "holds", "until",
    ]

    /// Whether the last words before a formula announce a condition.
    static func announcesCondition(_ wordsBefore: [String]) -> Bool {
        wordsBefore.suffix(6).contains { conditionWords.contains($0) }
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
