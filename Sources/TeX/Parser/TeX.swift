/// The entry points of the TeX module: one math span in, tree + diagnostics + MathML out.
public enum TeX {
    /// Parses one math span. Positions in the result are relative to `latex`.
    public static func parse(_ latex: String, display: Bool, macros: MacroTable = .standard) -> TeXParseResult {
        TeXParser(display: display, macros: macros).parse(latex)
    }

    /// The MathML of one math span (`<math display=…>` with its LaTeX as annotation).
    public static func mathML(_ latex: String, display: Bool, macros: MacroTable = .standard) -> String {
        parse(latex, display: display, macros: macros).mathML
    }
}
