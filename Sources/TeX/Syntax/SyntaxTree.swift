/// The parser's own form of a syntax tree: every node in one flat array, their child lists in a
/// second and their text in a third, with byte offsets for positions.
///
/// Building a tree of enums costs an allocation and reference counting per node; this form
/// costs three arrays per formula, which is what lets parse + MathML run at several hundred
/// thousand formulas a second. The MathML writer and the lints read it directly; the public
/// `TeXNode` tree is built from it only when a caller asks for it (`TeXParseResult.root`).
struct SyntaxTree: Sendable {
    /// Owns the memory of the buffers below.
    private let storage: SyntaxStorage
    /// The nodes; `root` is the index of the formula's row.
    var nodes: SyntaxBuffer<SyntaxNode>
    /// Child lists of rows, groups, tables and table rows: a node's `first ..< first + second`.
    var children: SyntaxBuffer<SyntaxNode.ID>
    /// The UTF-8 text of every node that has some: a node's `textStart ..< textStart + textCount`.
    var text: SyntaxBuffer<UInt8>
    /// The whole formula's row.
    var root: SyntaxNode.ID = 0

    init() {
        self.init(capacity: 16)
    }

    init(capacity: Int) {
        (storage, nodes, children, text, _) = SyntaxStorage.buffers(capacity: capacity)
    }

    /// An empty tree with room for `capacity` nodes, and a stack of ids for the parser's lists
    /// in the same allocation.
    static func withStack(capacity: Int) -> (SyntaxTree, SyntaxBuffer<SyntaxNode.ID>) {
        let (storage, nodes, children, text, stack) = SyntaxStorage.buffers(capacity: capacity)
        return (SyntaxTree(storage: storage, nodes: nodes, children: children, text: text), stack)
    }

    private init(
        storage: SyntaxStorage, nodes: SyntaxBuffer<SyntaxNode>, children: SyntaxBuffer<SyntaxNode.ID>,
        text: SyntaxBuffer<UInt8>
    ) {
        self.storage = storage
        self.nodes = nodes
        self.children = children
        self.text = text
    }

    subscript(id: SyntaxNode.ID) -> SyntaxNode {
        get { nodes[Int(id)] }
        set { nodes[Int(id)] = newValue }
    }

    /// Appends `node` and returns its index.
    mutating func add(_ node: SyntaxNode) -> SyntaxNode.ID {
        nodes.append(node)
        return SyntaxNode.ID(truncatingIfNeeded: nodes.count - 1)
    }

    /// The child list of a row, group, table or table row.
    func list(_ node: SyntaxNode) -> UnsafeBufferPointer<SyntaxNode.ID> {
        children[Int(node.first)..<Int(node.first + node.second)]
    }

    /// The text of `node` as bytes.
    func bytes(_ node: SyntaxNode) -> UnsafeBufferPointer<UInt8> {
        text[Int(node.textStart)..<Int(node.textStart + node.textCount)]
    }

    /// The text of `node` as a `String`.
    func string(_ node: SyntaxNode) -> String {
        String(decoding: bytes(node), as: UTF8.self)
    }

    /// The second text of a symbol (its source spelling), kept in `third ..< third + fourth`.
    func sourceString(_ node: SyntaxNode) -> String {
        String(decoding: text[Int(node.third)..<Int(node.third + node.fourth)], as: UTF8.self)
    }

    /// Appends `bytes` to the text and returns where they start.
    @inline(__always)
    mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) -> (start: Int32, count: Int32) {
        let start = text.count
        text.append(contentsOf: bytes)
        return (Int32(truncatingIfNeeded: start), Int32(truncatingIfNeeded: bytes.count))
    }

    /// Appends `bytes` to the text and returns where they start.
    mutating func appendText<Bytes: Sequence>(_ bytes: Bytes) -> (start: Int32, count: Int32)
    where Bytes.Element == UInt8 {
        let start = text.count
        text.append(contentsOf: bytes)
        return (Int32(truncatingIfNeeded: start), Int32(truncatingIfNeeded: text.count - start))
    }

    /// Appends a child list and returns where it starts in `children`.
    @inline(__always)
    mutating func appendList(_ ids: UnsafeBufferPointer<SyntaxNode.ID>) -> (first: Int32, count: Int32) {
        let start = children.count
        children.append(contentsOf: ids)
        return (Int32(truncatingIfNeeded: start), Int32(truncatingIfNeeded: ids.count))
    }

    /// Appends a child list and returns where it starts in `children`.
    mutating func appendList<IDs: Collection>(_ ids: IDs) -> (first: Int32, count: Int32)
    where IDs.Element == SyntaxNode.ID {
        let start = children.count
        children.append(contentsOf: ids)
        return (Int32(truncatingIfNeeded: start), Int32(truncatingIfNeeded: ids.count))
    }
}

