import LitmusDiagnostics

extension MathDialect {
    /// The dialect a lesson is read in: the one it names; else the one its markup shows when
    /// only one dialect writes such markup (a `.qmd` file is Quarto's); else the course's;
    /// else Jupyter's. A name nobody knows and markup of several dialects are warnings.
    static func choose(
        survey: DialectSurvey, course: MathDialect?, path: String
    ) -> (dialect: MathDialect, source: DialectSource, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        if let declared = survey.declared {
            if let dialect = MathDialect(rawValue: declared.name.lowercased()) { return (dialect, .lesson, []) }
            diagnostics.append(.unknownDialect(declared.name, at: declared.range))
        }
        var candidates = survey.candidates
        let lowercased = path.lowercased()
        if (lowercased.hasSuffix(".qmd") || lowercased.hasSuffix(".rmd")), !candidates.contains(.quarto) {
            candidates.append(.quarto)
        }
        if candidates.count == 1 { return (candidates[0], .detected, diagnostics) }
        if candidates.count > 1, course == nil {
            diagnostics.append(.ambiguousDialect(candidates))
        }
        if let course { return (course, .course, diagnostics) }
        return (.jupyter, .standard, diagnostics)
    }
}
