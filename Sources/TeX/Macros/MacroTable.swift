/// The macros in force while a lesson is read: a value passed into each parse and handed back
/// with the definitions that formula added, so a `\newcommand` holds for the rest of the lesson.
public struct MacroTable: Hashable, Sendable {
    /// The macros by name, without the backslash.
    public private(set) var macros: [String: Macro]

    /// Creates a table of `macros`.
    public init(_ macros: [String: Macro] = [:]) {
        self.macros = macros
    }

    /// The table every lesson starts with: no lesson macros, only the built-in commands.
    public static let standard = MacroTable()

    /// The macro called `name` (without backslash), if defined.
    public subscript(name: String) -> Macro? { macros[name] }

    /// Defines or redefines `name` (without backslash).
    public mutating func define(_ name: String, as macro: Macro) {
        macros[name] = macro
    }

    /// Defines `name` with a replacement `body` taking `parameterCount` arguments.
    public mutating func define(_ name: String, parameterCount: Int = 0, body: String) {
        macros[name] = Macro(parameterCount: parameterCount, body: body)
    }
}
