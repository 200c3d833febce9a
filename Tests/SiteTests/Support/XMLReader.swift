import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses a page back with an XML parser, as the acceptance asks: a page that is not
/// well-formed fails here. Collects element names and the text of chosen elements.
final class XMLReader: NSObject, XMLParserDelegate {
    private(set) var elements: [String] = []
    private(set) var attributes: [(element: String, attributes: [String: String])] = []
    private(set) var texts: [String: [String]] = [:]
    private(set) var error: String?
    private var collecting: [(name: String, text: String)] = []
    private let collect: Set<String>

    /// Parses `html` (its DOCTYPE line removed); `collect` names elements whose text is kept.
    init(_ html: String, collect: Set<String> = []) {
        self.collect = collect
        super.init()
        let body = html.replacingOccurrences(of: "<!DOCTYPE html>", with: "")
        let parser = XMLParser(data: Data(body.utf8))
        parser.delegate = self
        if !parser.parse() {
            error =
                parser.parserError.map { "\($0) at line \(parser.lineNumber), column \(parser.columnNumber)" }
                ?? "unknown XML error"
        }
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append(name)
        self.attributes.append((name, attributes))
        if collect.contains(name) { collecting.append((name, "")) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        for index in collecting.indices { collecting[index].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if collect.contains(name), let last = collecting.popLast() {
            texts[last.name, default: []].append(last.text)
        }
    }
}
