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
    /// The storage that frees this buffer's memory; the tree holds it strongly, so copies of
    /// the buffers cost no reference counting.
    private unowned(unsafe) let owner: SyntaxStorage
    private let slot: Int
    /// Whether `base` is an allocation of this buffer's own (after it outgrew its share of the
    /// storage's first block).
    private var ownsBase = false

    fileprivate init(_ base: UnsafeMutableRawPointer, capacity: Int, owner: SyntaxStorage, slot: Int) {
        self.base = base.bindMemory(to: Element.self, capacity: capacity)
        self.capacity = capacity
        self.owner = owner
        self.slot = slot
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

    /// Forgets the elements from `newCount` on.
    @inline(__always)
    mutating func truncate(to newCount: Int) {
        count = newCount
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let bytes = newCapacity * MemoryLayout<Element>.stride
        let grown: UnsafeMutableRawPointer
        if ownsBase {
            grown = realloc(UnsafeMutableRawPointer(base), bytes)!
        } else {
            grown = malloc(bytes)!
            grown.copyMemory(from: UnsafeRawPointer(base), byteCount: count * MemoryLayout<Element>.stride)
            ownsBase = true
        }
        base = grown.bindMemory(to: Element.self, capacity: newCapacity)
        capacity = newCapacity
        owner.grown(slot, to: grown)
    }
}

/// Owns the memory of a tree's buffers: one block that they share at first, and the
/// allocations of those that outgrow their share. It frees them with the last copy of the tree.
final class SyntaxStorage: @unchecked Sendable {
    private let block: UnsafeMutableRawPointer
    private var grown:
        (
            UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?,
            UnsafeMutableRawPointer?
        ) = (nil, nil, nil, nil)

    private init(bytes: Int) {
        block = malloc(bytes)!
    }

    deinit {
        free(block)
        free(grown.0)
        free(grown.1)
        free(grown.2)
        free(grown.3)
    }

    fileprivate func grown(_ slot: Int, to pointer: UnsafeMutableRawPointer) {
        switch slot {
        case 0: grown.0 = pointer
        case 1: grown.1 = pointer
        case 2: grown.2 = pointer
        default: grown.3 = pointer
        }
    }

    /// The three buffers of a tree, with room for `capacity` nodes, ids and twice as many text
    /// bytes, and a stack of ids for the parser's lists, all in one allocation, with the storage
    /// that owns them (which the tree must keep).
    static func buffers(capacity: Int) -> (
        SyntaxStorage, SyntaxBuffer<SyntaxNode>, SyntaxBuffer<SyntaxNode.ID>, SyntaxBuffer<UInt8>,
        SyntaxBuffer<SyntaxNode.ID>
    ) {
        let capacity = max(capacity, 16)
        let stackCapacity = 64
        let nodeBytes = capacity * MemoryLayout<SyntaxNode>.stride
        let idBytes = capacity * MemoryLayout<SyntaxNode.ID>.stride
        let stackBytes = stackCapacity * MemoryLayout<SyntaxNode.ID>.stride
        let storage = SyntaxStorage(bytes: nodeBytes + idBytes + stackBytes + capacity * 2)
        let block = storage.block
        return (
            storage,
            SyntaxBuffer(block, capacity: capacity, owner: storage, slot: 0),
            SyntaxBuffer(block + nodeBytes, capacity: capacity, owner: storage, slot: 1),
            SyntaxBuffer(block + nodeBytes + idBytes + stackBytes, capacity: capacity * 2, owner: storage, slot: 2),
            SyntaxBuffer(block + nodeBytes + idBytes, capacity: stackCapacity, owner: storage, slot: 3)
        )
    }
}
