import LitmusDiagnostics

// The catalog of TeX diagnostic kinds. Errors mean the formula cannot be read as written;
// warnings (lints) mean it can, but probably says something other than the author meant.
extension DiagnosticID {
    // MARK: - Errors

    /// A command that is neither built in nor defined by the lesson.
    public static let texUnknownCommand: DiagnosticID = "tex.unknown-command"
    /// `\begin{name}` with a name Litmus does not know.
    public static let texUnknownEnvironment: DiagnosticID = "tex.unknown-environment"
    /// A `{` without its `}`.
    public static let texUnclosedGroup: DiagnosticID = "tex.unclosed-group"
    /// A `}` without its `{`.
    public static let texUnmatchedClose: DiagnosticID = "tex.unmatched-close"
    /// `\begin{a}` closed by `\end{b}`, or never closed, or `\end` without `\begin`.
    public static let texMismatchedEnvironment: DiagnosticID = "tex.mismatched-environment"
    /// `^`, `_`, `\sqrt`, `\text`… with nothing after them.
    public static let texMissingArgument: DiagnosticID = "tex.missing-argument"
    /// `x^a^b` or `x_a_b`.
    public static let texDoubleScript: DiagnosticID = "tex.double-script"
    /// `&` outside an environment.
    public static let texMisplacedAlignment: DiagnosticID = "tex.misplaced-alignment"
    /// `\left` or `\right` followed by something that is not a delimiter.
    public static let texMissingDelimiter: DiagnosticID = "tex.missing-delimiter"
    /// Groups nested deeper than `TeXParser.maximumDepth`.
    public static let texTooDeep: DiagnosticID = "tex.too-deep"
    /// Macros that expand without end (`\def\a{\a\a}`).
    public static let texMacroExpansionLimit: DiagnosticID = "tex.macro-expansion-limit"
    /// A `\newcommand` or `\def` that cannot be read.
    public static let texBadDefinition: DiagnosticID = "tex.bad-definition"
    /// A second infix fraction in one group (`a \over b \over c`), or one where there is no group
    /// to split (an argument).
    public static let texAmbiguousInfix: DiagnosticID = "tex.ambiguous-infix"

    // MARK: - Lints (warnings)

    /// `b^(l)`: the superscript takes only the `(`.
    public static let texParenthesizedScript: DiagnosticID = "tex.parenthesized-script"
    /// `W{(2)}`: a braced group glued to a letter, probably missing `^`.
    public static let texGluedGroup: DiagnosticID = "tex.glued-group"
    /// `max(0,z)`, `tanh(z)`: a function name written as italic letters.
    public static let texFunctionAsLetters: DiagnosticID = "tex.function-as-letters"
    /// `RelU`: a misspelt function name.
    public static let texMisspeltName: DiagnosticID = "tex.misspelt-name"
    /// `\left` without `\right`, or `\right` without `\left`.
    public static let texUnbalancedLeftRight: DiagnosticID = "tex.unbalanced-left-right"
    /// `\frac{1}` with one argument.
    public static let texFractionArgument: DiagnosticID = "tex.fraction-argument"
    /// `\\` outside an environment.
    public static let texLineBreakOutsideEnvironment: DiagnosticID = "tex.line-break-outside-environment"
    /// A `(`, `[` or `\{` never closed, or a `)`, `]` or `\}` never opened, in its group.
    public static let texUnbalancedBracket: DiagnosticID = "tex.unbalanced-bracket"
    /// A command KaTeX renders but Litmus does not read: shown as written, not checked.
    public static let texUnreadCommand: DiagnosticID = "tex.unread-command"
}
