/// The font of math letters or text, as chosen by `\mathbf`, `\mathbb`, `\text`…
public enum MathFont: String, Hashable, Sendable, CaseIterable {
    /// The default: italic single letters, upright digits and names.
    case normal
    /// `\mathrm`, `\text`, `\textrm`: upright.
    case roman
    /// `\mathbf`, `\textbf`: bold upright.
    case bold
    /// `\mathit`, `\textit`: italic.
    case italic
    /// `\boldsymbol`, `\bm`: bold italic (bold Greek too).
    case boldItalic
    /// `\mathbb`: double-struck (ℝ).
    case doubleStruck
    /// `\mathcal`, `\mathscr`: script.
    case script
    /// `\mathfrak`: fraktur.
    case fraktur
    /// `\mathsf`, `\textsf`: sans-serif.
    case sansSerif
    /// `\mathtt`, `\texttt`: monospace.
    case monospace
}

/// The math styles that `\displaystyle` and its siblings select.
public enum MathStyle: String, Hashable, Sendable {
    /// `\displaystyle`: as in display math, large operators with limits below and above.
    case display
    /// `\textstyle`: as in inline math.
    case text
    /// `\scriptstyle`: the size of a first-level script.
    case script
    /// `\scriptscriptstyle`: the size of a second-level script.
    case scriptScript
}

/// The kinds of fraction-like commands.
public enum FractionKind: String, Hashable, Sendable {
    /// `\frac`: in the current style.
    case frac
    /// `\tfrac`: in text style.
    case tfrac
    /// `\dfrac`: in display style.
    case dfrac
    /// `\binom`, `{n \choose k}`: a binomial coefficient, no rule, in parentheses.
    case binom
    /// `{a \atop b}`: no rule, no delimiters.
    case atop
    /// `{n \brace k}`: no rule, in braces.
    case brace
    /// `{n \brack k}`: no rule, in brackets.
    case brack
}

/// `\overbrace`, `\underbrace`, `\overset`, `\underset`, `\stackrel`.
public enum OverUnderKind: String, Hashable, Sendable {
    /// `\overbrace{base}`, whose superscript goes above the brace.
    case overbrace
    /// `\underbrace{base}`, whose subscript goes below the brace.
    case underbrace
    /// `\overset{over}{base}` and `\stackrel{over}{base}`.
    case overset
    /// `\underset{under}{base}`.
    case underset
}
