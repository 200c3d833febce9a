import Checks
import Testing

/// The last words before a formula are read from the end of the text; they must be the words
/// the whole text splits into, whatever the text holds before them or around them.
@Suite struct ProseContextTests {
    static let texts = [
        "",
        "a",
        "  Hello, World!  ",
        "The weight-decay term keeps 42 weights small; the bias is left alone, as before.",
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen",
        // Unicode before the last words, inside them, and just before the separator that ends them.
        "Ünïcode ahead, then plain words close the sentence here",
        "a naïve first guess",
        "é x y",
        // A combining accent on an ASCII letter, and a prepended letter on the separator.
        "the cafe\u{301} serves x",
        "word \u{0D4E} next",
        "\u{0D4E} next",
        "tabs\tand\nnew lines\r\nend",
    ]

    @Test(arguments: texts)
    func lastWordsAreTheLastOfTheWords(text: String) {
        let words = ProseContext.words(text)
        for count in 0...18 {
            #expect(
                ProseContext.lastWords(text, count: count) == Array(words.suffix(count)),
                "\(count) last words of \(text.debugDescription)")
        }
    }

    @Test func wordsAreLowerCasedRunsOfLettersDigitsAndHyphens() {
        #expect(ProseContext.words("The ReLU6-unit, 2 x") == ["the", "relu6-unit", "2", "x"])
    }
}
