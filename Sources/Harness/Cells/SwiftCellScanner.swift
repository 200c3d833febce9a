/// Reads a Swift cell's top level the way the compiler would see it, without parsing it: what
/// each top-level declaration is, where it starts and ends, the name it declares, and every
/// identifier the cell uses. Comments, string literals (with interpolation, multi-line and raw
/// forms) and nested brackets are skipped, so nothing inside them counts.
///
/// The generator needs three things from it: which declarations Swift allows only at file scope
/// (they move out of the cells' function), which names a cell declares again (a nested scope),
/// and every identifier in use (so generated names never collide with a lesson's).
struct SwiftCellScanner {
    /// One declaration at a cell's top level.
    struct Declaration: Equatable {
        enum Kind: String, Equatable {
            case `import`, `extension`, `protocol`, `precedencegroup`, `operator`
            case type, function, `typealias`, variable, macro
        }

        var kind: Kind
        /// The name it declares (`Point`, `relu`, the extended type's first name for an extension).
        var name: String
        /// Every name it declares: the name, or each name a `let`/`var` binds (`let (x, y) = …`).
        var names: [String]
        /// Byte offsets into the cell's UTF-8: from its first attribute or modifier to just past
        /// its closing brace (or the end of its line).
        var start: Int
        var end: Int
        /// Where its keyword (`struct`, `func`…) starts, and whether it has an access modifier.
        var keywordStart: Int
        var hasAccessModifier: Bool
        /// Whether an extension declares a conformance (`extension Matrix: Layer`).
        var declaresConformance: Bool
        /// The identifiers used inside it.
        var identifiers: Set<String>
        /// A function's parameters and result; nil for other declarations.
        var signature: FunctionSignature? = nil
    }

    private(set) var declarations: [Declaration] = []
    /// Every identifier the cell uses or declares (backticks removed).
    private(set) var identifiers: Set<String> = []
    /// Byte offsets of the top-level statements that are not declarations (`print(x)`, `x += 1`),
    /// which a library file cannot hold; a line that continues an expression (`.map { … }`) or a
    /// compiler directive (`#if`) is not counted.
    private(set) var statements: [Int] = []

    private let bytes: [UInt8]

    static let accessModifiers: Set<String> = ["public", "private", "fileprivate", "internal", "open", "package"]
    static let otherModifiers: Set<String> = [
        "final", "indirect", "static", "nonisolated", "lazy", "mutating", "nonmutating", "dynamic",
        "override", "required", "convenience", "weak", "unowned", "isolated", "consuming", "borrowing",
        "distributed", "infix", "prefix", "postfix", "async",
    ]

    static let operatorBytes: Set<UInt8> = Set("+-*/%=<>!&|^~?:,".utf8)

    init(_ source: String) {
        bytes = Array(source.utf8)
        scan()
    }

    // MARK: - Top level

