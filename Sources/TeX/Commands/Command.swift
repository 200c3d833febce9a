/// What a built-in command does, as the parser needs to know it.
enum Command: Sendable {
    /// A letter-like symbol written as an identifier: Greek letters, `\ell`.
    case identifier(String)
    /// A symbol with an atom class: `\in`, `\cdot`, `\infty`, `\{`.
    case symbol(String, AtomClass)
    /// `\sum`, `\int`…; `limits` says whether scripts go below and above in display style.
    case largeOperator(String, limits: Bool)
    /// `\log`, `\max`…: an upright name; `limits` as for large operators.
    case function(String, limits: Bool)
    /// `\operatorname{…}` (`limits` for the starred form is read from the `*`).
    case operatorName
    /// `\mathbf{…}` and friends.
    case font(MathFont)
    /// `\text{…}` and friends: an argument read as text.
    case text(MathFont)
    case fraction(FractionKind)
    case sqrt
    /// An accent, by its index in `CommandTable.accents`.
    case accent(Int)
    case overUnder(OverUnderKind)
    /// `\stackrel{over}{base}`, the same as `\overset`.
    case stackrel
    /// Fixed horizontal space in em (`\,` is 3/18 em).
    case space(Double)
    /// `\hspace{…}`, `\hskip`, `\kern`…: a space whose width is an argument.
    case spaceArgument
    case left, right, middle
    /// `\big` and friends at size 1…4.
    case big(Int)
    case begin, end
    case mathStyle(MathStyle)
    /// `\color{red}`: colours the rest of the group.
    case color
    /// `\textcolor{red}{…}`.
    case textColor
    case limits(Bool)
    /// `\newcommand`, `\renewcommand`, `\providecommand`.
    case newCommand
    case def
    case declareMathOperator
    case lineBreak
    case substack
    /// `\not`: negates the following relation.
    case not
    /// `\mathop{…}`: its argument as an operator with limits.
    case mathOperator
    /// `\mathrel{…}`, `\mathbin{…}`…: its argument in an atom class.
    case mathClass(AtomClass)
    /// `\over`, `\choose`, `\atop`, `\above`, `\brace`, `\brack`: the group before it over the
    /// group after it.
    case infixFraction(FractionKind)
    /// `\xrightarrow[below]{above}` and its relatives: an arrow under and over its arguments.
    case extensibleArrow(String)
    case label
    case tag
    /// `\nonumber`, `\notag`.
    case noNumber
    /// `\ref` (`equation` false) and `\eqref`.
    case reference(equation: Bool)
    case enclose(EncloseNotation)
    case phantom(PhantomKind)
    /// `\small`, `\large`…: a switch to a size relative to the text.
    case sizing(Double)
    /// `\rm`, `\bf`…: a switch to a font for the rest of the group.
    case fontSwitch(MathFont)
    /// Commands that show nothing: `\relax`, `\allowbreak`, `\hline` (rules are not drawn).
    case ignored
}
