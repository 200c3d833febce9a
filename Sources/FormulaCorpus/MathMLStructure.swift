/// Checks MathML as the fuzz runs need: tags balanced and nested, and each element of fixed
/// arity (`msub`, `mfrac`, `munderover`…) holding exactly its number of children. Works on
/// bytes; attributes and entities are not validated.
public enum MathMLStructure {
    /// `nil` when `xml` is well formed, otherwise what is wrong.
    public static func problem(in xml: String) -> String? {
        var stack: [(name: [UInt8], children: Int)] = []
        let bytes = Array(xml.utf8)
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "<"):
                guard let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else { return "a `<` never closed" }
                let tag = bytes[(index + 1)..<close]
                let name = Array(tag.prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "/") })
                if tag.first == UInt8(ascii: "/") {
                    let closing = Array(tag.dropFirst())
                    guard let open = stack.popLast(), open.name == closing else {
                        return "`</\(String(decoding: closing, as: UTF8.self))>` closes nothing open"
                    }
                    if let arity = arities[String(decoding: open.name, as: UTF8.self)], open.children != arity {
                        return
                            "<\(String(decoding: open.name, as: UTF8.self))> has \(open.children) children, not \(arity)"
                    }
                } else {
                    if !stack.isEmpty { stack[stack.count - 1].children += 1 }
                    if tag.last != UInt8(ascii: "/") { stack.append((name, 0)) }
                }
                index = close + 1
            case UInt8(ascii: ">"):
                return "a stray `>`"
            default:
                index += 1
            }
        }
        return stack.isEmpty ? nil : "<\(String(decoding: stack.last!.name, as: UTF8.self))> is never closed"
    }

    /// The elements whose children are their arguments, by the number of them.
    private static let arities: [String: Int] = [
        "msub": 2, "msup": 2, "msubsup": 3, "mfrac": 2, "mroot": 2, "mover": 2, "munder": 2, "munderover": 3,
    ]
}
