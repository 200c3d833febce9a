/// Writes a tree as one compact line with the start of every node, for tests and debugging:
/// `x^{(l)}` dumps as `row@1:1[sup@1:1(id(x)@1:1; ^{paren(@1:4[id(l)@1:5])}@1:3)]`.
public struct TeXTreeDumper: Sendable {
    /// Creates a dumper.
    public init() {}

    /// The dump of `node` and everything under it.
    public func dump(_ node: TeXNode) -> String {
        var out = ""
        write(node, into: &out)
        return out
    }

    private func write(_ node: TeXNode, into out: inout String) {
        let at = "@\(node.range.start)"
        switch node.kind {
        case .row(let nodes):
            out += "row\(at)"
            list(nodes, into: &out)
        case .group(let nodes):
            out += "{"
            joined(nodes, into: &out)
            out += "}\(at)"
        case .identifier(let text): out += "id(\(text))\(at)"
        case .number(let digits): out += "num(\(digits))\(at)"
        case .symbol(let symbol): out += "\(Self.tag(symbol.atomClass))(\(symbol.text))\(at)"
        case .largeOperator(let symbol, let limits): out += "bigop(\(symbol.text)\(limits ? " limits" : ""))\(at)"
        case .function(let name, let limits): out += "fn(\(name)\(limits ? " limits" : ""))\(at)"
        case .styled(let font, let body):
            out += "\(font.rawValue)\(at)("
            write(body, into: &out)
            out += ")"
        case .text(let text, let font): out += "text(\(font == .roman ? "" : font.rawValue + " ")\"\(text)\")\(at)"
        case .scripts(let scripts):
            let name = scripts.sub == nil ? "sup" : scripts.sup == nil && scripts.primes == 0 ? "sub" : "subsup"
            out += "\(name)\(at)("
            write(scripts.base, into: &out)
            if let sub = scripts.sub { out += "; _"; write(sub, into: &out) }
            if let sup = scripts.sup { out += "; ^"; write(sup, into: &out) }
            if scripts.primes > 0 { out += "; primes \(scripts.primes)" }
            out += ")"
        case .fraction(let kind, let numerator, let denominator):
            call(kind.rawValue, at, [numerator, denominator], &out)
        case .root(let radicand, let index): call("sqrt", at, (index.map { [$0] } ?? []) + [radicand], &out)
        case .accent(let accent, let base): call(accent.name, at, [base], &out)
        case .overUnder(let kind, let over, let under, let base):
            call(kind.rawValue, at, [base] + [over, under].compactMap { $0 }, &out)
        case .fenced(let fence):
            out += "\(fence.isStretchy ? "left" : "paren")\(fence.open?.text ?? ".")\(at)"
            if case .row(let nodes) = fence.body.kind { list(nodes, into: &out) } else { write(fence.body, into: &out) }
            out += fence.close?.text ?? "."
        case .environment(let environment):
            out += "\(environment.name)\(environment.columnSpec.map { "{\($0)}" } ?? "")\(at)["
            for (index, row) in environment.rows.enumerated() {
                if index > 0 { out += " \\\\ " }
                for (column, cell) in row.enumerated() {
                    if column > 0 { out += " & " }
                    if case .row(let nodes) = cell.kind { joined(nodes, into: &out) } else { write(cell, into: &out) }
                }
            }
            out += "]"
        case .space(let width): out += "space(\(MathMLBytes.em(width)))\(at)"
        case .sizedDelimiter(let symbol, let size): out += "big\(size)(\(symbol.text))\(at)"
        case .mathStyle(let style, let body): call("\(style.rawValue)style", at, [body], &out)
        case .color(let color, let body): call("color \(color)", at, [body], &out)
        case .lineBreak: out += "newline\(at)"
        case .unknownCommand(let name): out += "unknown(\\\(name))\(at)"
        case .label(let name): out += "label(\(name))\(at)"
        case .tag(let text, let starred): out += "tag\(starred ? "*" : "")(\(text))\(at)"
        case .noNumber: out += "nonumber\(at)"
        case .reference(let name, let equation): out += "\(equation ? "eqref" : "ref")(\(name))\(at)"
        case .divider(let symbol, let stretchy): out += "divider\(stretchy ? " middle" : "")(\(symbol.text))\(at)"
        case .enclosed(let notation, let body): call(notation.rawValue, at, [body], &out)
        case .phantom(let kind, let body): call(kind.rawValue, at, [body], &out)
        case .sizing(let size, let body): call("size \(size)", at, [body], &out)
        case .error(let text): out += "error(\(text))\(at)"
        }
    }

    private func call(_ name: String, _ at: String, _ arguments: [TeXNode], _ out: inout String) {
        out += "\(name)\(at)("
        for (index, argument) in arguments.enumerated() {
            if index > 0 { out += "; " }
            write(argument, into: &out)
        }
        out += ")"
    }

    private func list(_ nodes: [TeXNode], into out: inout String) {
        out += "["
        joined(nodes, into: &out)
        out += "]"
    }

    private func joined(_ nodes: [TeXNode], into out: inout String) {
        for (index, node) in nodes.enumerated() {
            if index > 0 { out += " " }
            write(node, into: &out)
        }
    }

    private static func tag(_ atomClass: AtomClass) -> String {
        switch atomClass {
        case .ordinary: "ord"
        case .largeOperator: "bigop"
        case .binary: "bin"
        case .relation: "rel"
        case .opening: "open"
        case .closing: "close"
        case .punctuation: "punct"
        case .fence: "fence"
        }
    }
}
