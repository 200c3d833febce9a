// Table nodes as <mtable>: matrices inside
// stretchy fences, `cases` as a left brace and a left-aligned table, `align`-like environments
// alternating right and left columns, `array` aligned by its column spec.
extension MathMLWriter.Emitter {
    mutating func emitTable(_ node: SyntaxNode, font: MathFont) {
        let index = Int(node.a)
        let kind = index < EnvironmentKind.table.count ? EnvironmentKind.table[index].kind : Self.unknownEnvironment
        let fenced = kind.open != nil || kind.close != nil
        if fenced { out.append("<mrow>") }
        if let open = kind.open { emitDelimiter(open, postfix: false) }
        if kind.small { out.append("<mstyle scriptlevel=\"1\">") }
        out.append(kind.displayStyle ? "<mtable displaystyle=\"true\">" : "<mtable displaystyle=\"false\">")

        // `array`'s spec, when it has alignment letters, aligns its columns, and its last letter
        // any column past them; otherwise the environment's rule does. An ASCII spec is read in
        // step with the cells; another is read once as `Character`s.
        var spec = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var specLetters: [UInt8] = []
        var lastLetter: UInt8 = 0
        if index == Self.arrayIndex, node.third >= 0 {
            spec = UnsafeBufferPointer(rebasing: text[Int(node.third)..<Int(node.third + node.fourth)])
            if spec.contains(where: { $0 >= 0x80 }) {
                specLetters = Self.alignmentLetters(String(decoding: spec, as: UTF8.self))
                spec = UnsafeBufferPointer(start: nil, count: 0)
                lastLetter = specLetters.last ?? 0
            } else {
                lastLetter = spec.last(where: Self.isAlignmentLetter) ?? 0
            }
        }

        for rowIndex in 0..<Int(node.second) {
            let row = child(node, rowIndex)
            out.append("<mtr>")
            var cursor = 0
            for column in 0..<Int(row.second) {
                var letter: UInt8
                if lastLetter == 0 {
                    switch kind.alignment {
                    case .center: letter = UInt8(ascii: "c")
                    case .left: letter = UInt8(ascii: "l")
                    case .alternating: letter = column % 2 == 0 ? UInt8(ascii: "r") : UInt8(ascii: "l")
                    }
                } else if !specLetters.isEmpty {
                    letter = column < specLetters.count ? specLetters[column] : lastLetter
                } else {
                    while cursor < spec.count, !Self.isAlignmentLetter(spec[cursor]) { cursor += 1 }
                    letter = cursor < spec.count ? spec[cursor] : lastLetter
                    cursor += 1
                }
                switch letter {
                case UInt8(ascii: "l"): out.append("<mtd columnalign=\"left\" style=\"text-align:left\">")
                case UInt8(ascii: "r"): out.append("<mtd columnalign=\"right\" style=\"text-align:right\">")
                default: out.append("<mtd>")
                }
                emitContents(of: child(row, column), font: font)
                out.append("</mtd>")
            }
            out.append("</mtr>")
        }

        out.append("</mtable>")
        if kind.small { out.append("</mstyle>") }
        if let close = kind.close { emitDelimiter(close, postfix: true) }
        if fenced { out.append("</mrow>") }
    }

    /// A stretchy fence of an environment (`(` of `pmatrix`).
    private mutating func emitDelimiter(_ text: String, postfix: Bool) {
        var text = text
        text.withUTF8 { emitDelimiter($0, postfix: postfix, stretchy: true) }
    }

    /// What an environment of unknown name is written as: a centred table in text style.
    private static let unknownEnvironment = EnvironmentKind(
        open: nil, close: nil, alignment: .center, displayStyle: false)

    private static let arrayIndex = EnvironmentKind.index(named: "array") ?? -1

    private static func isAlignmentLetter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "l") || byte == UInt8(ascii: "r") || byte == UInt8(ascii: "c")
    }

    /// The alignment letters of a spec, `Character` by character (a letter with a combining mark
    /// is not one).
    private static func alignmentLetters(_ spec: String) -> [UInt8] {
        spec.compactMap { $0 == "l" || $0 == "r" || $0 == "c" ? $0.asciiValue : nil }
    }
}
