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

    /// Whether the span is display math.
    public var isDisplay: Bool {
        switch self {
        case .dollar, .parenthesis: false
        case .doubleDollar, .bracket, .environment, .fence: true
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
        case .fence: "```"
        }
    }

    /// A short name for reports: `$`, `$$`, `\(`, `\[`, `env`, `fence`.
    public var name: String {
        switch self {
        case .dollar: "$"
        case .doubleDollar: "$$"
        case .parenthesis: "\\("
        case .bracket: "\\["
        case .environment: "env"
        case .fence: "fence"
        }
    }

    /// Environments that Jupyter renders as display math when they stand bare in the text.
    static let bareEnvironments: Set<String> = [
        "equation", "equation*", "align", "align*", "aligned", "alignat", "alignat*", "gather", "gather*",
        "gathered", "multline", "multline*", "flalign", "flalign*", "eqnarray", "eqnarray*", "split",
        "displaymath",
    ]
}
