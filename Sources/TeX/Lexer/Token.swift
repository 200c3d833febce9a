/// One lexical token of LaTeX math: a plain value, so the parser can copy, push back and
/// compare tokens without reference counting. Its text stays in the bytes it was read from.
struct Token: Sendable {
    /// The kinds of token; TeX's category codes, reduced to what math needs.
    enum Kind: UInt8, Sendable {
        /// `\name`, or `\` and one other character (`\,`, `\{`, `\\`).
        case command
        /// One ASCII letter or one non-ASCII character (with any combining marks after it).
        case letter
        /// A run of digits, with at most one decimal point between digits.
        case number
        /// Any other single ASCII character: `+`, `(`, `=`, `'`, `,`…
        case character
        case beginGroup, endGroup, caret, underscore, alignment
        /// `#1`…`#9` in a macro body.
        case parameter
        /// `~`: a non-breaking space.
        case tie
        case end
    }

    // The fields are in this order so that a token takes 24 bytes.
    var kind: Kind
    /// Whether white space came just before the token. Math mode ignores it; text arguments
    /// (`\text{if }`) show it as one space, and a few constructs must be glued (`\\[2pt]`).
    var spaceBefore = false
    /// Which bytes hold the text: 0 for the formula, otherwise a macro body the reader holds
    /// (at most `TeXParser.maximumExpansions` of them).
    var buffer: UInt16 = 0
    /// A command's `CommandTable` id (`CommandTable.unknown` if it has none), a character's
    /// byte, or a parameter's number.
    var value: UInt32 = 0
    /// Where the token stands in the formula, as byte offsets; a macro's expansion takes the
    /// place of its call.
    var start: Int32
    var end: Int32
    /// The token's text in its bytes (a command's name, without the backslash that precedes it).
    var textStart: Int32
    var textEnd: Int32

    init(_ kind: Kind, value: UInt32 = 0, start: Int32, end: Int32, textStart: Int32, textEnd: Int32) {
        self.kind = kind
        self.value = value
        self.start = start
        self.end = end
        self.textStart = textStart
        self.textEnd = textEnd
    }

    /// Whether this is the character `byte`.
    func isCharacter(_ byte: UInt8) -> Bool { kind == .character && value == UInt32(byte) }

    /// Whether this is the built-in command `command`.
    func isCommand(_ command: CommandTable.Builtin) -> Bool { kind == .command && value == command.rawValue }
}
