import LitmusDiagnostics

/// What a lesson's text says about its dialect: the markup only one dialect writes, counted
/// outside code, and a dialect the lesson declares (`<!-- litmus: dialect=myst -->`).
struct DialectSurvey: Sendable {
    /// kramdown's `\\(…\\)` and `\\[…\\]` pairs.
    var doubleBackslashPairs = 0
    /// `\(…\)` and `\[…\]` pairs, which kramdown reads as escaped parentheses.
    var backslashPairs = 0
    /// d2l's `:eqlabel:`, `:eqref:`, `:label:`, `:numref:`, `:cite:` roles.
    var d2lMarks = 0
    /// MyST's roles, directives (```` ```{math} ````, ```` ```{code-cell} ````), `(label)=`
    /// targets, `$$ … $$ (label)` and a jupytext MyST header.
    var mystMarks = 0
    /// Quarto's `{#eq-…}` and `@eq-…`, and executable cells (```` ```{python} ````).
    var quartoMarks = 0
    /// The dialect the lesson names, with where it names it; `name` is kept when unknown.
    var declared: (name: String, range: SourceRange)?

    /// Adds what another part of the lesson (a notebook cell) says.
    mutating func merge(_ other: DialectSurvey) {
        doubleBackslashPairs += other.doubleBackslashPairs
        backslashPairs += other.backslashPairs
        d2lMarks += other.d2lMarks
        mystMarks += other.mystMarks
        quartoMarks += other.quartoMarks
        if declared == nil { declared = other.declared }
    }

    /// The dialects whose markup the lesson writes. kramdown counts only when the lesson writes
    /// no single-backslash pair, which kramdown would not read.
    var candidates: [MathDialect] {
        var found: [MathDialect] = []
        if doubleBackslashPairs > 0, backslashPairs == 0 { found.append(.kramdown) }
        if d2lMarks > 0 { found.append(.d2l) }
        if mystMarks > 0 { found.append(.myst) }
        if quartoMarks > 0 { found.append(.quarto) }
        return found
    }
}
