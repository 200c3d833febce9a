#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The built-in commands that Litmus reads, by name without the backslash.
///
/// Anything not here (and not a lesson's macro) is an unknown command: a diagnostic names it,
/// and it is never read as letters.
enum CommandTable {
    /// The command called `name`, or `nil` when it is unknown.
    static func command(_ name: String) -> Command? { all[name] }

    /// The id of a command token whose name matches no built-in command.
    static let unknown = UInt32.max

    /// The commands the parser tests for by id; they take the first ids, in this order.
    enum Builtin: UInt32, CaseIterable {
        case lineBreak, cr, newline, end, right, left, begin, displaystyle, textstyle, scriptstyle
        case scriptscriptstyle, color, limits, nolimits, controlSpace, operatorname
        // Infix fractions, which split the list they stand in.
        case over, above, choose, atop, brace, brack
        // Switches, which cover the rest of the list they stand in.
        case tiny, scriptsize, footnotesize, small, normalsize, large, Large, LARGE, huge, Huge
        case rm, bf, it, sf, tt, cal

        /// The command's name, without the backslash.
        var name: String {
            switch self {
            case .lineBreak: "\\"
            case .controlSpace: " "
            default: String(describing: self)
            }
        }
    }

    /// The command with `id` (not `unknown`).
    static func command(id: UInt32) -> Command { index.commands[Int(id)] }

    /// The name of the command with `id` (not `unknown`).
    static func name(id: UInt32) -> String { index.names[Int(id)] }

    /// The commands by id, with their plain-value forms; a parse fetches it once.
    static let index = CommandIndex(all)

    /// The symbol a Unicode character typed directly in a formula stands for (`∈` is a relation).
    static func unicodeSymbol(_ text: String) -> Command? { byUnicode[text] }

    static let all: [String: Command] = {
        var table: [String: Command] = [:]
        for (name, text) in greek { table[name] = .identifier(text) }
        for (name, text, atomClass) in symbols { table[name] = .symbol(text, atomClass) }
        for (name, text, limits) in largeOperators { table[name] = .largeOperator(text, limits: limits) }
        for name in functions { table[name] = .function(name, limits: false) }
        for name in limitFunctions { table[name] = .function(name, limits: true) }
        for (name, text, limits) in namedFunctions { table[name] = .function(text, limits: limits) }
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

/// The built-in commands by id, and an open-addressing hash table from name bytes to id, so the
/// lexer finds a command without making a `String` of its name.
final class CommandIndex: Sendable {
    let commands: [Command]
    let names: [String]
    /// Each command's plain-value form, by id.
    let infos: [CommandInfo]
    /// The texts `infos` point into: Unicode symbols and function names.
    let texts: [UInt8]
    /// The UTF-8 names end to end; name `id` is `nameBytes[nameStarts[id] ..< nameStarts[id + 1]]`.
    private let nameBytes: [UInt8]
    private let nameStarts: [Int]
    /// Ids by hash (`id` −1 where empty), with each name's length and first eight bytes so that
    /// most lookups compare one word; the size is a power of two, at least twice the names.
    private let slots: [Slot]

    private struct Slot {
        var id: Int32 = -1
        var length: Int32 = 0
        var prefix: UInt64 = 0
    }

    init(_ all: [String: Command]) {
        let builtins = CommandTable.Builtin.allCases.map(\.name)
        let names = builtins + all.keys.filter { !builtins.contains($0) }.sorted()
        self.names = names
        commands = names.map { all[$0]! }
        var texts: [UInt8] = []
        infos = commands.map { CommandInfo($0, texts: &texts) }
        self.texts = texts
        var bytes: [UInt8] = []
        var starts = [0]
        for name in names {
            bytes += Array(name.utf8)
            starts.append(bytes.count)
        }
        nameBytes = bytes
        nameStarts = starts
        var size = 1
        while size < names.count * 2 { size *= 2 }
        var slots = [Slot](repeating: Slot(), count: size)
        for (id, name) in names.enumerated() {
            let (hash, prefix) = Array(name.utf8).withUnsafeBufferPointer { Self.hashAndPrefix($0) }
            var slot = hash & (size - 1)
            while slots[slot].id >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Slot(id: Int32(id), length: Int32(name.utf8.count), prefix: prefix)
        }
        self.slots = slots
    }

    func id(_ name: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let (hash, prefix) = Self.hashAndPrefix(name)
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var index = hash & mask
            while true {
                let slot = slots[index]
                if slot.id < 0 { return CommandTable.unknown }
                if slot.length == name.count, slot.prefix == prefix, name.count <= 8 || restMatches(name, Int(slot.id))
                {
                    return UInt32(slot.id)
                }
                index = (index + 1) & mask
            }
        }
    }

    /// Whether the bytes of `name` after its first eight are those of command `id`'s name.
    private func restMatches(_ name: UnsafeBufferPointer<UInt8>, _ id: Int) -> Bool {
        let start = nameStarts[id]
        return nameBytes.withUnsafeBufferPointer {
            memcmp($0.baseAddress! + start + 8, name.baseAddress! + 8, name.count - 8) == 0
        }
    }

    /// FNV-1a over the bytes, and the first eight of them packed in a word.
    @inline(__always)
    private static func hashAndPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, UInt64) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var prefix: UInt64 = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            if index < 8 { prefix |= UInt64(byte) << (8 * UInt64(index)) }
        }
        return (Int(truncatingIfNeeded: hash ^ (hash >> 29)), prefix)
    }
}

/// The commands the parser meets most, as plain values: reading one costs no reference counting.
/// Any other command has `kind` `.other` and is read from its `Command`.
struct CommandInfo: Sendable {
    enum Kind: UInt8, Sendable {
        case identifier, symbol, largeOperator, function, font, fraction, accent, space, other
    }

    var kind: Kind
    /// The atom class (symbol), font, fraction kind or accent index.
    var code: UInt8 = 0
    var limits = false
    /// The Unicode text or function name in `CommandIndex.texts`.
    var textStart = 0
    var textEnd = 0
    /// The width in em of a space.
    var width = 0.0

    init(_ command: Command, texts: inout [UInt8]) {
        func store(_ text: String) -> (Int, Int) {
            let start = texts.count
            texts += Array(text.utf8)
            return (start, texts.count)
        }
        switch command {
        case .identifier(let text):
            kind = .identifier
            (textStart, textEnd) = store(text)
        case .symbol(let text, let atomClass):
            kind = .symbol
            code = atomClass.code
            (textStart, textEnd) = store(text)
        case .largeOperator(let text, let limits):
            kind = .largeOperator
            self.limits = limits
            (textStart, textEnd) = store(text)
        case .function(let name, let limits):
            kind = .function
            self.limits = limits
            (textStart, textEnd) = store(name)
        case .font(let font):
            kind = .font
            code = font.code
        case .fraction(let fraction):
            kind = .fraction
            code = fraction.code
        case .accent(let index):
            kind = .accent
            code = UInt8(index)
        case .space(let width):
            kind = .space
            self.width = width
        default:
            kind = .other
        }
    }
}
