import LitmusDiagnostics

/// Finds the math spans of a Markdown text *before* cmark-gfm parses it, and masks them.
///
/// cmark would eat `\\` (matrix rows), `\{` and `\_`, read `*…*` and `_…_` inside formulas as
/// emphasis, split `$|x|$` in table cells and start lists inside multi-line `$$`. So each span's
/// bytes are replaced by a filler that cmark passes through as plain text (`0x01` and `0x02`,
/// alternating so that neighbouring spans stay apart), line ends kept, so every line and column
/// outside the spans is unchanged. `CommonMarkConverter` puts the formulas back.
///
/// The scanner knows just enough block structure to leave code alone: fenced and indented code
/// blocks, code spans, HTML tags and comments, link destinations and reference definitions.
/// Where its guess differs from cmark's (a line it took for prose is code to cmark), the
/// converter restores the text and drops the span, so cmark always has the last word on code.
struct MathScanner {
    /// A span found by the scanner, in byte offsets of the normalised source.
    struct Span {
        var delimiter: MathDelimiter
        /// Offset of the opening delimiter's first byte and just past the closing delimiter.
        var start: Int
        var end: Int
        /// The LaTeX, one byte range per source line (continuation-line quote markers excluded).
        var latex: [Range<Int>]
        /// The masked byte ranges, one per source line; an empty range is a blank line inside
        /// the span, which gets one filler byte so that it does not end the paragraph.
        var masked: [Range<Int>]
    }

    /// The result: spans in order, masked bytes, and warnings for unterminated delimiters.
    struct Result {
        var spans: [Span]
        var masked: [UInt8]
        var diagnostics: [Diagnostic]
        /// Byte offset of each line start (and the length as a sentinel), for positions.
        var lineStarts: [Int]
    }

    static let fillers: (UInt8, UInt8) = (0x01, 0x02)

    private enum LineKind { case text, blank, code, referenceDefinition }

    private let bytes: [UInt8]
    private var lineStarts: [Int] = []
    /// End of each line's content (offset of its `\n`, or the text's length).
    private var lineEnds: [Int] = []
    /// Offset just past each line's block-quote markers.
    private var contentStarts: [Int] = []
    private var kinds: [LineKind] = []
    private var spans: [Span] = []
    private var diagnostics: [Diagnostic] = []
    /// Memo of failed closer searches: a search for the same closer starting before the stored
    /// offset fails too, which keeps pathological inputs (thousands of unmatched `\(`) linear.
    private var failedSearches: [String: Int] = [:]

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Scans normalised lesson bytes (see `LessonSource`).
    static func scan(_ bytes: [UInt8]) -> Result {
        var scanner = MathScanner(bytes: bytes)
        scanner.indexLines()
        scanner.classifyLines()
        scanner.scanInline()
        return Result(
            spans: scanner.spans,
            masked: scanner.mask(),
            diagnostics: scanner.diagnostics,
            lineStarts: scanner.lineStarts + [bytes.count]
        )
    }

    // MARK: - Lines and blocks