    private mutating func scan() {
        var index = 0
        var atStatementStart = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: ";") {
                atStatementStart = true
                index += 1
                continue
            }
            if isSpace(byte) {
                index += 1
                continue
            }
            if let skipped = skipTrivia(at: index) {
                index = skipped
                continue
            }
            if atStatementStart, let declaration = declaration(at: index) {
                declarations.append(declaration)
                identifiers.formUnion(declaration.identifiers)
                identifiers.formUnion(declaration.names)
                index = declaration.end
                atStatementStart = false
                continue
            }
            if atStatementStart, bytes[index] != UInt8(ascii: "#"), bytes[index] != UInt8(ascii: "."),
                bytes[index] != UInt8(ascii: "}"), !Self.operatorBytes.contains(bytes[index])
            {
                statements.append(index)
            }
            atStatementStart = false
            let (next, used) = skipItem(at: index)
            identifiers.formUnion(used)
            index = next
        }
    }

    /// Skips one token or bracketed group at the top level, collecting identifiers.
    private func skipItem(at index: Int) -> (Int, Set<String>) {
        var used: Set<String> = []
        let next = skipToken(at: index, depth: 0, used: &used)
        return (next, used)
    }

    /// The declaration starting at `index`, if the words there begin one.
    private func declaration(at start: Int) -> Declaration? {
        var index = start
        var hasAccess = false
        // Attributes (`@MainActor`, `@available(…)`) and modifiers come first.
        while index < bytes.count {
            index = skipSpaceAndComments(from: index, crossingLines: true)
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "@") {
                var end = index + 1
                while end < bytes.count, isIdentifierByte(bytes[end]) { end += 1 }
                let afterName = skipSpaceAndComments(from: end, crossingLines: false)
                if afterName < bytes.count, bytes[afterName] == UInt8(ascii: "(") {
                    var ignored: Set<String> = []
                    end = skipToken(at: afterName, depth: 0, used: &ignored)
                }
                index = end
                continue
            }
            guard let (word, end) = word(at: index) else { return nil }
            if Self.accessModifiers.contains(word) {
                hasAccess = true
                index = end
                // `private(set)`
                let after = skipSpaceAndComments(from: end, crossingLines: false)
                if after < bytes.count, bytes[after] == UInt8(ascii: "(") {
                    var ignored: Set<String> = []
                    index = skipToken(at: after, depth: 0, used: &ignored)
                }
                continue
            }
            if word == "class", let (next, _) = nextWord(after: end), Self.declarationKeyword(next) != nil {
                index = end  // `class func`, `class var`: a modifier here
                continue
            }
            if Self.otherModifiers.contains(word) {
                index = end
                continue
            }
            guard let kind = Self.declarationKeyword(word) else { return nil }
            return finishDeclaration(
                kind: kind, start: start, keywordStart: index, afterKeyword: end, hasAccess: hasAccess)
        }
        return nil
    }

    private static func declarationKeyword(_ word: String) -> Declaration.Kind? {
        switch word {
        case "import": .import
        case "extension": .extension
        case "protocol": .protocol
        case "precedencegroup": .precedencegroup
        case "operator": .operator
        case "struct", "class", "enum", "actor": .type
        case "func": .function
        case "typealias": .typealias
        case "let", "var": .variable
        case "macro": .macro
        default: nil
        }
    }

    private func finishDeclaration(
        kind: Declaration.Kind, start: Int, keywordStart: Int, afterKeyword: Int, hasAccess: Bool
    ) -> Declaration {
        var name = ""
        var names: [String] = []
        var index = skipSpaceAndComments(from: afterKeyword, crossingLines: false)
        if kind == .variable, index < bytes.count, bytes[index] == UInt8(ascii: "(") {
            // A tuple pattern: every identifier in it is a name (`let (x, y) = …`).
            var bound: Set<String> = []
            index = skipToken(at: index, depth: 0, used: &bound)
            names = bound.sorted()
        } else if let (word, end) = word(at: index) {
            name = word
            index = end
        } else if kind == .function || kind == .operator {
            // An operator function or declaration: its name is the operator's characters.
            var end = index
            while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: "("),
                bytes[end] != UInt8(ascii: "<"), bytes[end] != UInt8(ascii: ":"), bytes[end] != UInt8(ascii: "\n")
            {
                end += 1
            }
            name = String(decoding: bytes[index..<end], as: UTF8.self)
            index = end
        }
        var used: Set<String> = []
        var declaresConformance = false
        var signature: FunctionSignature? = nil
        let end: Int
        switch kind {
        case .import, .operator, .typealias, .variable, .macro:
            // To the end of the statement: the line, continued while brackets are open.
            var cursor = index
            while cursor < bytes.count, bytes[cursor] != UInt8(ascii: "\n"), bytes[cursor] != UInt8(ascii: ";") {
                if bytes[cursor] == UInt8(ascii: "{") && (kind == .operator || kind == .import) { break }
                if kind == .variable, bytes[cursor] == UInt8(ascii: ","),
                    let (word, wordEnd) = nextWord(after: cursor + 1)
                {
                    // `let a = 1, b = 2`: a name after a comma, followed by `=` or `:`.
                    let after = skipSpaceAndComments(from: wordEnd, crossingLines: false)
                    if after < bytes.count, bytes[after] == UInt8(ascii: "=") || bytes[after] == UInt8(ascii: ":") {
                        names.append(word)
                    }
                }
                cursor = skipToken(at: cursor, depth: 0, used: &used)
            }
            end = cursor
        default:
            // To the brace that closes the body.
            var cursor = index
            var sawColon = false
            var sawWhere = false
            while cursor < bytes.count, bytes[cursor] != UInt8(ascii: "{") {
                if bytes[cursor] == UInt8(ascii: ":"), !sawWhere { sawColon = true }
                if let (word, _) = word(at: cursor), word == "where" { sawWhere = true }
                cursor = skipToken(at: cursor, depth: 0, used: &used)
            }
            declaresConformance = kind == .extension && sawColon
            if kind == .function { signature = Self.signature(String(decoding: bytes[index..<cursor], as: UTF8.self)) }
            end = cursor < bytes.count ? skipToken(at: cursor, depth: 0, used: &used) : cursor
        }
        if !name.isEmpty { names.insert(name, at: 0) }
        return Declaration(
            kind: kind, name: name, names: names, start: start, end: end, keywordStart: keywordStart,
            hasAccessModifier: hasAccess,
            declaresConformance: declaresConformance, identifiers: used, signature: signature)
    }

    /// The signature of a function from the text between its name and its body
    /// (`<T>(_ x: T) throws -> T where …`).
    private static func signature(_ text: String) -> FunctionSignature? {
        var rest = Substring(text).drop { $0 == " " || $0 == "\t" }
        var isGeneric = false
        if rest.first == "<" {
            isGeneric = true
            var depth = 0
            var previous: Character = " "
            while let character = rest.first {
                rest = rest.dropFirst()
                if character == "<" { depth += 1 }
                if character == ">", previous != "-" {
                    depth -= 1
                    if depth == 0 { break }
                }
                previous = character
            }
            rest = rest.drop { $0 == " " || $0 == "\t" }
        }
        guard rest.first == "(" else { return nil }
        var depth = 0
        var inString = false
        var close = rest.startIndex
        for index in rest.indices {
            let character = rest[index]
            if inString {
                if character == "\"" { inString = false }
                continue
            }
            if character == "\"" { inString = true }
            if "([{".contains(character) { depth += 1 }
            if ")]}".contains(character) {
                depth -= 1
                if depth == 0 {
                    close = index
                    break
                }
            }
        }
        guard depth == 0, close > rest.startIndex else { return nil }
        let list = String(rest[rest.index(after: rest.startIndex)..<close])
        return FunctionSignature(
            parameterList: list, tail: String(rest[rest.index(after: close)...]), isGeneric: isGeneric)
    }

    // MARK: - Tokens

    /// Skips one token starting at `index` (a whole bracketed group, string or comment included)
    /// and returns the index after it; identifiers met are added to `used`.
    private func skipToken(at index: Int, depth: Int, used: inout Set<String>) -> Int {
        let byte = bytes[index]
        if let skipped = skipTrivia(at: index) { return skipped }
        if byte == UInt8(ascii: "\"") || (byte == UInt8(ascii: "#") && rawStringStart(at: index) != nil) {
            return skipString(at: index, used: &used)
        }
        if byte == UInt8(ascii: "`") {
            var end = index + 1
            while end < bytes.count, bytes[end] != UInt8(ascii: "`"), bytes[end] != UInt8(ascii: "\n") { end += 1 }
            used.insert(String(decoding: bytes[(index + 1)..<end], as: UTF8.self))
            return min(end + 1, bytes.count)
        }
        if isIdentifierStart(byte) {
            var end = index + 1
            while end < bytes.count, isIdentifierByte(bytes[end]) { end += 1 }
            used.insert(String(decoding: bytes[index..<end], as: UTF8.self))
            return end
        }
        if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
            let close: UInt8 =
                byte == UInt8(ascii: "(")
                ? UInt8(ascii: ")") : byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
            var cursor = index + 1
            while cursor < bytes.count, bytes[cursor] != close {
                if bytes[cursor] == UInt8(ascii: ")") || bytes[cursor] == UInt8(ascii: "]")
                    || bytes[cursor] == UInt8(ascii: "}")
                {
                    return cursor  // unbalanced: let the compiler say so
                }
                cursor = skipToken(at: cursor, depth: depth + 1, used: &used)
            }
            return min(cursor + 1, bytes.count)
        }
        return index + 1
    }

    /// Past a comment or white space starting at `index`, or nil when none starts there.
    private func skipTrivia(at index: Int) -> Int? {
        guard bytes[index] == UInt8(ascii: "/"), index + 1 < bytes.count else { return nil }
        if bytes[index + 1] == UInt8(ascii: "/") {
            var end = index
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            return end
        }
        if bytes[index + 1] == UInt8(ascii: "*") {
            var level = 1
            var end = index + 2
            while end < bytes.count, level > 0 {
                if bytes[end] == UInt8(ascii: "/"), end + 1 < bytes.count, bytes[end + 1] == UInt8(ascii: "*") {
                    level += 1
                    end += 2
                } else if bytes[end] == UInt8(ascii: "*"), end + 1 < bytes.count, bytes[end + 1] == UInt8(ascii: "/") {
                    level -= 1
                    end += 2
                } else {
                    end += 1
                }
            }
            return end
        }
        return nil
    }

    /// The number of `#` before a raw string's quote at `index`, if one starts there.
    private func rawStringStart(at index: Int) -> Int? {
        var end = index
        while end < bytes.count, bytes[end] == UInt8(ascii: "#") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: "\""), end > index else { return nil }
        return end - index
    }

    /// Skips a string literal (`"…"`, `"""…"""`, `#"…"#`), with its interpolations' identifiers.
    private func skipString(at index: Int, used: inout Set<String>) -> Int {
        let hashes = rawStringStart(at: index) ?? 0
        var cursor = index + hashes
        let multiline =
            cursor + 2 < bytes.count && bytes[cursor + 1] == UInt8(ascii: "\"")
            && bytes[cursor + 2] == UInt8(ascii: "\"")
        cursor += multiline ? 3 : 1
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\n"), !multiline { return cursor }
            if byte == UInt8(ascii: "\\"), hasHashes(hashes, at: cursor + 1) {
                let after = cursor + 1 + hashes
                if after < bytes.count, bytes[after] == UInt8(ascii: "(") {
                    cursor = skipToken(at: after, depth: 1, used: &used)
                } else {
                    cursor = after + 1
                }
                continue
            }
            if byte == UInt8(ascii: "\"") {
                let quotes = multiline ? 3 : 1
                var closing = true
                for offset in 0..<quotes
                where cursor + offset >= bytes.count || bytes[cursor + offset] != UInt8(ascii: "\"") {
                    closing = false
                }
                if closing, hasHashes(hashes, at: cursor + quotes) { return cursor + quotes + hashes }
            }
            cursor += 1
        }
        return cursor
    }

    private func hasHashes(_ count: Int, at index: Int) -> Bool {
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != UInt8(ascii: "#") { return false }
        return true
    }

    private func skipSpaceAndComments(from index: Int, crossingLines: Bool) -> Int {
        var cursor = index
        while cursor < bytes.count {
            if isSpace(bytes[cursor]) || (crossingLines && bytes[cursor] == UInt8(ascii: "\n")) {
                cursor += 1
            } else if let skipped = skipTrivia(at: cursor) {
                cursor = skipped
            } else {
                break
            }
        }
        return cursor
    }

    private func word(at index: Int) -> (String, Int)? {
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "`") {
            var end = index + 1
            while end < bytes.count, bytes[end] != UInt8(ascii: "`"), bytes[end] != UInt8(ascii: "\n") { end += 1 }
            guard end < bytes.count, bytes[end] == UInt8(ascii: "`") else { return nil }
            return (String(decoding: bytes[(index + 1)..<end], as: UTF8.self), end + 1)
        }
        guard isIdentifierStart(bytes[index]) else { return nil }
        var end = index + 1
        while end < bytes.count, isIdentifierByte(bytes[end]) { end += 1 }
        return (String(decoding: bytes[index..<end], as: UTF8.self), end)
    }

    private func nextWord(after index: Int) -> (String, Int)? {
        word(at: skipSpaceAndComments(from: index, crossingLines: false))
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    private func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    private func isIdentifierByte(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
