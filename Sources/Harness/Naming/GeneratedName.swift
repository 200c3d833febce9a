/// The name of a lesson's generated file and test suite, a function of the lesson's path alone:
/// a readable part from the file's name (`Lesson08TrainingAnMlpEndToEnd`) and eight hex digits of
/// a hash of the whole path, so `x.md` and `x2.md`, `a-b.md` and `a_b.md`, or two `intro.md` in
/// different folders never share a file, and adding one lesson never renames another's.
public enum GeneratedName {
    /// `Lesson08TrainingAnMlpEndToEnd_1f2e3d4c` for `notebooks/08-training-an-mlp-end-to-end.md`.
    public static func stem(for lessonPath: String) -> String {
        let file = lessonPath.split(separator: "/").last.map(String.init) ?? lessonPath
        let stem = file.contains(".") ? String(file[..<file.lastIndex(of: ".")!]) : file
        var name = ""
        var upperNext = true
        for character in stem {
            if character.isLetter || character.isNumber, character.isASCII {
                name.append(upperNext ? Character(character.uppercased()) : character)
                upperNext = false
            } else {
                upperNext = true
            }
        }
        if name.isEmpty || name.first!.isNumber || !name.hasPrefix("Lesson") { name = "Lesson" + name }
        let hash = StableHash.fnv1a(lessonPath)
        let folded = UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
        let hex = String(folded, radix: 16)
        return name + "_" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}
