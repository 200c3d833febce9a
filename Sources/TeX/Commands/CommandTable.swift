/// The built-in commands that Litmus reads, by name without the backslash.
///
/// Anything not here (and not a lesson's macro) is an unknown command: a diagnostic names it,
/// and it is never read as letters.
enum CommandTable {
    /// The command called `name`, or `nil` when it is unknown.
    static func command(_ name: String) -> Command? { all[name] }

    /// The symbol a Unicode character typed directly in a formula stands for (`∈` is a relation).
    static func unicodeSymbol(_ text: String) -> Command? { byUnicode[text] }

    static let all: [String: Command] = {
        var table: [String: Command] = [:]
        for (name, text) in greek { table[name] = .identifier(text) }
        for (name, text, atomClass) in symbols { table[name] = .symbol(text, atomClass) }
        for (name, text, limits) in largeOperators { table[name] = .largeOperator(text, limits: limits) }
        for name in functions { table[name] = .function(name, limits: false) }
        for name in limitFunctions { table[name] = .function(name, limits: true) }
        for (name, command) in structures { table[name] = command }
        for (index, accent) in accents.enumerated() { table[accent.name] = .accent(index) }
        return table
    }()

    private static let byUnicode: [String: Command] = {
        var table: [String: Command] = [:]
        for (_, text, atomClass) in symbols where table[text] == nil { table[text] = .symbol(text, atomClass) }
        for (_, text, limits) in largeOperators { table[text] = .largeOperator(text, limits: limits) }
        for (_, text) in greek { table[text] = .identifier(text) }
        return table
    }()
}
