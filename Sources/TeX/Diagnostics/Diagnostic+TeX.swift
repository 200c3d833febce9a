import LitmusDiagnostics

// The catalog of TeX messages: every diagnostic the module reports is made here, so the wording
// stays consistent and tests can match on the identifiers in `DiagnosticID+TeX.swift`.
extension Diagnostic {
    // MARK: - Errors

    static func texUnknownCommand(_ name: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, .texUnknownCommand, "unknown command `\\\(name)`", at: range)
    }

    static func texUnknownEnvironment(_ name: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, .texUnknownEnvironment, "unknown environment `\(name)`", at: range)
    }

    static func texUnclosedGroup(at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, .texUnclosedGroup, "`{` is never closed", at: range)
    }

    static func texUnmatchedClose(at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, .texUnmatchedClose, "unmatched `}`", at: range)
    }

    static func texEnvironmentClosedBy(_ name: String, _ closing: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, .texMismatchedEnvironment, "`\\begin{\(name)}` is closed by `\\end{\(closing)}`", at: range)
    }

    static func texEnvironmentNeverClosed(_ name: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, .texMismatchedEnvironment, "`\\begin{\(name)}` is never closed", at: range)
    }

    static func texEndWithoutBegin(_ name: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, .texMismatchedEnvironment, "`\\end{\(name)}` without `\\begin`", at: range)
    }

    static func texMissingArgument(_ command: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, .texMissingArgument, "`\(command)` needs an argument", at: range)
    }

    static func texMissingEnvironmentName(at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, .texMissingArgument, "`\\begin` and `\\end` need an environment name", at: range)
    }

    static func texUnclosedEnvironmentName(at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, .texMissingArgument, "environment name is not closed by `}`", at: range)
    }

    static func texDoubleScript(superscript: Bool, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            .error, .texDoubleScript,
            "double \(superscript ? "superscript" : "subscript"); use braces, e.g. `x^{a^b}`", at: range)
    }

    static func texMisplacedAlignment(at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, .texMisplacedAlignment, "`&` outside an environment", at: range)
    }

    static func texMissingDelimiter(after command: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, .texMissingDelimiter, "`\(command)` needs a delimiter such as `(` or `.`", at: range)
    }

    static func texTooDeep(at range: SourceRange) -> Diagnostic {
        Diagnostic(
            .error, .texTooDeep,
            "formula nested more than \(TeXParser.maximumDepth) levels deep; the rest is skipped", at: range)
    }

    static func texMacroExpansionLimit(_ name: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            .error, .texMacroExpansionLimit,
            "macro `\\\(name)` expands more than \(TeXParser.maximumExpansions) times", at: range)
    }

    static func texParameterOutsideMacro(_ number: Int, at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, .texBadDefinition, "`#\(number)` outside a macro definition", at: range)
    }

    static func texDefinitionWithoutName(_ command: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, .texBadDefinition, "`\(command)` needs a command name to define", at: range)
    }

    static func texDefinitionWithoutBody(_ command: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, .texBadDefinition, "`\(command)` needs a `{…}` body", at: range)
    }

    static func texAmbiguousInfix(_ command: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            .error, .texAmbiguousInfix,
            "`\(command)` needs a group of its own to split, e.g. `{a \(command) b}`", at: range)
    }

    static func texMisplacedInfix(_ command: String, at range: SourceRange) -> Diagnostic {
        texAmbiguousInfix(command, at: range)
    }

    // MARK: - Lints

    static func texParenthesizedScript(_ script: String, at range: SourceRange, parenthesis: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .warning, .texParenthesizedScript,
            "superscript `\(script)(` takes only `(`; write `\(script){(…)}`", at: range,
            fixIts: [FixIt(range: SourceRange(at: parenthesis), replacement: "{")])
    }

    static func texGluedGroup(after letter: Substring, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            .warning, .texGluedGroup, "braced group glued to `\(letter)`; did you mean `\(letter)^{…}`?",
            at: range, fixIts: [FixIt(range: SourceRange(at: range.start), replacement: "^")])
    }

    static func texFunctionAsLetters(_ name: String, command: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            .warning, .texFunctionAsLetters,
            "`\(name)` is written as letters, which multiply; write `\(command)`", at: range,
            fixIts: [FixIt(range: range, replacement: command)])
    }

    static func texMisspeltName(_ word: String, canonical: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(.warning, .texMisspeltName, "`\(word)` looks like a misspelling of `\(canonical)`", at: range)
    }

    static func texRightWithoutLeft(at range: SourceRange) -> Diagnostic {
        Diagnostic(.warning, .texUnbalancedLeftRight, "`\\right` without `\\left`", at: range)
    }

    static func texLeftWithoutRight(at range: SourceRange) -> Diagnostic {
        Diagnostic(.warning, .texUnbalancedLeftRight, "`\\left` without `\\right`", at: range)
    }

    static func texFractionArgument(_ command: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            .warning, .texFractionArgument, "`\(command)` needs two arguments, `\(command){…}{…}`",
            at: range)
    }

    static func texUnclosedBracket(_ bracket: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(.warning, .texUnbalancedBracket, "`\(bracket)` is never closed", at: range)
    }

    static func texUnopenedBracket(_ bracket: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(.warning, .texUnbalancedBracket, "`\(bracket)` closes nothing", at: range)
    }

    static func texUnreadCommand(_ name: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            .warning, .texUnreadCommand, "`\\\(name)` is not read by Litmus (KaTeX draws it); it is shown as written",
            at: range)
    }

    static func texLineBreakOutsideEnvironment(at range: SourceRange) -> Diagnostic {
        Diagnostic(
            .warning, .texLineBreakOutsideEnvironment,
            "`\\\\` outside an environment; use `aligned` or `gathered` for several lines", at: range)
    }
}
