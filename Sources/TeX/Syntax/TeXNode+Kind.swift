extension TeXNode {
    /// The kinds of node. Leaves keep their text as Unicode (`\sigma` is the identifier `σ`),
    /// containers keep their children, so a later stage can lower the tree to meaning.
    public indirect enum Kind: Hashable, Sendable {
        /// A run of nodes that stands as one expression: the whole formula, or one table cell.
        case row([TeXNode])
        /// A braced group `{…}`; kept apart from `row` so `W^{(l)}` and `W^(` can be told apart.
        case group([TeXNode])
        /// A single letter or Greek letter in math italic (`x`, `σ`, `ℓ`).
        case identifier(String)
        /// A run of digits, possibly with one decimal point (`2`, `0.01`).
        case number(String)
        /// An operator, relation, fence or ordinary symbol such as `+`, `=`, `\in`, `\partial`.
        case symbol(TeXSymbol)
        /// `\sum`, `\prod`, `\int`…: a large operator, whose scripts may sit below and above it.
        case largeOperator(TeXSymbol, limits: Bool)
        /// `\log`, `\tanh`, `\max`, `\operatorname{ReLU}`: an upright function name.
        case function(name: String, limits: Bool)
        /// A font command applied to math (`\mathbf{W}`, `\mathbb{R}`, `\mathrm{d}`).
        case styled(MathFont, TeXNode)
        /// Text typed in a math formula (`\text{if }`), in a font.
        case text(String, MathFont)
        /// A base with a subscript, a superscript and primes.
        case scripts(Scripts)
        /// `\frac{num}{den}` and its relatives `\tfrac`, `\dfrac`, `\binom`.
        case fraction(FractionKind, TeXNode, TeXNode)
        /// `\sqrt{x}` or `\sqrt[n]{x}`.
        case root(TeXNode, index: TeXNode?)
        /// An accent over (or under) a base: `\hat{y}`, `\bar{x}`, `\vec{v}`, `\overline{AB}`.
        case accent(Accent, TeXNode)
        /// `\overbrace`, `\underbrace`, `\overset`, `\underset`, `\stackrel`: a base with material
        /// above or below it.
        case overUnder(OverUnderKind, over: TeXNode?, under: TeXNode?, base: TeXNode)
        /// A body between delimiters: `\left( … \right)` or a matched plain pair `( … )`.
        case fenced(Fence)
        /// `\begin{name} … \end{name}` with its rows of cells.
        case environment(Environment)
        /// Horizontal space such as `\,`, `\quad` or `\hspace{1em}`, width in em.
        case space(Double)
        /// `\big(`, `\Bigr]`…: a delimiter at a fixed size (1 to 4).
        case sizedDelimiter(TeXSymbol, size: Int)
        /// `\displaystyle`, `\textstyle`…: the rest of the enclosing group in that style.
        case mathStyle(MathStyle, TeXNode)
        /// `\color{red}` (rest of the group) or `\textcolor{red}{…}`.
        case color(String, TeXNode)
        /// `\\` outside an environment.
        case lineBreak
        /// `\label{name}`: names the formula (or its row of an `align`); shows nothing.
        case label(String)
        /// `\tag{text}`, or `\tag*{text}` (`starred`: no parentheses): the text shown instead of
        /// the formula's number.
        case tag(String, starred: Bool)
        /// `\nonumber` or `\notag`: the formula (or its row) has no number.
        case noNumber
        /// `\eqref{name}` (`equation`: shown in parentheses) or `\ref{name}`.
        case reference(String, equation: Bool)
        /// A bar that divides the body of a pair into parts: `\middle|`, `\mid`, or the one
        /// plain `|` inside a pair (`P(A|B)`, `\{x \mid x > 0\}`); `stretchy` for `\middle`.
        case divider(TeXSymbol, stretchy: Bool)
        /// `\boxed{…}`, `\cancel{…}`…: content with a frame or strokes.
        case enclosed(EncloseNotation, TeXNode)
        /// `\phantom{…}`, `\hphantom`, `\vphantom`, `\smash`.
        case phantom(PhantomKind, TeXNode)
        /// `\small`, `\large`…: the rest of the enclosing group at a size relative to the text
        /// (`\small` is 0.9).
        case sizing(Double, TeXNode)
        /// A command the parser does not know; a diagnostic names it.
        case unknownCommand(String)
        /// Material that could not be read (a diagnostic says why), kept as its source text.
        case error(String)
    }
}
