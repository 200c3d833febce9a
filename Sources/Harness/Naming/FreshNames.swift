/// Names for what the generator declares, that no identifier of the lesson can collide with:
/// each starts with a prefix (`litmus`, else `litmus1`, `litmus2`…) that no identifier the
/// lesson's cells use or declare starts with.
struct FreshNames {
    let prefix: String
    private let identifiers: Set<String>

    init(avoiding identifiers: Set<String>) {
        self.identifiers = identifiers
        var candidate = "litmus"
        var counter = 0
        while identifiers.contains(where: { $0.hasPrefix(candidate) }) {
            counter += 1
            candidate = "litmus\(counter)"
        }
        prefix = candidate
    }

    /// `litmusRun` for `Run`.
    func name(_ base: String) -> String { prefix + base }

    /// The suite's type name: `base`, unless the lesson uses that very name.
    func typeName(_ base: String) -> String {
        identifiers.contains(base) ? prefix + base : base
    }
}
