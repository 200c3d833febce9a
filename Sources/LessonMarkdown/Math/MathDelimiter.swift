/// How a math span is delimited in the lesson source.
public enum MathDelimiter: Hashable, Sendable {
    /// `$…$`, inline (Jupyter style: inner spaces allowed, may span lines of one paragraph).
    case dollar
    /// `$$…$$`, display, also inside a paragraph or list item; may contain blank lines.
    case doubleDollar
    /// `\(…\)`, inline.
    case parenthesis
    /// `\[…\]`, display.
    case bracket
    /// A bare `\begin{name}…\end{name}` standing in the text, display; the LaTeX includes both.
    case environment(String)
    /// A ```` ```math ```` fence, display.
    case fence
    /// kramdown's `\\(…\\)`, inline: the escaped backslash reaches MathJax as `\(`.
    case doubleBackslashParenthesis
    /// kramdown's `\\[…\\]`, display.
    case doubleBackslashBracket
    /// MyST's ``{math}`…` `` role, inline.
    case role
    /// MyST's ```` ```{math} ```` directive, display; its `:label:` option names it.
    case directive

    /// Whether spans so delimited are display math (kramdown's `$$…$$` is inline inside text:
    /// `MathSpan.isDisplay` says what a span is).
    public var isDisplay: Bool {
        switch self {
        case .dollar, .parenthesis, .doubleBackslashParenthesis, .role: false
        case .doubleDollar, .bracket, .environment, .fence, .doubleBackslashBracket, .directive: true
        }
    }

    /// The opening delimiter as written.
    public var opening: String {
        switch self {
        case .dollar: "$"
        case .doubleDollar: "$$"
        case .parenthesis: "\\("
        case .bracket: "\\["
        case .environment(let name): "\\begin{\(name)}"
        case .fence: "```math"
        case .doubleBackslashParenthesis: "\\\\("
        case .doubleBackslashBracket: "\\\\["
        case .role: "{math}`"
        case .directive: "```{math}"
        }
    }

    /// The closing delimiter as written.
    public var closing: String {
        switch self {
        case .dollar: "$"
        case .doubleDollar: "$$"
        case .parenthesis: "\\)"
        case .bracket: "\\]"
        case .environment(let name): "\\end{\(name)}"
        case .fence, .directive: "```"
        case .doubleBackslashParenthesis: "\\\\)"
        case .doubleBackslashBracket: "\\\\]"
        case .role: "`"
        }
    }

    /// A short name for reports: `$`, `$$`, `\(`, `\[`, `\\(`, `\\[`, `env`, `fence`, `role`,
    /// `directive`.
    public var name: String {
        switch self {
        case .dollar: "$"
        case .doubleDollar: "$$"
        case .parenthesis: "\\("
        case .bracket: "\\["
        case .environment: "env"
        case .fence: "fence"
        case .doubleBackslashParenthesis: "\\\\("
        case .doubleBackslashBracket: "\\\\["
        case .role: "role"
        case .directive: "directive"
        }
    }

    /// Environments that Jupyter renders as display math when they stand bare in the text.
    static let bareEnvironments: Set<String> = [
        "equation", "equation*", "align", "align*", "aligned", "alignat", "alignat*", "gather", "gather*",
        "gathered", "multline", "multline*", "flalign", "flalign*", "eqnarray", "eqnarray*", "split",
        "displaymath",
    ]
}
