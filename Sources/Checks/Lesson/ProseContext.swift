import LessonMarkdown

/// The lesson's words around each formula: the last words of the text since the previous formula
/// (or the start of its paragraph, heading or table cell), the text up to the next one, and which
/// section it stands in. The reading uses them as a reader does, by general cues ("if", "where",
/// "such that" before a condition; "the matrix" before a symbol; "of shape" before a size), never
/// by recognising a particular sentence.
package struct ProseContext {
    /// The words around one formula.
    struct Around: Hashable {
        /// The words between this formula and the next of the block (or its end), split once.
        var afterWords: [String] = []
        /// The formula just before in the same block, if any.
        var previous: Int?
        /// The formula just after in the same block, if any.
        var next: Int?
        /// How many headings come before the formula: a new section starts a new example.
        var section = 0
        /// The words of the heading of that section (split once for all its formulas).
        var headingWords: [String] = []
        /// For a display that follows another with no words between them, the last 16 words that
        /// introduced the first ("He initialisation doubles the variance: $$…$$ $$…$$"): they
        /// name what the run is about, though their cues ("if", "where") were for the first.
        var introductionWords: [String] = []
    }

    /// By the formula's index (`MathSpan.index`); `nil` for a formula the walk did not meet.
    private var spans: [Around?]

    init(_ lesson: Lesson) {
        var section = 0
        var heading: [String] = []
        spans = Array(repeating: nil, count: lesson.math.count)
        beforeWords = Array(repeating: [], count: lesson.math.count)
        var stack: [MarkdownNode] = [lesson.document]
        while let node = stack.popLast() {
            switch node.kind {
            case .heading:
                section += 1
                heading = Self.words(node.plainText(math: lesson.math))
                read(block: node, section: section, heading: heading)
            case .paragraph, .tableCell:
                read(block: node, section: section, heading: heading)
            default:
                stack.append(contentsOf: node.children.reversed())
            }
        }
    }

    /// The words around formula `index` (empty for a formula the walk did not meet).
    subscript(index: Int) -> Around { spans.indices.contains(index) ? spans[index] ?? Around() : Around() }

    /// The last `count` words before formula `index`, lower-cased, letters and digits only.
    func wordsBefore(_ index: Int, count: Int = 6) -> [String] {
        beforeWords.indices.contains(index) ? Array(beforeWords[index].suffix(count)) : []
    }

    /// The first `count` words after formula `index`, lower-cased.
    func wordsAfter(_ index: Int, count: Int = 6) -> [String] {
        Array(self[index].afterWords.prefix(count))
    }

    /// The last words (16 at most) of the text before each formula: since the previous formula of
    /// its block or the block's start, running back over the earlier formulas of the block.
    private var beforeWords: [[String]]

    /// The words of `text`, lower-cased: runs of letters, digits and `-`.
    package static func words(_ text: String) -> [String] {
        // ASCII prose, the common case, by its bytes (the same words: its letters are A–Z and
        // a–z, its numbers 0–9); other text by Unicode's properties.
        var words: [String] = []
        var word: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0x80...:
                return text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") })
                    .map(String.init)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                word.append(byte)
            default:
                if !word.isEmpty {
                    words.append(String(decoding: word, as: UTF8.self))
                    word.removeAll(keepingCapacity: true)
                }
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }

    /// The last `count` words of `text`, as `words(text).suffix(count)` gives them, read from
    /// the end: the text before a formula runs back over a whole paragraph (up to `keepTail`'s
    /// 512 characters), and only its last words are kept.
    ///
    /// The end is read byte by byte while it is ASCII, up to the separator before the first word
    /// kept and the character before that separator (so no grapheme cluster crosses where the
    /// reading stops); anything else is split whole by `words`.
    package static func lastWords(_ text: String, count: Int) -> [String] {
        guard count > 0 else { return [] }
        let read = text.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            // The words' byte ranges, last first.
            var found: [Range<Int>] = []
            found.reserveCapacity(count)
            var end = bytes.count  // One past the last byte of the word being read, if any.
            var position = bytes.count
            reading: while position > 0 {
                let byte = bytes[position - 1]
                guard byte < 0x80 else { return nil }
                if Self.isWordByte(byte) {
                    position -= 1
                    continue
                }
                if position < end {
                    found.append(position..<end)
                    if found.count == count {
                        // The separator at `position - 1` ends the reading; the byte before it must
                        // be ASCII too (or absent) for the whole text to split there.
                        guard position < 2 || bytes[position - 2] < 0x80 else { return nil }
                        break reading
                    }
                }
                position -= 1
                end = position
            }
            if position == 0, position < end { found.append(position..<end) }
            return found.reversed().map { Self.lowercasedWord(bytes[$0]) }
        }
        if let words = read ?? nil { return words }
        return Array(words(text).suffix(count))
    }

    /// Whether an ASCII byte belongs to a word: a letter, a digit or `-`.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// An ASCII word, lower-cased.
    private static func lowercasedWord(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for (offset, byte) in bytes.enumerated() {
                buffer[offset] = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 0x20 : byte
            }
            return bytes.count
        }
    }

    // MARK: - Reading blocks

    /// The text at the end of the last block read (after its last formula), which is what a
    /// formula that opens the next block follows ("…differentiate the constraint:" before a display).
    private var lastTail = ""
    /// The last 16 words that introduced the last block opened by a formula after some words.
    private var lastOpening: [String] = []
    /// The whole text of the last block read, its formulas as `x`.
    private var lastSentence = ""

    private mutating func read(block: MarkdownNode, section: Int, heading: [String]) {
        var pieces: [Piece] = []
        collect(block, into: &pieces)
        var text = ""
        var sentence = ""
        var last: Int? = nil
        for piece in pieces {
            switch piece {
            case .text(let words):
                text += words
                sentence += words
            case .math(let index):
                // The words before a formula run back over earlier formulas of its block (a formula
                // stands for a word: "located where $y' = 0$, so where $…$") and, for a formula that
                // opens its block, into the end of the block before.
                let opening = last == nil && text.allSatisfy(\.isWhitespace)
                let context = opening ? lastTail + " " + text : sentence
                if index >= spans.count {
                    // Only the lesson's formulas are sized for; any other index grows the tables.
                    spans += Array(repeating: nil, count: index + 1 - spans.count)
                    beforeWords += Array(repeating: [], count: index + 1 - beforeWords.count)
                }
                beforeWords[index] = Self.lastWords(context, count: 16)
                var around = Around(previous: last, section: section, headingWords: heading)
                if opening {
                    if context.contains(where: \.isLetter) {
                        lastOpening = Self.lastWords(context, count: 16)
                        // "The mean squared error of $\hat{y}$ against $y$ is" before a display: the
                        // words that name it come before the last formula of that block.
                        if lastSentence != lastTail {
                            around.introductionWords = Self.lastWords(lastSentence, count: 16)
                        }
                    } else {
                        around.introductionWords = lastOpening
                    }
                }
                if let last {
                    spans[last]?.afterWords = Self.words(text)
                    spans[last]?.next = index
                }
                around.previous = last
                spans[index] = around
                last = index
                text = ""
                sentence += " x "
                Self.keepTail(of: &sentence)
            }
        }
        if let last { spans[last]?.afterWords = Self.words(text) }
        lastTail = last == nil ? sentence : text
        lastSentence = sentence
    }

    /// Only the last words before a formula are read (`wordsBefore`, 16 at most), so the text
    /// that runs back over the earlier formulas of a block is cut to its last 256 characters
    /// once it passes 512, at a word's start and only where those still hold 17 words: the same
    /// words as the whole text, kept in linear time over a paragraph of many formulas.
    static func keepTail(of text: inout String) {
        guard text.utf8.count > 512 else { return }
        var start = text.index(text.endIndex, offsetBy: -256, limitedBy: text.startIndex) ?? text.startIndex
        while start < text.endIndex, text[start].isLetter || text[start].isNumber || text[start] == "-" {
            start = text.index(after: start)
        }
        let tail = text[start...]
        guard words(String(tail)).count >= 17 else { return }
        text = String(tail)
    }

    private enum Piece {
        case text(String)
        case math(Int)
    }

    private func collect(_ node: MarkdownNode, into pieces: inout [Piece]) {
        var stack: [MarkdownNode] = Array(node.children.reversed())
        while let child = stack.popLast() {
            switch child.kind {
            case .text(let text), .code(let text): pieces.append(.text(text))
            case .softBreak, .lineBreak: pieces.append(.text(" "))
            case .math(let index): pieces.append(.math(index))
            case .htmlInline: pieces.append(.text(" "))
            default: stack.append(contentsOf: child.children.reversed())
            }
        }
    }
}
