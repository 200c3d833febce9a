import LitmusDiagnostics

/// Positions marked inside a test input with keycap emoji (`1️⃣`…`9️⃣`), as swift-syntax's
/// tests do: the markers are removed, and each one's position (1-based line, UTF-8 column of
/// the byte that followed it) is returned by name.
struct MarkedSource {
    let text: String
    let markers: [String: SourceLocation]

    init(_ marked: String) {
        var text = ""
        var markers: [String: SourceLocation] = [:]
        var line = 1
        var column = 1
        for character in marked {
            let scalars = character.unicodeScalars.map(\.value)
            if scalars.count == 3, scalars[1] == 0xFE0F, scalars[2] == 0x20E3, (0x31...0x39).contains(scalars[0]) {
                markers[String(Character(Unicode.Scalar(scalars[0])!))] = SourceLocation(line: line, column: column)
                continue
            }
            text.append(character)
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.utf8.count
            }
        }
        self.text = text
        self.markers = markers
    }

    subscript(_ name: String) -> SourceLocation {
        guard let location = markers[name] else { fatalError("no marker \(name) in the test input") }
        return location
    }
}
