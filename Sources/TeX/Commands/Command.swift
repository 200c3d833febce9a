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
    /// Commands that take one argument and show nothing: `\label`, `\tag` is shown nowhere either.
    case ignoredWithArgument
    /// Commands that show nothing: `\nonumber`, `\notag`, `\nolimits` on a non-operator.
    case ignored
}
