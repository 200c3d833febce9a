import LitmusDiagnostics
import TeX

/// Trees built by hand, with shapes the parser does not make today but `TeXNode` allows:
/// multi-letter roman identifiers, empty texts, sizes past 4, scripts with nothing on them…
/// The flat tree, writer and linter must agree with the `TeXNode` ones on these too.
enum SyntheticTrees {
    private static let at = SourceRange(at: .start)

    private static func node(_ kind: TeXNode.Kind) -> TeXNode { TeXNode(kind, at) }

    private static func symbol(_ text: String, _ atomClass: AtomClass) -> TeXSymbol {
        TeXSymbol(source: "\\" + text, text: text, atomClass: atomClass)
    }

    /// Each tree is a `.row`; its LaTeX is empty (every range is 1:1).
    static let trees: [TeXNode] = {
        let x = node(.identifier("x"))
        let pieces: [TeXNode] = [
            node(.styled(.roman, node(.identifier("ab")))), node(.styled(.roman, node(.identifier("\r\n")))),
            node(.styled(.roman, node(.identifier("é")))), node(.styled(.roman, node(.identifier("")))),
            node(.styled(.roman, node(.identifier("e\u{301}x")))), node(.styled(.roman, node(.identifier("😀")))),
            node(.identifier("Ωx")), node(.identifier("")), node(.identifier("Ω")), node(.identifier("\u{3A9}\u{301}")),
            node(.styled(.bold, node(.number("12")))), node(.styled(.bold, node(.identifier("a&b<\"")))),
            node(.styled(.doubleStruck, node(.identifier("R\u{1}")))),
            node(.styled(.boldItalic, node(.identifier("αβ\u{3A2}ϑϿ\u{380}x")))),
            node(.styled(.bold, node(.identifier("\u{370}Α")))), node(.styled(.sansSerif, node(.number("0.5")))),
            node(.styled(.italic, node(.number("3")))),
            node(.sizedDelimiter(symbol("(", .opening), size: 0)), node(.sizedDelimiter(symbol("|", .fence), size: 5)),
            node(.sizedDelimiter(symbol("<", .relation), size: 200)), node(.scripts(Scripts(base: x))),
            node(.scripts(Scripts(base: node(.function(name: "lim", limits: true))))),
            node(.scripts(Scripts(base: node(.largeOperator(symbol("∑", .largeOperator), limits: true)), primes: 1))),
            node(.scripts(Scripts(base: node(.overUnder(.overbrace, over: nil, under: nil, base: x)), sup: x))),
            node(.overUnder(.overset, over: nil, under: nil, base: x)),
            node(.overUnder(.underset, over: x, under: x, base: x)),
            node(.text("\u{1}a b\t", .monospace)), node(.text(" ", .sansSerif)), node(.text("", .boldItalic)),
            node(.symbol(symbol("∂", .ordinary))), node(.symbol(symbol("∂", .binary))),
            node(.symbol(symbol("+", .binary))), node(.symbol(symbol("&", .punctuation))),
            node(.symbol(symbol("", .ordinary))), node(.symbol(symbol("∂\u{301}", .ordinary))),
            node(.environment(Environment(name: "zzz", columnSpec: "rl", rows: [[x, x], [], [x]]))),
            node(.environment(Environment(name: "matrix", columnSpec: "l", rows: [[x, x]]))),
            node(.environment(Environment(name: "array", columnSpec: nil, rows: [[x, x]]))),
            node(.environment(Environment(name: "alignat", columnSpec: "2", rows: [[x, x, x], [x]]))),
            node(.environment(Environment(name: "array", columnSpec: "c\r\nl", rows: [[x, x, x]]))),
            node(.fenced(Fence(open: symbol("⟨", .opening), close: nil, body: x, isStretchy: true))),
            node(.fenced(Fence(open: nil, close: nil, body: node(.row([])), isStretchy: false))),
            node(.space(1e6)), node(.space(-0.5)), node(.space(0)), node(.color("", x)),
            node(.mathStyle(.script, node(.row([node(.symbol(symbol("-", .binary))), x])))),
            node(.root(node(.group([])), index: node(.group([x])))), node(.unknownCommand("&")), node(.error("<")),
            node(.group([node(.function(name: "f", limits: false))])),
            node(.accent(Accent(name: "widetilde", mark: "~", stretchy: true), node(.row([x, x])))),
            node(.fraction(.binom, node(.row([])), node(.group([node(.group([x]))])))),
            // Letters glued to each other (every range is 1:1) and to a parenthesis.
            node(
                .row(
                    ["R", "e", "l", "U"].map { node(.identifier($0)) } + [
                        node(.group([node(.symbol(symbol("(", .opening)))]))
                    ])),
            node(
                .row(
                    ["m", "a", "x"].map { node(.identifier($0)) } + [
                        node(.fenced(Fence(open: symbol("(", .opening), close: nil, body: x, isStretchy: false)))
                    ])),
        ]
        // Each piece alone, and all of them in one row (so each follows every kind of neighbour).
        return pieces.map { node(.row([$0])) } + [node(.row(pieces)), node(.row([]))]
    }()
}
