import LitmusDiagnostics

/// One lexical token of LaTeX math, with where it was read.
struct Token: Hashable, Sendable {
    /// The kinds of token; TeX's category codes, reduced to what math needs.
    enum Kind: Hashable, Sendable {
        /// `\name`, or `\` and one other character (`\,`, `\{`, `\\`); the name has no backslash.
        case command(String)
        /// One ASCII letter or one non-ASCII character (with any combining marks after it).
        case letter(String)
        /// A run of digits, with at most one decimal point between digits.
        case number(String)
        /// Any other single character: `+`, `(`, `=`, `'`, `,`…
        case character(Character)
        case beginGroup, endGroup, caret, underscore, alignment
        /// `#1`…`#9` in a macro body.
        case parameter(Int)
        /// A run of white space (kept for `\text{…}`; math mode skips it).
        case space
        /// `~`: a non-breaking space.
        case tie
        case end
    }

    var kind: Kind
    var range: SourceRange

    /// The source spelling of the token, for text arguments and messages.
    var spelling: String {
        switch kind {
        case .command(let name): "\\" + name
        case .letter(let text), .number(let text): text
        case .character(let character): String(character)
        case .beginGroup: "{"
        case .endGroup: "}"
        case .caret: "^"
        case .underscore: "_"
        case .alignment: "&"
        case .parameter(let number): "#\(number)"
        case .space: " "
        case .tie: "~"
        case .end: ""
        }
    }
}
