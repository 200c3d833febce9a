/// Where each part of a lesson's cells goes in its generated file.
///
/// Cells run in order in one scope, as in Jupyter, inside one test function. But Swift allows
/// some declarations only at file scope — `import`, `extension`, `protocol`, operators and
/// precedence groups — and an extension can only extend a type declared at file scope. So those
/// declarations move to file scope, with the types and functions they name (transitively), and
/// the rest stays in the function, in order. Moved declarations get `fileprivate` unless they
/// say otherwise, so two lessons that declare the same name never collide in the one test module.
struct CellLayout {
    /// A declaration moved to file scope: its text and the line of the lesson it starts on.
    struct Moved: Equatable {
        var text: String
        var line: Int
    }

    /// Per cell: what stays in the test function (moved declarations blanked out, lines kept).
    var bodies: [String]
    /// The declarations moved to file scope, in lesson order.
    var moved: [Moved]
    /// Per cell: the names it declares in the function's scope (for nested scopes on redeclaration).
    var declaredNames: [Set<String>]
    /// Every identifier the cells use or declare.
    var identifiers: Set<String>

    /// Lays out `cells` (their sources and the lesson line each source's first line is on).
    init(cells: [(source: String, firstLine: Int)]) {
        let scans = cells.map { SwiftCellScanner($0.source) }
        identifiers = scans.reduce(into: Set<String>()) { $0.formUnion($1.identifiers) }

        // Which declarations move: the file-scope-only kinds, then what they name, until nothing changes.
        var moves: [[Bool]] = scans.map { $0.declarations.map { Self.fileScopeOnly($0.kind) } }
        var changed = true
        while changed {
            changed = false
            var named: Set<String> = []
            for (scan, flags) in zip(scans, moves) {
                for (declaration, moved) in zip(scan.declarations, flags) where moved {
                    named.formUnion(declaration.identifiers)
                    if declaration.kind == .extension { named.insert(declaration.name) }
                }
            }
            for (cell, scan) in scans.enumerated() {
                for (index, declaration) in scan.declarations.enumerated() where !moves[cell][index] {
                    let movable = [.type, .function, .typealias].contains(declaration.kind)
                    if movable, named.contains(declaration.name) {
                        moves[cell][index] = true
                        changed = true
                    }
                }
            }
        }

        var bodies: [String] = []
        var moved: [Moved] = []
        var declaredNames: [Set<String>] = []
        for (cell, scan) in scans.enumerated() {
            var bytes = Array(cells[cell].source.utf8)
            var names: Set<String> = []
            for (index, declaration) in scan.declarations.enumerated() {
                guard moves[cell][index] else {
                    names.formUnion(declaration.names)
                    continue
                }
                let line = cells[cell].firstLine + bytes[..<declaration.start].filter { $0 == UInt8(ascii: "\n") }.count
                moved.append(Moved(text: Self.fileScopeText(of: declaration, in: bytes), line: line))
                for offset in declaration.start..<declaration.end where bytes[offset] != UInt8(ascii: "\n") {
                    bytes[offset] = UInt8(ascii: " ")
                }
            }
            bodies.append(String(decoding: bytes, as: UTF8.self))
            declaredNames.append(names)
        }
        self.bodies = bodies
        self.moved = moved
        self.declaredNames = declaredNames
    }

    private static func fileScopeOnly(_ kind: SwiftCellScanner.Declaration.Kind) -> Bool {
        switch kind {
        case .import, .extension, .protocol, .precedencegroup, .operator, .macro: true
        case .type, .function, .typealias, .variable: false
        }
    }

    /// The declaration's text as it stands at file scope: indented as in the cell (so columns
    /// stay the lesson's), `fileprivate` before its keyword where it may carry one.
    private static func fileScopeText(of declaration: SwiftCellScanner.Declaration, in bytes: [UInt8]) -> String {
        var lineStart = declaration.start
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        let indent = String(repeating: " ", count: declaration.start - lineStart)
        let head = String(decoding: bytes[declaration.start..<declaration.keywordStart], as: UTF8.self)
        let rest = String(decoding: bytes[declaration.keywordStart..<declaration.end], as: UTF8.self)
        let mayBePrivate: Bool
        switch declaration.kind {
        case .import, .operator, .precedencegroup, .macro: mayBePrivate = false
        case .extension: mayBePrivate = !declaration.declaresConformance
        case .protocol, .type, .function, .typealias, .variable: mayBePrivate = true
        }
        let modifier = mayBePrivate && !declaration.hasAccessModifier ? "fileprivate " : ""
        return indent + head + modifier + rest
    }
}
