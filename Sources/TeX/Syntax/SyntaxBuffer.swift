#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A growable run of plain values (nodes, ids, bytes) for a `SyntaxTree`: an append is a
/// capacity check and a store, with none of an array's uniqueness checks or reference
/// counting. A tree is built by one parse and only read after, so the buffers need no
/// copy-on-write; `SyntaxStorage` frees their memory when the last copy of the tree goes.
struct SyntaxBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int
    private let owner: SyntaxStorage
    private let slot: Int

    fileprivate init(capacity: Int, owner: SyntaxStorage, slot: Int) {
        self.capacity = max(capacity, 16)
        base = malloc(self.capacity * MemoryLayout<Element>.stride)!.bindMemory(to: Element.self, capacity: self.capacity)
        self.owner = owner
        self.slot = slot
        owner.pointers[slot] = UnsafeMutableRawPointer(base)
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        set { base[index] = newValue }
    }

    /// The elements `range`, valid until the next append.
    @inline(__always)
    subscript(range: Range<Int>) -> UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    /// The elements from `start` to the end, valid until the next append.
    @inline(__always)
    subscript(range: PartialRangeFrom<Int>) -> UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: count - range.lowerBound)
    }

    /// Calls `body` with all the elements.
    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Element>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(to: count + 1) }
        base[count] = element
        count += 1
    }

    @inline(__always)
    mutating func append(contentsOf elements: UnsafeBufferPointer<Element>) {
        if count + elements.count > capacity { grow(to: count + elements.count) }
        if let start = elements.baseAddress { (base + count).update(from: start, count: elements.count) }
        count += elements.count
    }

    mutating func append<Elements: Sequence>(contentsOf elements: Elements) where Elements.Element == Element {
        for element in elements { append(element) }
    }

    /// Removes the last element.
    @inline(__always)
    mutating func removeLast() {
        count -= 1
    }

    /// The last element, if any.
    var last: Element? { count > 0 ? base[count - 1] : nil }

    /// Forgets the elements from `newCount` on.
    @inline(__always)
    mutating func truncate(to newCount: Int) {
        count = newCount
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let grown = realloc(UnsafeMutableRawPointer(base), newCapacity * MemoryLayout<Element>.stride)!
        base = grown.bindMemory(to: Element.self, capacity: newCapacity)
        capacity = newCapacity
        owner.pointers[slot] = grown
    }
}

/// Owns the memory of a tree's buffers and frees it with the last copy of the tree.
final class SyntaxStorage: @unchecked Sendable {
    fileprivate var pointers: [UnsafeMutableRawPointer?] = [nil, nil, nil]

    deinit {
        for pointer in pointers { free(pointer) }
    }

    /// One buffer of its own, with room for `capacity` elements.
    static func buffer<Element>(capacity: Int) -> SyntaxBuffer<Element> {
        SyntaxBuffer(capacity: capacity, owner: SyntaxStorage(), slot: 0)
    }

    /// The three buffers of a tree, each with room for `capacity` elements.
    static func buffers(capacity: Int) -> (
        SyntaxBuffer<SyntaxNode>, SyntaxBuffer<SyntaxNode.ID>, SyntaxBuffer<UInt8>
    ) {
        let owner = SyntaxStorage()
        return (
            SyntaxBuffer(capacity: capacity, owner: owner, slot: 0),
            SyntaxBuffer(capacity: capacity, owner: owner, slot: 1),
            SyntaxBuffer(capacity: capacity * 2, owner: owner, slot: 2)
        )
    }
}
