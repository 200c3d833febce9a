/// One part of a course split for a CI matrix (`--shard i/n`): the lessons, sorted by path,
/// dealt out in turn, so every lesson is in exactly one shard and the split is the same on
/// every runner.
public struct Shard: Equatable, Sendable {
    /// 1-based.
    public var index: Int
    public var count: Int

    /// `2/4`; nil unless 1 ≤ i ≤ n.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
            index >= 1, index <= count
        else { return nil }
        self.index = index
        self.count = count
    }

    /// The paths of this shard, in sorted order.
    public func select(_ paths: [String]) -> [String] {
        paths.sorted().enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }
}