/// One node of a `SyntaxTree`: a plain value, so making and copying one costs no reference
/// counting. What the fields mean depends on `kind`:
///
/// | kind | a | b | text | first, second, third, fourth |
/// |---|---|---|---|---|
/// | row, group, tableRow | | | | child list `first ..< first + second` |
/// | table | environment kind | | name | rows list (`first`, `second`); column spec text (`third`, `fourth`, −1 if none) |
/// | identifier, number, error, unknownCommand | | | text (no backslash) | |
/// | symbol | atom class | | Unicode text | source spelling text (`third`, `fourth`) |
/// | largeOperator | atom class (always `.largeOperator`) | limits (0/1) | Unicode text | source spelling text (`third`, `fourth`) |
/// | function | | limits (0/1) | name | |
/// | styled | font | | | body `first` |
/// | text | font | | text | |
/// | scripts | | | | base `first`, sub `second`, sup `third` (−1 if none), primes `fourth` |
/// | fraction | fraction kind | | | numerator `first`, denominator `second` |
/// | root | | | | radicand `first`, index `second` (−1 if none) |
/// | accent | accent index | | | base `first` |
/// | overUnder | over/under kind | | | over `first`, under `second` (−1 if none), base `third` |
/// | fenced | | stretchy (0/1) | | open symbol `first`, close symbol `second` (−1 if none), body row `third` |
/// | space | | | | width in em: `Double(bitPattern:)` of `first`, `second` |
/// | sizedDelimiter | size | | | symbol `first` |
/// | mathStyle | style | | | body `first` |
/// | color | | | colour name | body `first` |
/// | lineBreak, noNumber | | | | |
/// | label, reference | | eqref (0/1) | name | |
/// | tag | | starred (0/1) | text | |
/// | divider | atom class | stretchy (0/1) | Unicode text | source spelling text (`third`, `fourth`) |
/// | enclosed | notation | | | body `first` |
/// | phantom | phantom kind | | | body `first` |
/// | sizing | | | | body `first`; size: `Double(bitPattern:)` of `second`, `third` |
///
/// `start` and `end` are byte offsets into the parsed LaTeX.
struct SyntaxNode: Sendable {
    typealias ID = Int32

    var kind: SyntaxKind
    var a: UInt8 = 0
    var b: UInt8 = 0
    var start: Int32
    var end: Int32
    var textStart: Int32 = 0
    var textCount: Int32 = 0
    var first: Int32 = -1
    var second: Int32 = -1
    var third: Int32 = -1
    var fourth: Int32 = 0

    init(_ kind: SyntaxKind, start: Int32, end: Int32) {
        self.kind = kind
        self.start = start
        self.end = end
    }

    /// The atom class of a symbol node.
    var atomClass: AtomClass { AtomClass(code: a) }

    /// The width of a space node, in em.
    var width: Double {
        Double(bitPattern: UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second)))
    }

    /// Stores `width` in a space node.
    mutating func setWidth(_ width: Double) {
        let bits = width.bitPattern
        first = Int32(bitPattern: UInt32(truncatingIfNeeded: bits >> 32))
        second = Int32(bitPattern: UInt32(truncatingIfNeeded: bits))
    }

    /// The size factor of a sizing node.
    var size: Double {
        Double(bitPattern: UInt64(UInt32(bitPattern: second)) << 32 | UInt64(UInt32(bitPattern: third)))
    }

    /// Stores `size` in a sizing node.
    mutating func setSize(_ size: Double) {
        let bits = size.bitPattern
        second = Int32(bitPattern: UInt32(truncatingIfNeeded: bits >> 32))
        third = Int32(bitPattern: UInt32(truncatingIfNeeded: bits))
    }
}

/// The kinds of `SyntaxNode`, one per `TeXNode.Kind` case plus `tableRow`.
enum SyntaxKind: UInt8, Sendable {
    case row, group, identifier, number, symbol, largeOperator, function, styled, text, scripts
    case fraction, root, accent, overUnder, fenced, table, tableRow, space, sizedDelimiter
    case mathStyle, color, lineBreak, unknownCommand, error
    case label, tag, noNumber, reference, divider, enclosed, phantom, sizing
}
