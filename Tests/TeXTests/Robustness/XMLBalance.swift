/// Whether `xml` has balanced, properly nested tags: a cheap well-formedness check for the
/// writer's output (no attribute or entity validation). Works on bytes, since a combining mark
/// after `>` would join it into another `Character`.
func isBalancedXML(_ xml: String) -> Bool {
    var stack: [ArraySlice<UInt8>] = []
    let bytes = Array(xml.utf8)
    var index = 0
    while index < bytes.count {
        switch bytes[index] {
        case UInt8(ascii: "<"):
            guard let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else { return false }
            let tag = bytes[(index + 1)..<close]
            if tag.first == UInt8(ascii: "/") {
                guard let open = stack.popLast(), open.elementsEqual(tag.dropFirst()) else { return false }
            } else if tag.last != UInt8(ascii: "/") {
                stack.append(tag.prefix { $0 != UInt8(ascii: " ") })
            }
            index = close + 1
        case UInt8(ascii: ">"):
            return false
        default:
            index += 1
        }
    }
    return stack.isEmpty
}
