/// What chose the dialect a lesson was read in, strongest first.
public enum DialectSource: String, Sendable, Codable {
    /// The lesson names it: `<!-- litmus: dialect=myst -->`.
    case lesson
    /// Its markup shows it: markup that only one dialect writes (`:eqlabel:`, `{eq}`,
    /// `\\(…\\)` without `\(…\)`, `{#eq-…}`), or a `.qmd` file.
    case detected
    /// The course file names it (`dialect:` in `litmus.yml`), and the lesson's markup does not
    /// say otherwise.
    case course
    /// Nothing does: the lesson is read in the Jupyter dialect.
    case standard
}
