/// The thin space TeX puts around a named operator (`\log`, `\sin`, `\max`, `\operatorname`),
/// which MathML Core does not: its `<mi>log</mi><mo>⁡</mo>` touches both neighbours. TeX's table
/// of inter-atom spacing (The TeXbook, chapter 18) gives a thin space (3mu = 1/6 em) between an
/// ordinary atom or a closing delimiter and an operator, and between an operator and an ordinary
/// atom or another operator; none between an operator and an opening delimiter (`\log(x)`).
/// `MathMLWriter` asks this one rule, with what stands on each side.
enum OperatorSpacing {
    /// What a neighbour of a named operator is, as far as spacing goes.
    enum Side {
        case ordinary, function, opening, closing, other
    }

    static let thinSpace: StaticString = "<mspace width=\"0.1667em\"/>"

    /// Whether a thin space goes before a named operator whose left neighbour ends as `previous`
    /// (a neighbour that is itself an operator already put the space after it).
    static func spaceBefore(after previous: Side?) -> Bool {
        previous == .ordinary || previous == .closing
    }

    /// Whether a thin space goes after a named operator whose right neighbour starts as `next`.
    static func spaceAfter(before next: Side?) -> Bool {
        next == .ordinary || next == .function
    }

    /// The side of a symbol of atom class `atomClass`.
    static func side(of atomClass: AtomClass) -> Side {
        switch atomClass {
        case .ordinary: .ordinary
        case .opening: .opening
        case .closing: .closing
        default: .other
        }
    }

    /// TeX's medium space (4mu) around a binary operator, written out where a browser's operator
    /// dictionary gives less: Chromium sets `⋅`, `×`, `⊙`, `∘` with 3mu. Only `+`, `−`, `±`, `∓`
    /// get TeX's spacing from the dictionary, and keep the shorter markup.
    static let binaryOpening: StaticString = "<mo lspace=\"0.2222em\" rspace=\"0.2222em\">"

    /// Whether the dictionary already spaces the binary operator `scalar` as TeX does.
    static func dictionarySpacesLikeTeX(binary scalar: UInt32) -> Bool {
        scalar == 0x2B || scalar == 0x2D || scalar == 0x2212 || scalar == 0xB1 || scalar == 0x2213
    }

    /// The scalar UTF-8 `bytes` hold when they hold exactly one of one to three bytes (every
    /// operator symbol), decoded without making a string.
    static func singleScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        switch bytes.count {
        case 1 where bytes[0] < 0x80: UInt32(bytes[0])
        case 2 where bytes[0] & 0xE0 == 0xC0: UInt32(bytes[0] & 0x1F) << 6 | UInt32(bytes[1] & 0x3F)
        case 3 where bytes[0] & 0xF0 == 0xE0:
            UInt32(bytes[0] & 0x0F) << 12 | UInt32(bytes[1] & 0x3F) << 6 | UInt32(bytes[2] & 0x3F)
        default: nil
        }
    }
}
