/// The key of a lesson's generated tests: a hash of the generated file (its cells, their
/// options and expected outputs, the formula tests, the generator's version). A run's record
/// carries the key it ran; a page shows a record only under the same key, and the run cache
/// reuses one only under the same key and the same engine and toolchain.
public enum LessonKey {
    /// The key of a generated file's text (the text without the key itself).
    static func of(_ text: String) -> String {
        StableHash.hex128(TestFileGenerator.formatVersion + "\n" + text)
    }
}
