// The one-byte codes a `SyntaxNode` stores for the small enums of the syntax tree, written as
// switches so that reading one costs no table lookup.

extension AtomClass {
    /// The class with `code`; an unknown code reads as `.ordinary`.
    init(code: UInt8) {
        switch code {
        case 1: self = .largeOperator
        case 2: self = .binary
        case 3: self = .relation
        case 4: self = .opening
        case 5: self = .closing
        case 6: self = .punctuation
        case 7: self = .fence
        default: self = .ordinary
        }
    }

    /// The class's code in a `SyntaxNode`.
    var code: UInt8 {
        switch self {
        case .ordinary: 0
        case .largeOperator: 1
        case .binary: 2
        case .relation: 3
        case .opening: 4
        case .closing: 5
        case .punctuation: 6
        case .fence: 7
        }
    }
}

extension MathFont {
    /// The font with `code`; an unknown code reads as `.normal`.
    init(code: UInt8) {
        switch code {
        case 1: self = .roman
        case 2: self = .bold
        case 3: self = .italic
        case 4: self = .boldItalic
        case 5: self = .doubleStruck
        case 6: self = .script
        case 7: self = .fraktur
        case 8: self = .sansSerif
        case 9: self = .monospace
        default: self = .normal
        }
    }

    /// The font's code in a `SyntaxNode`.
    var code: UInt8 {
        switch self {
        case .normal: 0
        case .roman: 1
        case .bold: 2
        case .italic: 3
        case .boldItalic: 4
        case .doubleStruck: 5
        case .script: 6
        case .fraktur: 7
        case .sansSerif: 8
        case .monospace: 9
        }
    }
}

extension MathStyle {
    /// The style with `code`; an unknown code reads as `.text`.
    init(code: UInt8) {
        switch code {
        case 0: self = .display
        case 2: self = .script
        case 3: self = .scriptScript
        default: self = .text
        }
    }

    /// The style's code in a `SyntaxNode`.
    var code: UInt8 {
        switch self {
        case .display: 0
        case .text: 1
        case .script: 2
        case .scriptScript: 3
        }
    }
}

extension FractionKind {
    /// The kind with `code`; an unknown code reads as `.frac`.
    init(code: UInt8) {
        switch code {
        case 1: self = .tfrac
        case 2: self = .dfrac
        case 3: self = .binom
        case 4: self = .atop
        case 5: self = .brace
        case 6: self = .brack
        default: self = .frac
        }
    }

    /// The kind's code in a `SyntaxNode`.
    var code: UInt8 {
        switch self {
        case .frac: 0
        case .tfrac: 1
        case .dfrac: 2
        case .binom: 3
        case .atop: 4
        case .brace: 5
        case .brack: 6
        }
    }
}

extension OverUnderKind {
    /// The kind with `code`; an unknown code reads as `.overbrace`.
    init(code: UInt8) {
        switch code {
        case 1: self = .underbrace
        case 2: self = .overset
        case 3: self = .underset
        default: self = .overbrace
        }
    }

    /// The kind's code in a `SyntaxNode`.
    var code: UInt8 {
        switch self {
        case .overbrace: 0
        case .underbrace: 1
        case .overset: 2
        case .underset: 3
        }
    }
}

extension EncloseNotation {
    /// The notation with `code`; an unknown code reads as `.box`.
    init(code: UInt8) {
        switch code {
        case 1: self = .cancel
        case 2: self = .backCancel
        case 3: self = .crossCancel
        default: self = .box
        }
    }

    /// The notation's code in a `SyntaxNode`.
    var code: UInt8 {
        switch self {
        case .box: 0
        case .cancel: 1
        case .backCancel: 2
        case .crossCancel: 3
        }
    }
}

extension PhantomKind {
    /// The kind with `code`; an unknown code reads as `.phantom`.
    init(code: UInt8) {
        switch code {
        case 1: self = .horizontal
        case 2: self = .vertical
        case 3: self = .smash
        default: self = .phantom
        }
    }

    /// The kind's code in a `SyntaxNode`.
    var code: UInt8 {
        switch self {
        case .phantom: 0
        case .horizontal: 1
        case .vertical: 2
        case .smash: 3
        }
    }
}
