/// A test input with position markers (`1️⃣` … `🔟`) placed in it, as swift-syntax's tests do: the
/// text without them, and where each stood (1-based line, UTF-8 column of what followed it).
public struct PositionMarkers: Sendable {
    /// The markers, in order.
    public static let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟"]

    /// A marker's place.
    public struct Position: Hashable, Sendable {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    /// The input without its markers.
    public let text: String
    /// Where each marker stood in `text`.
    public let positions: [String: Position]

    public init(_ marked: String) {
        var text = ""
        var positions: [String: Position] = [:]
        var line = 1
        var column = 1
        var rest = Substring(marked)
        while let character = rest.first {
            if let marker = Self.markers.first(where: { rest.hasPrefix($0) }) {
                positions[marker] = Position(line: line, column: column)
                rest = rest.dropFirst(marker.count)
                continue
            }
            text.append(character)
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.utf8.count
            }
            rest = rest.dropFirst()
        }
        self.text = text
        self.positions = positions
    }

    /// The position of `marker`, if the input has it.
    public subscript(marker: String) -> Position? { positions[marker] }
}
