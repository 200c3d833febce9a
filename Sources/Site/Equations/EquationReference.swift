/// A reference to an equation: `\eqref{key}` shows `(1)`, `\ref{key}` shows `1`.
struct EquationReference: Hashable {
    var key: String
    var parenthesised: Bool

    /// The reference a whole formula is (`$\eqref{eq:loss}$`), or `nil`.
    static func whole(_ latex: String) -> EquationReference? {
        // Most formulas are not references: look at how they start.
        let start = latex.utf8.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") }
        guard start.starts(with: "\\eqref".utf8) || start.starts(with: "\\ref".utf8), start.count < 200 else {
            return nil
        }
        let commands = TeXCommandScan.commands(in: latex)
        guard commands.count == 1, let (name, key) = commands.first, name == "eqref" || name == "ref",
            let key, TeXCommandScan.isOnlyCommands(latex)
        else { return nil }
        return EquationReference(key: key, parenthesised: name == "eqref")
    }
}
