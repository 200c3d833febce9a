import Foundation
import LitmusDiagnostics

/// Finds `<img src=… alt=…>` tags in raw HTML, which lessons use to size pictures.
enum HTMLImageScanner {
    static func images(in html: String, at range: SourceRange?) -> [Lesson.Reference] {
        var out: [Lesson.Reference] = []
        var rest = Substring(html)
        while let open = rest.range(of: "<img", options: .caseInsensitive) {
            let tail = rest[open.upperBound...]
            guard let close = tail.firstIndex(of: ">") else { break }
            let tag = tail[..<close]
            // The tag's line within the HTML, for the reference's position.
            let line = html[html.startIndex..<open.lowerBound].filter { $0 == "\n" }.count
            let lineStart =
                html[..<open.lowerBound].lastIndex(of: "\n").map { html.index(after: $0) } ?? html.startIndex
            let column = html.utf8.distance(from: lineStart, to: open.lowerBound)
            var location = range?.start ?? .start
            if line > 0 {
                location = SourceLocation(line: location.line + line, column: column + 1)
            } else {
                location.column += column
            }
            out.append(
                Lesson.Reference(
                    destination: attribute("src", in: tag) ?? "", title: attribute("title", in: tag) ?? "",
                    text: attribute("alt", in: tag) ?? "", range: SourceRange(at: location)))
            rest = tail[close...]
        }
        return out
    }

    /// The value of `name="…"`, `name='…'` or `name=value` in a tag.
    static func attribute(_ name: String, in tag: Substring) -> String? {
        var search = tag[...]
        while let found = search.range(of: name, options: .caseInsensitive) {
            let before = found.lowerBound == tag.startIndex ? " " : tag[tag.index(before: found.lowerBound)]
            var index = found.upperBound
            guard before == " " || before == "\n" || before == "\t" else {
                search = tag[found.upperBound...]
                continue
            }
            while index < tag.endIndex, tag[index] == " " { index = tag.index(after: index) }
            guard index < tag.endIndex, tag[index] == "=" else {
                search = tag[found.upperBound...]
                continue
            }
            index = tag.index(after: index)
            while index < tag.endIndex, tag[index] == " " { index = tag.index(after: index) }
            guard index < tag.endIndex else { return "" }
            let quote = tag[index]
            if quote == "\"" || quote == "'" {
                let valueStart = tag.index(after: index)
                let valueEnd = tag[valueStart...].firstIndex(of: quote) ?? tag.endIndex
                return String(tag[valueStart..<valueEnd])
            }
            let valueEnd = tag[index...].firstIndex(where: { $0 == " " || $0 == "/" || $0 == "\n" }) ?? tag.endIndex
            return String(tag[index..<valueEnd])
        }
        return nil
    }
}
