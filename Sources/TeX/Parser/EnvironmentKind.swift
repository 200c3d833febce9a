/// What Litmus knows about each environment name: the fences around it and how its columns align.
struct EnvironmentKind: Sendable {
    /// The opening and closing fence (`(`, `)` for `pmatrix`), or `nil`.
    var open: String?
    var close: String?
    /// How cells align; `alternating` is right, left, right… as `align` does.
    var alignment: Alignment
    /// Whether cells are in display style (`align`) or text style (matrices, `cases`).
    var displayStyle: Bool
    /// Whether cells are in script size (`smallmatrix`).
    var small: Bool = false
    /// Whether the environment takes a column specification (`array{cc}`).
    var takesColumnSpec: Bool = false

    enum Alignment: Sendable {
        case center, left, alternating
    }

    /// The environment called `name`, or `nil` when it is unknown.
    static func named(_ name: String) -> EnvironmentKind? { index(named: name).map { table[$0].kind } }

    /// The index of the environment called `name` in `table`, as table nodes store it.
    static func index(named name: String) -> Int? { indexes[name] }

    private static let indexes: [String: Int] = Dictionary(
        uniqueKeysWithValues: table.enumerated().map { ($0.element.name, $0.offset) })

    /// The index of the environment whose UTF-8 name is `name`, without making a `String`.
    static func index(named name: UnsafeBufferPointer<UInt8>) -> Int? {
        let names = utf8Names
        for index in names.indices where names[index].count == name.count && names[index].elementsEqual(name) {
            return index
        }
        return nil
    }

    /// The index of `substack`, which `\substack` makes.
    static let substack = index(named: "substack")

    private static let utf8Names: [[UInt8]] = table.map { Array($0.name.utf8) }

    /// The environments Litmus knows, by name.
    static let table: [(name: String, kind: EnvironmentKind)] = [
        ("matrix", EnvironmentKind(open: nil, close: nil, alignment: .center, displayStyle: false)),
        ("pmatrix", EnvironmentKind(open: "(", close: ")", alignment: .center, displayStyle: false)),
        ("bmatrix", EnvironmentKind(open: "[", close: "]", alignment: .center, displayStyle: false)),
        ("Bmatrix", EnvironmentKind(open: "{", close: "}", alignment: .center, displayStyle: false)),
        ("vmatrix", EnvironmentKind(open: "|", close: "|", alignment: .center, displayStyle: false)),
        ("Vmatrix", EnvironmentKind(open: "‖", close: "‖", alignment: .center, displayStyle: false)),
        ("smallmatrix", EnvironmentKind(open: nil, close: nil, alignment: .center, displayStyle: false, small: true)),
        ("cases", EnvironmentKind(open: "{", close: nil, alignment: .left, displayStyle: false)),
        ("dcases", EnvironmentKind(open: "{", close: nil, alignment: .left, displayStyle: true)),
        ("rcases", EnvironmentKind(open: nil, close: "}", alignment: .left, displayStyle: false)),
        (
            "array",
            EnvironmentKind(open: nil, close: nil, alignment: .center, displayStyle: false, takesColumnSpec: true)
        ),
        ("aligned", EnvironmentKind(open: nil, close: nil, alignment: .alternating, displayStyle: true)),
        ("align", EnvironmentKind(open: nil, close: nil, alignment: .alternating, displayStyle: true)),
        ("align*", EnvironmentKind(open: nil, close: nil, alignment: .alternating, displayStyle: true)),
        (
            "alignat",
            EnvironmentKind(
                open: nil, close: nil, alignment: .alternating, displayStyle: true,
                takesColumnSpec: true)
        ),
        (
            "alignat*",
            EnvironmentKind(
                open: nil, close: nil, alignment: .alternating, displayStyle: true,
                takesColumnSpec: true)
        ),
        ("split", EnvironmentKind(open: nil, close: nil, alignment: .alternating, displayStyle: true)),
        ("equation", EnvironmentKind(open: nil, close: nil, alignment: .center, displayStyle: true)),
        ("equation*", EnvironmentKind(open: nil, close: nil, alignment: .center, displayStyle: true)),
        ("gather", EnvironmentKind(open: nil, close: nil, alignment: .center, displayStyle: true)),
        ("gather*", EnvironmentKind(open: nil, close: nil, alignment: .center, displayStyle: true)),
        ("gathered", EnvironmentKind(open: nil, close: nil, alignment: .center, displayStyle: true)),
        ("multline", EnvironmentKind(open: nil, close: nil, alignment: .center, displayStyle: true)),
        ("multline*", EnvironmentKind(open: nil, close: nil, alignment: .center, displayStyle: true)),
        ("substack", EnvironmentKind(open: nil, close: nil, alignment: .center, displayStyle: false, small: true)),
    ]
}
