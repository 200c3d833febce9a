/// The Markdown dialects whose math, equation labels and references Litmus reads.
///
/// A dialect is the set of rules one publishing tool applies before its math renderer sees the
/// text. The names are what a lesson (`<!-- litmus: dialect=kramdown -->`) or the course file
/// (`dialect: kramdown` in `litmus.yml`) write.
public enum MathDialect: String, CaseIterable, Sendable, Codable {
    /// GitHub and Jupyter, the default: `$…$` (inner spaces allowed, as Jupyter does), `$$…$$`,
    /// `\(…\)`, `\[…\]`, ```` ```math ```` fences and bare `\begin{align}…\end{align}` blocks.
    case jupyter
    /// Jekyll's kramdown read by MathJax (cs231n and many course sites): `\\(…\\)` inline,
    /// `\\[…\\]` display, and `$$…$$` inline unless it stands alone in its paragraph. kramdown
    /// turns `\(` into a plain `(`, so single-backslash pairs are not math.
    case kramdown
    /// d2l-book (Dive into Deep Learning): Jupyter's math, with `:eqlabel:` after a display
    /// formula, `:eqref:` and `:numref:` references and `:label:` targets.
    case d2l
    /// MyST (Jupyter Book, jupytext notebooks): `$$…$$ (label)`, ```` ```{math} ```` with
    /// `:label:`, the `{math}`, `{eq}`, `{numref}` and `{ref}` roles, `(label)=` targets and
    /// ```` ```{code-cell} ```` cells. Markdown escapes `\(`, so it is not math.
    case myst
    /// Quarto and pandoc Markdown: pandoc's `$` rule (no space inside the delimiters, no digit
    /// after the closing one), `$$…$$ {#eq-label}`, `@eq-label` references and `{#sec-…}`
    /// heading labels.
    case quarto

    /// The rules the math scanner applies for this dialect.
    var rules: DialectRules {
        switch self {
        case .jupyter: DialectRules()
        case .kramdown:
            DialectRules(singleBackslash: false, doubleBackslash: true, doubleDollarInlineInText: true)
        case .d2l: DialectRules(d2lRoles: true)
        case .myst: DialectRules(singleBackslash: false, texReferencesInProse: false, myst: true)
        case .quarto:
            DialectRules(pandocDollars: true, singleBackslash: false, texReferencesInProse: false, quarto: true)
        }
    }
}

/// What the math scanner reads, as switches a dialect sets.
struct DialectRules: Sendable {
    /// `$` follows pandoc: the opening one is followed by a non-space, the closing one preceded
    /// by a non-space and not followed by a digit. Otherwise Jupyter's rule: any `$…$` pair.
    var pandocDollars = false
    /// `\(…\)` and `\[…\]` are math.
    var singleBackslash = true
    /// `\\(…\\)` and `\\[…\\]` are math (kramdown's escaped backslash reaches MathJax as one).
    var doubleBackslash = false
    /// `\ref{…}` and `\eqref{…}` in the prose are references, as MathJax reads them.
    var texReferencesInProse = true
    /// `$$…$$` is inline math unless it stands alone in its paragraph.
    var doubleDollarInlineInText = false
    /// d2l's `:eqlabel:`, `:eqref:`, `:label:` and `:numref:` roles.
    var d2lRoles = false
    /// MyST's labels, roles, directives, targets and jupytext cells.
    var myst = false
    /// Quarto's `{#eq-…}` labels and `@eq-…` references.
    var quarto = false
}
