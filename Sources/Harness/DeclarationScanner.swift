/// Finds the names a cell declares at its top level (`let x`, `var y`, `func f`, `struct S`…),
/// so the generator can tell when a later cell declares a name again. A scanner, not a parser:
/// braces, strings and comments are skipped so nested declarations do not count.
enum DeclarationScanner {
    static let introducers: Set<String> = [
        "let", "var", "func", "struct", "class", "enum", "actor", "typealias", "protocol",
    ]

    static func topLevelNames(in source: String) -> Set<String> {
        var names: Set<String> = []
        let characters = Array(source)
        var index = 0
        var depth = 0
        var previousWord = ""
        while index < characters.count {
            let character = characters[index]
            if character == "/", index + 1 < characters.count, characters[index + 1] == "/" {
                while index < characters.count, characters[index] != "\n" { index += 1 }
                continue
            }
            if character == "/", index + 1 < characters.count, characters[index + 1] == "*" {
                index += 2
                while index + 1 < characters.count, !(characters[index] == "*" && characters[index + 1] == "/") {
                    index += 1
                }
                index += 2
                continue
            }
            if character == "\"" {
                index += 1
                while index < characters.count, characters[index] != "\"", characters[index] != "\n" {
                    if characters[index] == "\\" { index += 1 }
                    index += 1
                }
                index += 1
                continue
            }
            if character == "{" || character == "(" || character == "[" { depth += 1 }
            if character == "}" || character == ")" || character == "]" { depth = max(depth - 1, 0) }
            if character.isLetter || character == "_" {
                var end = index
                while end < characters.count,
                    characters[end].isLetter || characters[end].isNumber || characters[end] == "_"
                {
                    end += 1
                }
                let word = String(characters[index..<end])
                if depth == 0, introducers.contains(previousWord), !introducers.contains(word) {
                    names.insert(word)
                }
                previousWord = word
                index = end
                continue
            }
            if !character.isWhitespace { previousWord = "" }
            index += 1
        }
        return names
    }
}
