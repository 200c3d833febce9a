/// Cleans what a cell prints of what depends on where it ran.
///
/// Swift prints a value of a type declared inside a function or `fileprivate` with its context's
/// address (`NotebookTests.Suite.(unknown context at $55d5d259a0c8).Point(x: 1)`), which changes
/// from run to run; a lesson's cells are such code. The address, the declarations around it and
/// the test module's name are removed, so the value prints as the lesson reads it: `Point(x: 1)`.
public enum CellOutput {
    /// `text` without `(unknown context at $…).` parts, the dotted names just before them, and the
    /// `module.` prefix of the module's own types.
    public static func clean(_ text: String, module: String) -> String {
        guard text.contains("(unknown context at $") || text.contains(module + ".") else { return text }
        let marker = Array("(unknown context at $".utf8)
        let modulePrefix = Array((module + ".").utf8)
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "("), let end = contextEnd(bytes, at: index, marker: marker) {
                // The enclosing declarations' path (`Module.Suite.`) goes with the context.
                while let last = out.last, isWordOrDot(last) { out.removeLast() }
                index = end
                continue
            }
            if bytes[index] == modulePrefix[0], startsIdentifier(bytes, at: index),
                bytes[index...].starts(with: modulePrefix)
            {
                index += modulePrefix.count
                continue
            }
            out.append(bytes[index])
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The index just past `(unknown context at $<hex>).` starting at `index`, if it is one.
    private static func contextEnd(_ bytes: [UInt8], at index: Int, marker: [UInt8]) -> Int? {
        guard bytes[index...].starts(with: marker) else { return nil }
        var end = index + marker.count
        let hexStart = end
        while end < bytes.count, isHex(bytes[end]) { end += 1 }
        guard end > hexStart, end + 1 < bytes.count, bytes[end] == UInt8(ascii: ")"),
            bytes[end + 1] == UInt8(ascii: ".")
        else { return nil }
        return end + 2
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
    }

    private static func isWordOrDot(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: ".")
    }

    /// Whether a name starting at `index` is not the tail of a longer identifier.
    private static func startsIdentifier(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index > 0 else { return true }
        let previous = bytes[index - 1]
        let isWord =
            (previous >= UInt8(ascii: "a") && previous <= UInt8(ascii: "z"))
            || (previous >= UInt8(ascii: "A") && previous <= UInt8(ascii: "Z"))
            || (previous >= UInt8(ascii: "0") && previous <= UInt8(ascii: "9")) || previous == UInt8(ascii: "_")
            || previous == UInt8(ascii: ".")
        return !isWord
    }
}