    private mutating func indexLines() {
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            lineStarts.append(start)
            lineEnds.append(index)
            start = index + 1
        }
        if start < bytes.count || lineStarts.isEmpty {
            lineStarts.append(start)
            lineEnds.append(bytes.count)
        }
        contentStarts = lineStarts.indices.map { quotePrefixEnd(line: $0) }
    }

    /// Past the block-quote markers (`>`, each after up to three spaces, with one optional space).
    private func quotePrefixEnd(line: Int) -> Int {
        var position = lineStarts[line]
        let end = lineEnds[line]
        while true {
            var probe = position
            var spaces = 0
            while probe < end, bytes[probe] == UInt8(ascii: " "), spaces < 3 {
                probe += 1
                spaces += 1
            }
            guard probe < end, bytes[probe] == UInt8(ascii: ">") else { return position }
            probe += 1
            if probe < end, bytes[probe] == UInt8(ascii: " ") { probe += 1 }
            position = probe
        }
    }

    /// Indentation in columns (tabs to the next multiple of 4) and the offset of the first
    /// non-blank byte after the quote markers.
    private func indentation(line: Int) -> (columns: Int, first: Int) {
        var columns = 0
        var position = contentStarts[line]
        while position < lineEnds[line] {
            switch bytes[position] {
            case UInt8(ascii: " "): columns += 1
            case UInt8(ascii: "\t"): columns += 4 - columns % 4
            default: return (columns, position)
            }
            position += 1
        }
        return (columns, position)
    }

    private mutating func classifyLines() {
        kinds = Array(repeating: .text, count: lineStarts.count)
        var fence: (byte: UInt8, count: Int)?
        var inIndentedCode = false
        var inList = false
        var previousBlank = true
        for line in lineStarts.indices {
            let (columns, first) = indentation(line: line)
            let blank = first == lineEnds[line]
            if let open = fence {
                kinds[line] = .code
                if fenceRun(at: first, line: line).map({ $0.byte == open.byte && $0.count >= open.count && $0.closes })
                    == true
                {
                    fence = nil
                }
                continue
            }
            if blank {
                kinds[line] = .blank
                previousBlank = true
                continue
            }
            if inIndentedCode, columns >= 4 {
                kinds[line] = .code
                continue
            }
            inIndentedCode = false
            if columns >= 4, previousBlank, !inList {
                inIndentedCode = true
                kinds[line] = .code
                continue
            }
            previousBlank = false
            if let run = fenceRun(at: first, line: line), run.opens {
                fence = (run.byte, run.count)
                kinds[line] = .code
                continue
            }
            if startsListItem(at: first, line: line) {
                inList = true
            } else if columns < 2, kinds[max(line - 1, 0)] == .blank || line == 0 {
                inList = false
            }
            if columns < 4, isReferenceDefinition(at: first, line: line) {
                kinds[line] = .referenceDefinition
            }
        }
    }

    /// A run of three or more backticks or tildes at `position`: whether it can open a fence
    /// (a backtick fence's info string has no backtick) and whether it can close one.
    private func fenceRun(at position: Int, line: Int) -> (byte: UInt8, count: Int, opens: Bool, closes: Bool)? {
        let end = lineEnds[line]
        guard position < end, bytes[position] == UInt8(ascii: "`") || bytes[position] == UInt8(ascii: "~") else {
            return nil
        }
        let byte = bytes[position]
        var probe = position
        while probe < end, bytes[probe] == byte { probe += 1 }
        let count = probe - position
        guard count >= 3 else { return nil }
        let rest = bytes[probe..<end]
        let opens = byte == UInt8(ascii: "~") || !rest.contains(UInt8(ascii: "`"))
        let closes = rest.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        return (byte, count, opens, closes)
    }

    private func startsListItem(at position: Int, line: Int) -> Bool {
        let end = lineEnds[line]
        guard position < end else { return false }
        let byte = bytes[position]
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
            return position + 1 == end || bytes[position + 1] == UInt8(ascii: " ")
                || bytes[position + 1] == UInt8(ascii: "\t")
        }
        var probe = position
        while probe < end, probe - position < 9, bytes[probe] >= UInt8(ascii: "0"), bytes[probe] <= UInt8(ascii: "9") {
            probe += 1
        }
        guard probe > position, probe < end, bytes[probe] == UInt8(ascii: ".") || bytes[probe] == UInt8(ascii: ")")
        else {
            return false
        }
        return probe + 1 == end || bytes[probe + 1] == UInt8(ascii: " ")
    }

    /// `[label]: destination` — cmark removes such lines from the tree, so nothing in them is math.
    private func isReferenceDefinition(at position: Int, line: Int) -> Bool {
        let end = lineEnds[line]
        guard position < end, bytes[position] == UInt8(ascii: "[") else { return false }
        var probe = position + 1
        while probe < end, bytes[probe] != UInt8(ascii: "]") {
            if bytes[probe] == UInt8(ascii: "\\") { probe += 1 }
            probe += 1
        }
        return probe + 1 < end && bytes[probe + 1] == UInt8(ascii: ":") && probe > position + 1
    }

    // MARK: - Inline scan

    /// A position in the text that the inline scan walks: a line and a byte offset in it.
    private struct Cursor {
        var line: Int
        var offset: Int
    }

    private mutating func scanInline() {
        var cursor = Cursor(line: 0, offset: 0)
        guard !lineStarts.isEmpty else { return }
        cursor.offset = contentStarts[0]
        while cursor.line < lineStarts.count {
            let line = cursor.line
            if kinds[line] != .text || cursor.offset >= lineEnds[line] {
                cursor = Cursor(line: line + 1, offset: line + 1 < lineStarts.count ? contentStarts[line + 1] : 0)
                continue
            }
            cursor = scanToken(at: cursor)
        }
    }

    /// Looks at the byte under `cursor` outside math and returns where to continue.
    private mutating func scanToken(at cursor: Cursor) -> Cursor {
        let position = cursor.offset
        let end = lineEnds[cursor.line]
        let byte = bytes[position]
        let next: UInt8? = position + 1 < end ? bytes[position + 1] : nil
        switch byte {
        case UInt8(ascii: "\\"):
            if next == UInt8(ascii: "(") {
                return openSpan(.parenthesis, at: cursor, openerLength: 2)
            }
            if next == UInt8(ascii: "[") {
                return openSpan(.bracket, at: cursor, openerLength: 2)
            }
            if next == UInt8(ascii: "b"), let name = environmentName(at: position, prefix: "\\begin"),
                MathDelimiter.bareEnvironments.contains(name), onlyBlanksBefore(position, line: cursor.line)
            {
                return openSpan(.environment(name), at: cursor, openerLength: closingBrace(after: position) - position)
            }
            return Cursor(line: cursor.line, offset: min(position + 2, end))
        case UInt8(ascii: "$"):
            if next == UInt8(ascii: "$") {
                return openSpan(.doubleDollar, at: cursor, openerLength: 2)
            }
            return openSpan(.dollar, at: cursor, openerLength: 1)
        case UInt8(ascii: "`"):
            return skipCodeSpan(at: cursor)
        case UInt8(ascii: "<"):
            return skipHTML(at: cursor)
        case UInt8(ascii: "]"):
            if next == UInt8(ascii: "(") { return skipLinkDestination(at: cursor) }
            return Cursor(line: cursor.line, offset: position + 1)
        default:
            return Cursor(line: cursor.line, offset: position + 1)
        }
    }

    private func onlyBlanksBefore(_ position: Int, line: Int) -> Bool {
        bytes[contentStarts[line]..<position].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// The `name` of `\begin{name}` / `\end {name}` at `position` (spaces allowed before `{`).
    private func environmentName(at position: Int, prefix: String) -> String? {
        let prefixBytes = Array(prefix.utf8)
        guard position + prefixBytes.count < bytes.count,
            bytes[position..<(position + prefixBytes.count)].elementsEqual(prefixBytes)
        else { return nil }
        var probe = position + prefixBytes.count
        while probe < bytes.count, bytes[probe] == UInt8(ascii: " ") { probe += 1 }
        guard probe < bytes.count, bytes[probe] == UInt8(ascii: "{") else { return nil }
        let nameStart = probe + 1
        probe = nameStart
        while probe < bytes.count, probe - nameStart < 40,
            bytes[probe].isASCIILetter || bytes[probe] == UInt8(ascii: "*")
        {
            probe += 1
        }
        guard probe < bytes.count, bytes[probe] == UInt8(ascii: "}"), probe > nameStart else { return nil }
        return String(decoding: bytes[nameStart..<probe], as: UTF8.self)
    }

    // MARK: - Math spans

    /// Tries to read a span whose opener starts at `cursor`; on success records it and returns
    /// the position after its closer, otherwise warns and returns the position after the opener.
    private mutating func openSpan(_ delimiter: MathDelimiter, at cursor: Cursor, openerLength: Int) -> Cursor {
        let contentStart = Cursor(line: cursor.line, offset: cursor.offset + openerLength)
        if let (closerStart, closerEnd) = findCloser(for: delimiter, from: contentStart) {
            record(
                delimiter, opener: cursor, contentStart: contentStart, closerStart: closerStart, closerEnd: closerEnd)
            return closerEnd
        }
        let openerEnd = cursor.offset + max(openerLength, 1)
        let location = location(ofOffset: cursor.offset)
        let endLocation = SourceLocation(line: location.line, column: location.column + max(openerLength, 1))
        if case .environment = delimiter {
            // A bare \begin without its \end is left to the TeX reader; not a dollar problem.
        } else {
            diagnostics.append(.unterminatedMath(delimiter, at: SourceRange(start: location, end: endLocation)))
        }
        return Cursor(line: cursor.line, offset: openerEnd)
    }

    /// Finds the closing delimiter. Inline spans stop at a blank line; display spans may cross
    /// blank lines. No span crosses a code block. Backslash pairs inside math are skipped, so
    /// `\$`, `\\` and `\)` inside an environment are not closers.
    private mutating func findCloser(for delimiter: MathDelimiter, from start: Cursor) -> (Cursor, Cursor)? {
        let key = delimiter.closing
        let startOffset = start.offset
        if let failedUpTo = failedSearches[key], startOffset < failedUpTo { return nil }
        let allowsBlankLines = delimiter.isDisplay
        var cursor = start
        var depth = 0
        var lastOffset = startOffset
        while cursor.line < lineStarts.count {
            let line = cursor.line
            let end = lineEnds[line]
            var position = cursor.offset
            while position < end {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\\") {
                    switch delimiter {
                    case .parenthesis where position + 1 < end && bytes[position + 1] == UInt8(ascii: ")"):
                        return (Cursor(line: line, offset: position), Cursor(line: line, offset: position + 2))
                    case .bracket where position + 1 < end && bytes[position + 1] == UInt8(ascii: "]"):
                        return (Cursor(line: line, offset: position), Cursor(line: line, offset: position + 2))
                    case .environment(let name):
                        if environmentName(at: position, prefix: "\\begin") == name {
                            depth += 1
                        } else if environmentName(at: position, prefix: "\\end") == name {
                            if depth == 0 {
                                let close = closingBrace(after: position)
                                return (Cursor(line: line, offset: close), Cursor(line: line, offset: close))
                            }
                            depth -= 1
                        }
                    default:
                        break
                    }
                    position += 2
                    continue
                }
                if byte == UInt8(ascii: "$") {
                    if delimiter == .dollar {
                        return (Cursor(line: line, offset: position), Cursor(line: line, offset: position + 1))
                    }
                    if delimiter == .doubleDollar, position + 1 < end, bytes[position + 1] == UInt8(ascii: "$") {
                        return (Cursor(line: line, offset: position), Cursor(line: line, offset: position + 2))
                    }
                }
                position += 1
            }
            lastOffset = end
            // Move to the next line, honouring blank lines and code blocks.
            var nextLine = line + 1
            while nextLine < lineStarts.count, kinds[nextLine] == .blank {
                if !allowsBlankLines { break }
                nextLine += 1
            }
            guard nextLine < lineStarts.count, kinds[nextLine] == .text || kinds[nextLine] == .referenceDefinition,
                allowsBlankLines || nextLine == line + 1
            else { break }
            cursor = Cursor(line: nextLine, offset: contentStarts[nextLine])
        }
        failedSearches[key] = max(failedSearches[key] ?? 0, lastOffset)
        return nil
    }

    /// Offset just past the `}` of the `\end{…}` starting at `position`.
    private func closingBrace(after position: Int) -> Int {
        var probe = position
        while probe < bytes.count, bytes[probe] != UInt8(ascii: "}") { probe += 1 }
        return min(probe + 1, bytes.count)
    }

    private mutating func record(
        _ delimiter: MathDelimiter, opener: Cursor, contentStart: Cursor, closerStart: Cursor, closerEnd: Cursor
    ) {
        var latex: [Range<Int>] = []
        var masked: [Range<Int>] = []
        var line = opener.line
        while line <= closerStart.line {
            let latexStart = line == opener.line ? contentStart.offset : contentStarts[line]
            let latexEnd = line == closerStart.line ? closerStart.offset : lineEnds[line]
            let maskStart = line == opener.line ? opener.offset : contentStarts[line]
            let maskEnd = line == closerStart.line ? closerEnd.offset : lineEnds[line]
            latex.append(latexStart..<max(latexStart, latexEnd))
            masked.append(maskStart..<max(maskStart, maskEnd))
            line += 1
        }
        if case .environment = delimiter {
            // The environment's LaTeX is the whole `\begin…\end` block: it is its own delimiter.
            latex[0] = opener.offset..<latex[0].upperBound
            latex[latex.count - 1] = latex[latex.count - 1].lowerBound..<closerEnd.offset
        }
        spans.append(
            Span(delimiter: delimiter, start: opener.offset, end: closerEnd.offset, latex: latex, masked: masked))
    }

    // MARK: - Things that are never math

    /// A backtick run opens a code span when the same run closes it in the same paragraph;
    /// otherwise the backticks are literal.
    private mutating func skipCodeSpan(at cursor: Cursor) -> Cursor {
        let end = lineEnds[cursor.line]
        var position = cursor.offset
        while position < end, bytes[position] == UInt8(ascii: "`") { position += 1 }
        let count = position - cursor.offset
        let key = "`" + String(count)
        if let failedUpTo = failedSearches[key], position < failedUpTo {
            return Cursor(line: cursor.line, offset: position)
        }
        var line = cursor.line
        var probe = position
        while line < lineStarts.count {
            let lineEnd = lineEnds[line]
            while probe < lineEnd {
                if bytes[probe] == UInt8(ascii: "`") {
                    let runStart = probe
                    while probe < lineEnd, bytes[probe] == UInt8(ascii: "`") { probe += 1 }
                    if probe - runStart == count { return Cursor(line: line, offset: probe) }
                } else {
                    probe += 1
                }
            }
            line += 1
            guard line < lineStarts.count, kinds[line] == .text else { break }
            probe = contentStarts[line]
        }
        failedSearches[key] = max(failedSearches[key] ?? 0, lineEnds[min(line, lineStarts.count - 1)])
        return Cursor(line: cursor.line, offset: position)
    }

    /// Skips an HTML comment, a raw-text element (`<pre>`, `<code>`, `<script>`, …) with its
    /// content, or a tag with its attributes; a `<` that starts none of these is literal.
    private mutating func skipHTML(at cursor: Cursor) -> Cursor {
        let position = cursor.offset
        if starts(with: "<!--", at: position) {
            if let close = find("-->", from: position + 4) { return cursorAfter(offset: close + 3) }
            return Cursor(line: cursor.line, offset: position + 4)
        }
        guard position + 1 < bytes.count,
            bytes[position + 1].isASCIILetter || bytes[position + 1] == UInt8(ascii: "/")
                || bytes[position + 1] == UInt8(ascii: "!") || bytes[position + 1] == UInt8(ascii: "?")
        else { return Cursor(line: cursor.line, offset: position + 1) }
        guard let tagEnd = endOfTag(from: position + 1, line: cursor.line) else {
            return Cursor(line: cursor.line, offset: position + 1)
        }
        for element in ["pre", "code", "script", "style", "textarea"] where startsTag(element, at: position) {
            if let close = findCaseInsensitive("</" + element, from: tagEnd.offset) {
                return cursorAfter(offset: close + element.utf8.count + 2)
            }
        }
        return tagEnd
    }

    /// Past the `>` closing a tag, quotes respected, within the paragraph.
    private func endOfTag(from start: Int, line: Int) -> Cursor? {
        var line = line
        var position = start
        var quote: UInt8?
        while line < lineStarts.count {
            while position < lineEnds[line] {
                let byte = bytes[position]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    return Cursor(line: line, offset: position + 1)
                } else if byte == UInt8(ascii: "<") {
                    return nil
                }
                position += 1
            }
            line += 1
            guard line < lineStarts.count, kinds[line] == .text else { return nil }
            position = contentStarts[line]
        }
        return nil
    }

    private func startsTag(_ name: String, at position: Int) -> Bool {
        let nameBytes = Array(name.utf8)
        let after = position + 1 + nameBytes.count
        guard after < bytes.count else { return false }
        for (index, byte) in nameBytes.enumerated() where bytes[position + 1 + index] | 0x20 != byte {
            return false
        }
        let terminator = bytes[after]
        return terminator == UInt8(ascii: ">") || terminator == UInt8(ascii: " ") || terminator == UInt8(ascii: "\n")
            || terminator == UInt8(ascii: "\t") || terminator == UInt8(ascii: "/")
    }

    /// `](destination "title")`: skipped to its closing parenthesis on the same line.
    private func skipLinkDestination(at cursor: Cursor) -> Cursor {
        let end = lineEnds[cursor.line]
        var position = cursor.offset + 2
        var depth = 0
        var inAngle = false
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            if byte == UInt8(ascii: "<") { inAngle = true }
            if byte == UInt8(ascii: ">") { inAngle = false }
            if !inAngle {
                if byte == UInt8(ascii: "(") { depth += 1 }
                if byte == UInt8(ascii: ")") {
                    if depth == 0 { return Cursor(line: cursor.line, offset: position + 1) }
                    depth -= 1
                }
            }
            position += 1
        }
        return Cursor(line: cursor.line, offset: cursor.offset + 1)
    }

    // MARK: - Byte search helpers

    private func starts(with text: String, at position: Int) -> Bool {
        let needle = Array(text.utf8)
        return position + needle.count <= bytes.count
            && bytes[position..<(position + needle.count)].elementsEqual(needle)
    }

    private func find(_ text: String, from start: Int) -> Int? {
        let needle = Array(text.utf8)
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var position = start
        while position + needle.count <= bytes.count {
            if bytes[position] == first, bytes[position..<(position + needle.count)].elementsEqual(needle) {
                return position
            }
            position += 1
        }
        return nil
    }

    private func findCaseInsensitive(_ text: String, from start: Int) -> Int? {
        let needle = Array(text.utf8)
        var position = start
        while position + needle.count <= bytes.count {
            if bytes[position] == needle[0] {
                var matches = true
                for index in 1..<needle.count where bytes[position + index] | 0x20 != needle[index] | 0x20 {
                    matches = false
                    break
                }
                if matches { return position }
            }
            position += 1
        }
        return nil
    }

    /// The cursor at a byte offset (used after skipping across lines).
    private func cursorAfter(offset: Int) -> Cursor {
        let line = lineIndex(ofOffset: offset)
        return Cursor(line: line, offset: max(offset, contentStarts[line]))
    }

    private func lineIndex(ofOffset offset: Int) -> Int {
        LineStarts.lineIndex(ofOffset: offset, in: lineStarts)
    }

    private func location(ofOffset offset: Int) -> SourceLocation {
        LineStarts.location(ofOffset: offset, in: lineStarts)
    }

    // MARK: - Mask

    /// The source with every span's bytes replaced by its filler, line ends kept.
    private func mask() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 16)
        var copied = 0
        for (index, span) in spans.enumerated() {
            let filler = index % 2 == 0 ? Self.fillers.0 : Self.fillers.1
            for range in span.masked {
                out.append(contentsOf: bytes[copied..<range.lowerBound])
                if range.isEmpty {
                    out.append(filler)
                } else {
                    out.append(contentsOf: repeatElement(filler, count: range.count))
                }
                copied = range.upperBound
            }
        }
        out.append(contentsOf: bytes[copied...])
        return out
    }
}

extension UInt8 {
    var isASCIILetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }
}
